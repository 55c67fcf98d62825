package im.tariff.cli;

import static im.tariff.cli.EvaluateCommandTest.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.compile.RuleSource;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes analysts make in a sheet of their own, one at a time in a copy of a small sheet written from the
 * guide (src/test/resources/tariffs/analyst): each is refused by {@code tariff check} at the file:line to edit,
 * or said on the bill, never a wrong bill in silence. The unbroken sheet checks clean first.
 */
class AnalystMistakesTest {

    @TempDir
    Path dir;
    Path rules;

    @BeforeEach
    void copy() throws IOException {
        rules = copy("sheet");
    }

    private Path copy(String name) throws IOException {
        Path to = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/tariffs/analyst"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void theSheetAsWrittenChecksClean() {
        Cli.Result r = check();
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aPlanFeeRulePastedTwiceWithAnotherPriceIsRefusedNamingBothRules() throws IOException {
        append("plans.drl", """

                rule "Premium fee up to 50,000 DAU, new"
                when
                    Account(plan == "PREMIUM")
                    not Usage(meter == "DAU", value > 50000)
                then
                    insert(Fee.plan(kcontext, "PLAN_FEE", "1200.00", "Premium plan"));
                end
                """);
        Cli.Result r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).containsPattern(quoted(rules.resolve("plans.drl")) + ":\\d+: when the plan is PREMIUM.*"
                + "\"Premium fee up to 50,000 DAU(, new)?\" and \"Premium fee up to 50,000 DAU(, new)?\"");
        assertThat(evaluate("{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PREMIUM\"}").status())
                .isEqualTo(3);
    }

    @Test
    void aBandLeftOutOfAPlanFeeConditionIsFoundAtTheBandsEdge() throws IOException {
        int line = RuleFolders.breakFirst(rules.resolve("plans.drl"), "not Usage(meter == \"DAU\", value > 50000)",
                "not Usage(meter == \"DAU\", value >= 50000)");
        Cli.Result r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("plans.drl") + ":" + (line - 3)
                + ": when the plan is PREMIUM and peak DAU = 50000, the plan PREMIUM (Premium) has no plan fee in force");
        // and the bill says so instead of billing nothing
        JsonNode bill = bill("{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PREMIUM\",\"usage\":{\"peakDau\":50000}}");
        assertThat(bill.at("/violations/0/code").asText()).isEqualTo("PLAN_FEE_MISSING");
    }

    @Test
    void anOveragePriceNotYetInForceIsFoundAndSaidOnTheBill() throws IOException {
        RuleFolders.breakFirst(rules.resolve("overage.drl"), "\"100.00\"));", "\"100.00\").from(\"2027-01-01\"));");
        int rule = RuleFolders.breakFirst(rules.resolve("overage.drl"), "rule \"Premium DAU overage\"", "rule \"Premium DAU overage\"");
        Cli.Result r = Cli.run("check", "--rules", rules.toString(), "--month", "2026-10");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("overage.drl") + ":" + rule + ": when the plan is PREMIUM and peak DAU = ")
                .contains("has no price or limit of peak DAU in force on 2026-10-01");
        JsonNode bill = bill("{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PREMIUM\",\"usage\":{\"peakDau\":120001}}");
        assertThat(bill.at("/violations/0/code").asText()).isEqualTo("USAGE_NOT_PRICED");
        assertThat(bill.at("/violations/0/subject").asText()).isEqualTo("DAU");
    }

    @Test
    void aNegativePriceFailsItsRuleAtItsLine() throws IOException {
        int line = RuleFolders.breakFirst(rules.resolve("plans.drl"), "\"1100.00\"", "\"-1100.00\"");
        Cli.Result r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("plans.drl") + ":" + line + ": ")
                .contains("a price cannot be negative: -1100.00 (write a credit with Credit.of)");
        assertNoStackTrace(r.err());
    }

    @Test
    void aPeakGivenAsADailySeriesIsBilledAtItsPeakWithoutAnyRuleOfTheSheet() {
        JsonNode bill = bill("{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PREMIUM\",\"usage\":{\"dailyDau\":"
                + "[{\"date\":\"2026-10-01\",\"dau\":20000},{\"date\":\"2026-10-02\",\"dau\":120001}]}}");
        assertThat(bill.at("/lines/0/amount").asText()).isEqualTo(bill("{\"appId\":\"1\",\"billingMonth\":\"2026-10\","
                + "\"plan\":\"PREMIUM\",\"usage\":{\"peakDau\":120001}}").at("/lines/0/amount").asText());
        assertThat(bill.at("/lines/1/code").asText()).isEqualTo("DAU_OVERAGE");
        assertThat(bill.at("/lines/1/quantity").asText()).isEqualTo("3");
    }

    @Test
    void twoVersionsInForceFromTheSameDayAreRefused() throws IOException {
        RuleFolders.breakFirst(rules.resolve("plans.drl"), "insert(Fee.plan(kcontext, \"PLAN_FEE\", \"0.00\", \"Free plan\"));",
                "insert(Fee.plan(kcontext, \"PLAN_FEE\", \"0.00\", \"Free plan\")); "
                        + "insert(Fee.plan(kcontext, \"PLAN_FEE\", \"5.00\", \"Free plan\").from(\"2026-01-01\"));"
                        + "insert(Fee.plan(kcontext, \"PLAN_FEE\", \"6.00\", \"Free plan\").from(\"2026-01-01\"));");
        Cli.Result r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("in force from the same day (2026-01-01)");
    }

    @Test
    void aMonthOfTheYearZeroStillHasItsPlanFee() {
        JsonNode bill = bill("{\"appId\":\"1\",\"billingMonth\":\"0000-02\",\"plan\":\"PREMIUM\"}");
        assertThat(bill.at("/lines/0/code").asText()).isEqualTo("PLAN_FEE");
        assertThat(bill.at("/lines/0/amount").asText()).isNotEqualTo("0.00");
        assertThat(bill.at("/violations").size()).isZero();
    }

    @Test
    void anOldCopyOfTheGenericRulesIsRefusedNamingTheFileToDelete() throws IOException {
        Files.writeString(rules.resolve("charging.drl"), """
                package analyst;
                import im.tariff.model.*;
                rule "Prepaid: one period at the price in force on its start day"
                when
                    $p : PrepaidPeriod($item : addOn, $t : start)
                    $fee : Fee(addOn == $item, validFrom <= $t, validTo >= $t)
                then
                    insert($fee);
                end
                """, StandardCharsets.UTF_8);
        Cli.Result r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("charging.drl") + ":1: ").contains("delete it");
        assertThat(evaluate("{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PREMIUM\"}").status()).isEqualTo(3);
    }

    @Test
    void aCreditWrittenNegativeAndATierTableWithAGapAreRefusedAtTheirRules() throws IOException {
        append("plans.drl", """

                rule "Premium welcome credit"
                when
                    Account(plan == "PREMIUM")
                then
                    insert(Credit.of(kcontext, "PLAN_FEE", "-50.00", "welcome credit"));
                end
                """);
        Cli.Result r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("write a credit as a positive amount (the bill shows it negative): -50.00");

        rules = copy("second");
        RuleFolders.breakFirst(rules.resolve("overage.drl"), "insert(Overage.of(kcontext, \"DAU\", \"DAU_OVERAGE\", 100000, 10000, \"100.00\"));",
                "insert(Tiers.graduated(kcontext, \"DAU\", \"DAU_OVERAGE\", \"DAU\").band(0, 100000, \"0\").bandFrom(100002, \"0.01\"));");
        r = check();
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("overage.drl") + ":" + rule(rules.resolve("overage.drl"), "Premium DAU overage")
                + ": the tier table of rule \"Premium DAU overage\" is wrong: the bands leave out 100001–100001")
                .doesNotContain("library/");
    }

    // ---- helpers ----

    private Cli.Result check() {
        return Cli.run("check", "--rules", rules.toString());
    }

    private Cli.Result evaluate(String request) {
        try {
            return Cli.run("evaluate", "--rules", rules.toString(), Cli.file(dir, "request.json", request));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The bill of the sheet as it is now, made in this JVM (the command prints it on the process's stdout). */
    private JsonNode bill(String request) {
        try {
            Evaluator sheet = Evaluator.compile(RuleSource.fromDirectory(rules));
            return Json.MAPPER.readTree(BillWriter.toJson(sheet.evaluate(sheet.reader().read(request))));
        } catch (Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(rules.resolve(file), Files.readString(rules.resolve(file)) + text, StandardCharsets.UTF_8);
    }

    private static int rule(Path file, String name) throws IOException {
        return RuleFolders.breakFirst(file, "rule \"" + name + "\"", "rule \"" + name + "\"");
    }

    private static String quoted(Path p) {
        return java.util.regex.Pattern.quote(p.toString());
    }
}
