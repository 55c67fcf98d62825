package im.tariff.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The pipeline itself, with a stand-in evaluator: order, completeness, chunk edges, failures. */
class BatchRunnerTest {

    /** Echoes each line's number and text; every line starting with "bad" becomes an error record. */
    static final class EchoEvaluator implements LineEvaluator {
        @Override
        public boolean evaluate(long lineNo, byte[] buf, int off, int len, JsonGenerator out) throws IOException {
            if (ThreadLocalRandom.current().nextInt(50) == 0) {
                Thread.yield(); // shuffle which worker finishes first
            }
            String text = new String(buf, off, len, StandardCharsets.UTF_8);
            if (text.startsWith("bad")) {
                ErrorRecord.write(out, lineNo, "bad line", "$");
                return false;
            }
            out.writeStartObject();
            out.writeNumberField("n", lineNo);
            out.writeStringField("text", text);
            out.writeEndObject();
            return true;
        }
    }

    private static List<String> run(BatchRunner runner, String input, BatchSummary[] summary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary[0] = runner.run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                ProgressListener.NONE);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    @Test
    void twentyThousandMixedLinesComeOutOnceEachInInputOrderAcrossManyChunksAndThreads() throws IOException {
        StringBuilder in = new StringBuilder();
        int n = 20_000;
        int bad = 0;
        for (int i = 1; i <= n; i++) {
            if (i % 7 == 3 || i % 1000 == 0) {
                in.append("bad ").append(i).append('\n');
                bad++;
            } else {
                in.append("line-").append(i).append('\n');
            }
        }
        BatchSummary[] summary = new BatchSummary[1];
        List<String> out = run(new BatchRunner(4, 13, 1 << 20, EchoEvaluator::new), in.toString(), summary);

        assertThat(out).hasSize(n);
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i <= n; i++) {
            JsonNode node = Json.MAPPER.readTree(out.get(i - 1));
            boolean expectBad = i % 7 == 3 || i % 1000 == 0;
            if (expectBad) {
                assertThat(node.get("line").asLong()).isEqualTo(i);
                assertThat(node.get("field").asText()).isEqualTo("$");
            } else {
                assertThat(node.get("n").asLong()).isEqualTo(i);
                assertThat(node.get("text").asText()).isEqualTo("line-" + i);
            }
            assertThat(seen.add(expectBad ? node.get("line").asLong() : node.get("n").asLong())).isTrue();
        }
        assertThat(summary[0].lines()).isEqualTo(n);
        assertThat(summary[0].errors()).isEqualTo(bad);
        assertThat(summary[0].bills()).isEqualTo(n - bad);
    }

    @Test
    void chunksCutByBytesKeepLinesWholeEvenWhenOneLineIsLongerThanTheBuffer() throws IOException {
        String longLine = "x".repeat(300_000);
        String input = "a\n" + longLine + "\nb\n\nc";
        BatchSummary[] summary = new BatchSummary[1];
        List<String> out = run(new BatchRunner(2, 1000, 16, EchoEvaluator::new), input, summary);

        assertThat(out).hasSize(5);
        assertThat(Json.MAPPER.readTree(out.get(1)).get("text").asText()).isEqualTo(longLine);
        assertThat(Json.MAPPER.readTree(out.get(3)).get("text").asText()).isEmpty(); // an empty line is a line
        // the last line has no newline and still counts; no extra line after it
        assertThat(Json.MAPPER.readTree(out.get(4)).get("n").asLong()).isEqualTo(5);
    }

    @Test
    void aFinalNewlineDoesNotMakeAnotherLineAndEmptyInputGivesEmptyOutput() throws IOException {
        BatchSummary[] summary = new BatchSummary[1];
        assertThat(run(new BatchRunner(2, EchoEvaluator::new), "a\nb\n", summary)).hasSize(2);
        assertThat(run(new BatchRunner(2, EchoEvaluator::new), "", summary)).isEmpty();
        assertThat(summary[0].lines()).isZero();
    }

    @Test
    void aFailingEvaluatorStopsTheRunWithTheFailure() {
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            in.append("line-").append(i).append('\n');
        }
        LineEvaluator failing = (lineNo, buf, off, len, out) -> {
            if (lineNo == 3210) {
                throw new IllegalStateException("boom at " + lineNo);
            }
            out.writeNumber(lineNo);
            return true;
        };
        BatchRunner runner = new BatchRunner(2, 10, 1 << 20, () -> failing);
        assertThatThrownBy(() -> runner.run(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("boom at 3210");
    }

    @Test
    void aLineOverTheLineLimitIsSkippedUnreadAndBecomesAnErrorRecordInItsPlace() throws IOException {
        String huge = "y".repeat(200_000); // longer than the read buffer: skipped while reading
        String input = "a\nb\n" + huge + "\nc\n" + huge; // the last one without a newline
        BatchSummary[] summary = new BatchSummary[1];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        summary[0] = new BatchRunner(2, 1000, 16, 100, EchoEvaluator::new)
                .run(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, ProgressListener.NONE);
        List<String> lines = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));

        assertThat(lines).hasSize(5);
        assertThat(Json.MAPPER.readTree(lines.get(1)).get("text").asText()).isEqualTo("b");
        JsonNode skipped = Json.MAPPER.readTree(lines.get(2));
        assertThat(skipped.get("line").asLong()).isEqualTo(3);
        assertThat(skipped.get("field").asText()).isEqualTo("$");
        assertThat(skipped.get("error").asText()).contains("200000 字节"); // no rules here: the default language
        assertThat(Json.MAPPER.readTree(lines.get(3)).get("text").asText()).isEqualTo("c");
        assertThat(Json.MAPPER.readTree(lines.get(4)).get("line").asLong()).isEqualTo(5);
        assertThat(summary[0].errors()).isEqualTo(2);
    }
}
