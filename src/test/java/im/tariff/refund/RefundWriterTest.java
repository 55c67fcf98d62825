package im.tariff.refund;

import static im.tariff.refund.RefundFixture.addOn;
import static im.tariff.refund.RefundFixture.answer;
import static im.tariff.refund.RefundFixture.on;
import static im.tariff.refund.RefundFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.evaluate.Evaluator;
import org.junit.jupiter.api.Test;

/** The answer's JSON (docs/FORMAT.md, "Refund"), field by field, and the table for people. */
class RefundWriterTest {

    private final Evaluator rules = RefundFixture.rules();

    @Test
    void theJsonHasEveryFieldInTheDocumentedOrderAmountsAsStringsWithTwoDecimals() throws Exception {
        RefundAnswer a = answer(rules, on("2026-10-25", plan("BASIC", "2026-10-15", "120"),
                addOn("STORAGE", "\"months\": 3", "2026-10-15", "25")));

        assertThat(RefundWriter.toJson(a, rules.catalog())).isEqualTo("{\"appId\":\"42\",\"refundDate\":\"2026-10-25\","
                + "\"currency\":\"EUR\",\"orders\":["
                + "{\"plan\":\"BASIC\",\"billingMode\":\"PREPAID\",\"periodStart\":\"2026-10-15\","
                + "\"periodEnd\":\"2026-11-14\",\"paid\":\"120.00\",\"monthlyFee\":\"120.00\",\"daysUsed\":11,"
                + "\"periodDays\":31,\"usedValue\":\"42.58\",\"returned\":\"77.42\",\"cleared\":false,"
                + "\"rule\":\"refund: current order\",\"description\":\"in force: 11/31 days used\"},"
                // 25.00 × 11 / 31 = 8.8709… → 8.87; 25.00 − 8.87 = 16.13
                + "{\"addOn\":\"STORAGE\",\"months\":3,\"plan\":\"BASIC\",\"billingMode\":\"PREPAID\","
                + "\"periodStart\":\"2026-10-15\",\"periodEnd\":\"2026-11-14\",\"paid\":\"25.00\","
                + "\"monthlyFee\":\"25.00\",\"daysUsed\":11,\"periodDays\":31,\"usedValue\":\"8.87\","
                + "\"returned\":\"16.13\",\"cleared\":false,\"rule\":\"refund: current order\","
                + "\"description\":\"in force: 11/31 days used\"}],"
                + "\"refund\":\"93.55\","
                + "\"state\":{\"status\":\"STOPPED\",\"renewableOn\":[\"BASIC\",\"TOP\"],\"postpaidStillBilled\":true,"
                + "\"rule\":\"refund: afterwards\",\"message\":\"the app is stopped\"},"
                + "\"rulesVersion\":\"" + rules.version() + "\"}");
    }

    @Test
    void theTableListsEachOrderTheTotalAndTheStateInTheSheetsWords() throws Exception {
        RefundAnswer a = answer(rules, on("2026-10-25", plan("BASIC", "2026-10-15", "40.00")));

        String table = RefundWriter.table(a, rules.catalog());

        assertThat(table).startsWith("Refund  app 42  refund date 2026-10-25  rules " + rules.version() + "\n");
        assertThat(table).contains("order", "monthly fee", "Basic (BASIC)", "2026-10-15..2026-11-14", "11/31", "42.58",
                "[cleared] in force, nothing left: cleared");
        assertThat(table).containsPattern("REFUND \\(EUR\\) +0\\.00");
        assertThat(table).contains("afterwards: STOPPED; renewable on Basic (BASIC), Top (TOP); postpaid charges of "
                + "the month still billed: yes");
        assertThat(table).endsWith("the app is stopped\n");
    }
}
