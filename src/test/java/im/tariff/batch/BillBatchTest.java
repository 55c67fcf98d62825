package im.tariff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The batch with the real rules: bills and error records in place, each naming its line and field. */
class BillBatchTest {

    static LiveEvaluator engine;

    @BeforeAll
    static void compile() throws Exception {
        engine = LiveEvaluator.fromDirectory(im.tariff.evaluate.SharedEngine.SEED);
    }

    private static String good(int i) {
        return "{\"appId\":\"app-" + i + "\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"peakDau\":"
                + (i * 7 % 40_000) + "}}";
    }

    /** Bad lines, each with the field its error record must name. */
    private static final Map<String, String> BAD = Map.of(
            "{\"appId\":\"x\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"peakDAU\":5}}", "usage.peakDAU",
            "{\"appId\":\"x\",\"billingMonth\":\"2026-10\"}", "plan",
            "{\"appId\":\"x\",\"billingMonth\":\"2026-10\",\"plan\":\"GOLD\"}", "plan",
            "{not json", "$",
            "", "$",
            "{\"appId\":\"x\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"planStartDate\":\"2026-11-01\"}",
            "planStartDate");

    @Test
    void goodAndBadLinesStayInPlaceAndErrorRecordsNameTheirLineAndField() throws IOException {
        List<String> badLines = new ArrayList<>(BAD.keySet());
        StringBuilder in = new StringBuilder();
        int n = 3000;
        for (int i = 1; i <= n; i++) {
            in.append(i % 11 == 0 ? badLines.get(i % badLines.size()) : good(i));
            in.append(i % 2 == 0 ? "\r\n" : "\n"); // CRLF lines too
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchRunner runner = new BatchRunner(3, 17, 1 << 20, () -> new BillLineEvaluator(engine::rules));
        BatchSummary summary = runner.run(new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)),
                out, ProgressListener.NONE);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(n);
        for (int i = 1; i <= n; i++) {
            JsonNode node = Json.MAPPER.readTree(lines[i - 1]);
            if (i % 11 == 0) {
                String bad = badLines.get(i % badLines.size());
                assertThat(node.get("line").asLong()).as("line %d", i).isEqualTo(i);
                assertThat(node.get("field").asText()).as("line %d", i).isEqualTo(BAD.get(bad));
                assertThat(node.get("error").asText()).isNotBlank();
                assertThat(node.size()).isEqualTo(3);
            } else {
                assertThat(node.get("appId").asText()).as("line %d", i).isEqualTo("app-" + i);
                // PRO: 999 plan fee, plus 1000 per started 10,000 DAU above 10,000 (the tariff in rules/)
                long dau = i * 7L % 40_000;
                long blocks = dau > 10_000 ? (dau - 10_000 + 9_999) / 10_000 : 0;
                assertThat(node.get("totals").get("total").asText()).as("line %d", i)
                        .isEqualTo((999 + 1000 * blocks) + ".00");
            }
        }
        assertThat(summary.errors()).isEqualTo(n / 11);
        assertThat(summary.bills()).isEqualTo(n - n / 11);
    }

    /** Lines that once stopped the batch or stalled it, each between good lines. */
    private static final Map<String, String> HOSTILE = Map.of(
            "{\"x\":1e3000000000}", "x",
            "{\"x\":1.0e-2147483648}", "x",
            "{\"appId\":\"x\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"barrage\":[{\"date\":"
                    + "\"2026-10-01\",\"region\":\"DOMESTIC\",\"peakMbps\":1e1000000}]}}", "usage.barrage[0].peakMbps",
            "{\"appId\":\"x\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"barrage\":[{\"date\":"
                    + "\"2026-10-01\",\"region\":\"DOMESTIC\",\"peakMbps\":1e-999999999}]}}", "usage.barrage[0].peakMbps",
            "[".repeat(100_000), "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]");

    @Test
    void hostileNumbersAndNestingBecomeErrorRecordsAndEveryOtherLineIsBilled() throws IOException {
        List<String> hostile = new ArrayList<>(HOSTILE.keySet());
        StringBuilder in = new StringBuilder();
        int n = 200;
        for (int i = 1; i <= n; i++) {
            in.append(i % 20 == 0 ? hostile.get(i / 20 % hostile.size()) : good(i)).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        BatchSummary summary = new BatchRunner(2, () -> new BillLineEvaluator(engine::rules)).run(
                new ByteArrayInputStream(in.toString().getBytes(StandardCharsets.UTF_8)), out, ProgressListener.NONE);

        assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(n);
        for (int i = 20; i <= n; i += 20) {
            JsonNode node = Json.MAPPER.readTree(lines[i - 1]);
            assertThat(node.get("field").asText()).as("line %d", i)
                    .isEqualTo(HOSTILE.get(hostile.get(i / 20 % hostile.size())));
        }
        assertThat(summary.bills()).isEqualTo(n - n / 20);
    }

    @Test
    void aFailureOfTheProgramOnOneLineIsAnErrorRecordNamingThatLine() throws IOException {
        String in = good(1) + "\n" + good(2) + "\n" + good(3) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        BatchSummary summary = new BatchRunner(1, () -> new BillLineEvaluator(() -> {
            if (calls.incrementAndGet() == 2) { // the second line: one worker reads lines in order
                throw new StackOverflowError();
            }
            return engine.rules();
        })).run(new ByteArrayInputStream(in.getBytes(StandardCharsets.UTF_8)), out, ProgressListener.NONE);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        JsonNode failed = Json.MAPPER.readTree(lines[1]);
        assertThat(failed.get("line").asLong()).isEqualTo(2);
        assertThat(failed.get("error").asText()).contains("internal error").doesNotContain("StackOverflow");
        assertThat(Json.MAPPER.readTree(lines[2]).get("appId").asText()).isEqualTo("app-3");
        assertThat(summary.bills()).isEqualTo(2);
    }
}
