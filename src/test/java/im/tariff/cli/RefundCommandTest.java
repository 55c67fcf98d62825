package im.tariff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tariff refund FILE (docs/FORMAT.md, "Refund"): the answer on stdout (JSON or a table), exit 0; bad input exit 2
 * naming the field; rules that fail or define no refund exit 3 in plain words; never a stack trace. On the refund
 * fixture tariff (its figures worked out in RefundsTest), and on the international sheet, which has no refund.
 */
class RefundCommandTest {

    private static final String FIXTURE = "src/test/resources/tariffs/refund";
    private static final String BASIC = """
            {"appId": "42", "refundDate": "2026-10-25", "orders": [
              {"plan": "BASIC", "periodStart": "2026-10-15", "paid": "120.00"},
              {"addOn": "ARCHIVE", "periodStart": "2026-10-15", "paid": "5.00"}]}
            """;

    @TempDir
    Path dir;

    @Test
    void answersAsJsonOnStdout() throws Exception {
        Cli.Result r = Cli.process("refund", "--rules", FIXTURE, Cli.file(dir, "r.json", BASIC));

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode answer = Json.MAPPER.readTree(r.out());
        // 120 × 11 / 31 = 42.58 used, 77.42 back; the postpaid ARCHIVE returns nothing
        assertThat(answer.at("/orders/0/usedValue").asText()).isEqualTo("42.58");
        assertThat(answer.at("/orders/0/returned").asText()).isEqualTo("77.42");
        assertThat(answer.at("/orders/1/returned").asText()).isEqualTo("0.00");
        assertThat(answer.at("/refund").asText()).isEqualTo("77.42");
        assertThat(answer.at("/state/status").asText()).isEqualTo("STOPPED");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void answersAsATableFromStdin() throws Exception {
        Path file = Path.of(Cli.file(dir, "r.json", BASIC));
        ProcessBuilder pb = new ProcessBuilder(java(), "-Dfile.encoding=UTF-8", "-cp", classpath(),
                TariffCli.class.getName(), "refund", "--rules", FIXTURE, "--format", "table", "-")
                .redirectInput(file.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("Basic (BASIC)", "77.42", "REFUND (EUR)", "afterwards: STOPPED");
    }

    @Test
    void badInputExits2NamingTheFieldByItsPath() throws Exception {
        String file = Cli.file(dir, "bad.json", BASIC.replace("\"5.00\"", "\"abc\""));

        Cli.Result r = Cli.run("refund", "--rules", FIXTURE, file);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: orders[1].paid: expected an amount such as \"999.00\", got \"abc\"");
    }

    @Test
    void aSheetWithoutRefundRulesExits3InPlainWords() throws Exception {
        String file = Cli.file(dir, "intl.json", """
                {"appId": "1", "refundDate": "2026-10-25", "orders": [{"plan": "STANDARD", "periodStart": "2026-10-15", "paid": "1.00"}]}
                """);

        Cli.Result r = Cli.run("refund", "--rules", "examples/tariffs/intl", file);

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).startsWith("error: the tariff examples/tariffs/intl defines no refund")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void theReadmesExampleIsAnsweredByTheBundledRules() {
        Cli.Result r = Cli.run("refund", "--format", "table", "examples/refund/pro-mid-month.json");

        assertThat(r.status()).as(r.err()).isZero();
    }

    @Test
    void aMissingFileExits2() {
        Cli.Result r = Cli.run("refund", "--rules", FIXTURE, dir.resolve("none.json").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("file not found");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
