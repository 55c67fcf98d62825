package im.tariff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.batch.BatchRunner;
import im.tariff.batch.BatchSummary;
import im.tariff.batch.BillLineEvaluator;
import im.tariff.batch.ProgressListener;
import im.tariff.cli.EvaluateCommand;
import im.tariff.reload.LiveEvaluator;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import im.tariff.io.BillWriter;
import im.tariff.io.Json;
import im.tariff.server.TariffServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated requests (see {@link Mutator}) through the reader and evaluate, the batch, and a real HTTP server
 * on 127.0.0.1. A bounded run by default; a long one with, e.g.,
 * {@code mvn -B -ntp test -Dtest=FuzzTest -Dfuzz.lines=1000000} ({@code -Dfuzz.seed=N} for other inputs,
 * {@code -Dfuzz.http=N} for the lines also sent over HTTP).
 */
class FuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_011L);
    static final int LINES = Integer.getInteger("fuzz.lines", 20_000);
    static final int HTTP_LINES = Integer.getInteger("fuzz.http", Math.min(LINES, 1_000));
    /** Words that show a program's insides instead of plain words. */
    static final List<String> INTERNALS = List.of("com.fasterxml", "java.", "Exception", "jackson", "Jackson",
            "StreamReadConstraints", "Source:", "REDACTED", "JsonNode", "FAIL_ON", "Feature");

    static LiveEvaluator engine;
    static List<byte[]> lines;
    /** What evaluate answers for each line: the bill's JSON, or "error: field: reason" / "error: message". */
    static List<EvaluateCommand.Answer> answers;
    static long slowestNanos;

    @BeforeAll
    static void generate() throws Exception {
        engine = LiveEvaluator.fromDirectory(Path.of("rules")); // the live tariff: a fuzzed request must never crash a rule
        List<String> seeds = seeds();
        Mutator mutator = new Mutator(new SplittableRandom(SEED));
        SplittableRandom pickSeed = new SplittableRandom(SEED + 1);
        lines = new ArrayList<>(LINES);
        for (int i = 0; i < LINES; i++) {
            String seed = seeds.get(pickSeed.nextInt(seeds.size()));
            // one line in ten is left valid, so bills are compared too
            lines.add(i % 10 == 0 ? seed.getBytes(StandardCharsets.UTF_8) : mutator.mutate(seed));
        }
        answers = new ArrayList<>(LINES);
        for (byte[] line : lines) {
            long t = System.nanoTime();
            answers.add(EvaluateCommand.answer(line, () -> engine));
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - t);
        }
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static List<String> seeds() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("examples/requests.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                seeds.add(line);
            }
        }
        RequestGenerator generator = new RequestGenerator(SEED, engine.rules().catalog(), TariffHints.from(engine.rules()));
        for (int i = 0; i < 200; i++) {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
                generator.write(i, g);
            }
            seeds.add(out.toString());
        }
        return seeds;
    }

    @Test
    void everyLineIsAnsweredQuicklyAsABillOrAPlainErrorNamingAField() {
        String dump = System.getProperty("fuzz.dump");
        if (dump != null) { // -Dfuzz.dump=FILE: every distinct message, digits masked, for a reviewer
            java.util.TreeMap<String, Integer> words = new java.util.TreeMap<>();
            answers.stream().filter(a -> a.bill() == null)
                    .forEach(a -> words.merge(a.error().replaceAll("\\d+", "N"), 1, Integer::sum));
            try {
                Files.write(Path.of(dump), words.entrySet().stream().map(e -> e.getValue() + "\t" + e.getKey()).toList(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        int errors = 0;
        for (int i = 0; i < LINES; i++) {
            EvaluateCommand.Answer a = answers.get(i);
            String input = new String(lines.get(i), StandardCharsets.UTF_8);
            if (a.bill() == null) {
                errors++;
                // bad input is refused (2); a rule that fails on a valid request (3) is a bug in the tariff
                assertThat(a.status()).as("exit status for %s: %s", input, a.error()).isEqualTo(2);
                assertThat(a.error()).as("for %s", input).startsWith("error: ").doesNotStartWith("error: : ");
                assertPlain(a.error(), input);
            }
        }
        assertThat(errors).isGreaterThan(LINES / 2); // the mutations bite
        assertThat(slowestNanos).as("slowest evaluation").isLessThan(2_000_000_000L);
    }

    @Test
    void theBatchGivesOneResultPerLineAndTheAnswerEvaluateGives() throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            in.writeBytes(line);
            in.write('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchSummary summary = new BatchRunner(2, () -> new BillLineEvaluator(engine::rules))
                .run(new ByteArrayInputStream(in.toByteArray()), out, ProgressListener.NONE);

        String[] results = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(results).hasSize(LINES + 1); // the last newline ends the last line
        assertThat(summary.lines()).isEqualTo(LINES);
        for (int i = 0; i < LINES; i++) {
            JsonNode r = Json.MAPPER.readTree(results[i]);
            EvaluateCommand.Answer a = answers.get(i);
            String input = new String(lines.get(i), StandardCharsets.UTF_8);
            if (a.bill() != null) {
                assertThat(r).as("bill of line %d: %s", i + 1, input).isEqualTo(Json.MAPPER.readTree(BillWriter.toJson(a.bill())));
            } else {
                assertThat(r.get("line").asLong()).isEqualTo(i + 1);
                assertThat(r.get("field").asText()).as("field of line %d: %s", i + 1, input).isNotEmpty();
                assertThat(evaluateWords(r)).as("line %d: %s", i + 1, input).isEqualTo(a.error());
            }
        }
    }

    @Test
    void theServiceGivesTheAnswerEvaluateGives() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (TariffServer server = new TariffServer(engine, "127.0.0.1", 0).start()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/evaluate");
            for (int i = 0; i < HTTP_LINES; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(lines.get(i))).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                EvaluateCommand.Answer a = answers.get(i);
                String input = new String(lines.get(i), StandardCharsets.UTF_8);
                JsonNode body = Json.MAPPER.readTree(r.body());
                if (a.bill() != null) {
                    assertThat(r.statusCode()).as("line %d: %s", i + 1, input).isEqualTo(200);
                    assertThat(body).isEqualTo(Json.MAPPER.readTree(BillWriter.toJson(a.bill())));
                } else {
                    assertThat(r.statusCode()).as("line %d: %s", i + 1, input).isEqualTo(400);
                    assertThat(evaluateWords(body)).as("line %d: %s", i + 1, input).isEqualTo(a.error());
                }
            }
        }
    }

    /** An error record or HTTP error as evaluate words it on stderr. */
    private static String evaluateWords(JsonNode error) {
        JsonNode field = error.get("field");
        String reason = error.get("error").asText();
        return field == null || "$".equals(field.asText()) && !reason.isEmpty() && isRulesFailure(reason)
                ? "error: " + reason : "error: " + field.asText() + ": " + reason;
    }

    /** A rule failure names no field on the service and "$" in the batch; evaluate prints its message alone. */
    private static boolean isRulesFailure(String reason) {
        return reason.startsWith("规则");
    }

    private static void assertPlain(String message, String input) {
        for (String word : INTERNALS) {
            assertThat(message).as("message for %s", input).doesNotContain(word);
        }
        assertThat(message).as("message for %s", input).doesNotContainPattern("`[A-Za-z_$.]+\\.[A-Za-z_$]+`");
    }
}
