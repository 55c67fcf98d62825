package im.tariff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.io.Json;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tariff evaluate (docs/FORMAT.md, 2.5): exit 0 / 2 / 3, bad input named by its JSON path, never a stack trace. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    private static final String DUPLICATE_DAY = """
            {"appId": "1400000001", "billingMonth": "2026-10", "plan": "PRO",
             "usage": {"dailyDau": [{"date": "2026-10-01", "dau": 1}, {"date": "2026-10-01", "dau": 2}]}}
            """;

    @Test
    void validRequestExits0() throws Exception {
        String file = Cli.file(dir, "ok.json", "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}");

        Cli.Result r = Cli.run("evaluate", file);

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void tableFormatExits0() throws Exception {
        Cli.Result r = Cli.run("evaluate", "--format", "table", "examples/pro-mid-month.json");

        assertThat(r.status()).isZero();
    }

    @Test
    void badRequestExits2AndNamesTheFieldWithoutAStackTrace() throws Exception {
        Cli.Result r = Cli.run("evaluate", Cli.file(dir, "dup.json", DUPLICATE_DAY));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("usage.dailyDau[1].date").contains("2026-10-01");
        assertNoStackTrace(r.err());
    }

    @Test
    void unknownFieldExits2() throws Exception {
        String file = Cli.file(dir, "typo.json",
                "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\", \"usage\": {\"peakDAU\": 5}}");

        Cli.Result r = Cli.run("evaluate", file);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("usage.peakDAU");
        assertNoStackTrace(r.err());
    }

    @Test
    void malformedJsonExits2() throws Exception {
        Cli.Result r = Cli.run("evaluate", Cli.file(dir, "broken.json", "{\"appId\": \"1\", "));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("JSON 格式错误"); // the bundled rules speak Chinese
        assertNoStackTrace(r.err());
    }

    @Test
    void missingFileExits2() {
        Cli.Result r = Cli.run("evaluate", dir.resolve("nope.json").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("nope.json");
        assertNoStackTrace(r.err());
    }

    @Test
    void readsStdinForDash() {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(DUPLICATE_DAY.getBytes(StandardCharsets.UTF_8)));
        try {
            Cli.Result r = Cli.run("evaluate", "-");

            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).contains("usage.dailyDau[1].date");
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void rulesThatDoNotCompileExit3WithFileAndLine() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        int line = RuleFolders.breakFirst(rules.resolve("plans.drl"), "plan == \"TRIAL\"", "plan === \"TRIAL\"");

        Cli.Result r = Cli.run("evaluate", "--rules", rules.toString(), "examples/pro-mid-month.json");

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("plans.drl") + ":" + line + ": ");
        assertNoStackTrace(r.err());
    }

    @Test
    void asARealProcessTheBillIsOnStdoutAndNothingElse() throws Exception {
        Cli.Result r = Cli.process("evaluate", "examples/pro-mid-month.json");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode bill = Json.MAPPER.readTree(r.out());
        // the bill the bundled rules give in this JVM, whatever their prices (an analyst may change them)
        im.tariff.evaluate.Evaluator bundled = im.tariff.evaluate.Evaluator.compile(im.tariff.compile.RuleSource.bundled());
        JsonNode expected = Json.MAPPER.readTree(im.tariff.io.BillWriter.toJson(bundled.evaluate(
                bundled.reader().read(java.nio.file.Files.readString(java.nio.file.Path.of("examples/pro-mid-month.json"))))));
        assertThat(bill).isEqualTo(expected);
        assertThat(bill.at("/lines").size()).isGreaterThan(1);
    }

    @Test
    void asARealProcessABadRequestPrintsNoBillAndExits2() throws Exception {
        Cli.Result r = Cli.process("evaluate", Cli.file(dir, "dup.json", DUPLICATE_DAY));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("usage.dailyDau[1].date");
        assertNoStackTrace(r.err());
    }

    static void assertNoStackTrace(String err) {
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at im.tariff.");
    }
}
