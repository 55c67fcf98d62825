package im.tariff.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.cli.TariffCli;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An OUT file appears only when complete; a failed run leaves neither OUT nor OUT.partial behind. */
class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void aRunThatFailsHalfwayLeavesNoOutputThatLooksComplete() throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "{\"stale\": \"result of an earlier run\"}\n");
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 20_000; i++) {
            in.append("x\n");
        }
        LineEvaluator failing = (lineNo, buf, off, len, g) -> {
            if (lineNo == 15_000) {
                throw new IllegalStateException("disk on fire");
            }
            g.writeNumber(lineNo);
            return true;
        };
        assertThatThrownBy(() -> {
            try (AtomicOutput output = AtomicOutput.open(out)) {
                new BatchRunner(2, 100, 1 << 20, () -> failing).run(
                        new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)), output.stream(),
                        ProgressListener.NONE);
                output.commit();
            }
        }).hasMessageContaining("disk on fire");

        assertThat(out).doesNotExist();
        assertThat(AtomicOutput.partialOf(out)).doesNotExist();
    }

    @Test
    void resultsAreWrittenToPartialUntilCommitted() throws IOException {
        Path out = dir.resolve("out.jsonl");
        try (AtomicOutput output = AtomicOutput.open(out)) {
            output.stream().write("{}\n".getBytes(StandardCharsets.UTF_8));
            output.stream().flush();
            assertThat(out).doesNotExist();
            assertThat(AtomicOutput.partialOf(out)).hasContent("{}");
            output.commit();
        }
        assertThat(out).hasContent("{}");
        assertThat(AtomicOutput.partialOf(out)).doesNotExist();
    }

    @Test
    void theBatchCommandWritesOneResultPerLineAndRenamesAtTheEnd() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.write(in, List.of(
                "{\"appId\":\"a1\",\"billingMonth\":\"2026-10\",\"plan\":\"TRIAL\"}",
                "{\"appId\":\"a2\",\"billingMonth\":\"2026-10\",\"plan\":\"旗舰版\"}",
                "{\"appId\":\"a3\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"users\":-1}}"));
        Path out = dir.resolve("out.jsonl");

        int status = TariffCli.run("batch", in.toString(), "-o", out.toString(), "--threads", "2");

        assertThat(status).isZero();
        assertThat(AtomicOutput.partialOf(out)).doesNotExist();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"appId\":\"a1\"").contains("\"total\":\"0.00\"");
        assertThat(lines.get(1)).contains("\"appId\":\"a2\"").contains("\"total\":\"2999.00\"");
        assertThat(lines.get(2)).isEqualTo("{\"line\":3,\"error\":\"不能为负数：-1\",\"field\":\"usage.users\"}");
    }

    @Test
    void theBatchCommandRefusesToOverwriteItsInput() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{}\n");
        assertThat(TariffCli.run("batch", in.toString(), "-o", in.toString())).isEqualTo(2);
        assertThat(in).hasContent("{}");
    }
}
