package im.tariff.rules;

import static im.tariff.engine.Bills.amount;
import static im.tariff.engine.Bills.codes;
import static im.tariff.engine.Bills.line;
import static im.tariff.engine.Bills.totals;
import static im.tariff.engine.Bills.violations;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.model.Bill;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import im.tariff.model.LineCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rules/overage.drl (SPEC 1.2): on PRO and FLAGSHIP every started 10,000 DAU above 10,000 and every started
 * 100,000 groups above 100,000 costs 1000.00, postpaid. Expected blocks: ceil((peak - quota) / block).
 */
class OverageRulesTest {

    @ParameterizedTest(name = "{0} peak DAU {1} -> {2} blocks")
    @CsvSource({
            "PRO, 0, 0", "PRO, 9999, 0", "PRO, 10000, 0", "PRO, 10001, 1", "PRO, 20000, 1", "PRO, 20001, 2",
            "PRO, 25000, 2", "PRO, 30000, 2", "PRO, 30001, 3", "PRO, 1000000, 99",
            "FLAGSHIP, 10000, 0", "FLAGSHIP, 10001, 1", "FLAGSHIP, 20000, 1", "FLAGSHIP, 20001, 2",
            "FLAGSHIP, 30000, 2", "FLAGSHIP, 30001, 3"})
    void dauOverageBlocks(String plan, long dau, int blocks) {
        Bill bill = Req.plan(plan).peakDau(dau).bill();

        if (blocks == 0) {
            assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        } else {
            ChargeLine line = line(bill, LineCode.DAU_OVERAGE);
            assertThat(line.quantity()).isEqualByComparingTo(String.valueOf(blocks));
            assertThat(line.unitPrice()).isEqualByComparingTo("1000");
            assertThat(line.amount().toPlainString()).isEqualTo(blocks + "000.00");
            assertThat(line.rule()).isEqualTo("峰值DAU 超量费用");
        }
        assertThat(bill.violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0} peak groups {1} -> {2} blocks")
    @CsvSource({
            "PRO, 100000, 0", "PRO, 100001, 1", "PRO, 200000, 1", "PRO, 200001, 2", "PRO, 300001, 3",
            "FLAGSHIP, 100000, 0", "FLAGSHIP, 100001, 1", "FLAGSHIP, 200000, 1", "FLAGSHIP, 200001, 2"})
    void groupOverageBlocks(String plan, long groups, int blocks) {
        Bill bill = Req.plan(plan).peakGroups(groups).bill();

        if (blocks == 0) {
            assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        } else {
            ChargeLine line = line(bill, LineCode.GROUP_OVERAGE);
            assertThat(line.quantity()).isEqualByComparingTo(String.valueOf(blocks));
            assertThat(line.amount().toPlainString()).isEqualTo(blocks + "000.00");
            assertThat(line.rule()).isEqualTo("峰值群组数 超量费用");
        }
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void specExample25000DauOnProIsTwoBlocksBilledPostpaidOnThe3rdOfNextMonth() {
        Bill bill = Req.pro().start("2026-10-15").peakDau(25000).bill();

        ChargeLine line = line(bill, LineCode.DAU_OVERAGE);
        assertThat(line.billingMode()).isEqualTo(BillingMode.POSTPAID);
        assertThat(line.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(line.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(line.description()).contains("25000").contains("10000");
        assertThat(totals(bill)).isEqualTo("999.00 2000.00 2999.00");
    }

    @Test
    void dauAndGroupOverageTogetherOnFlagship() {
        // 2999 + DAU 45,000: 4 blocks + groups 250,000: 2 blocks
        Bill bill = Req.flagship().peakDau(45000).peakGroups(250000).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE, LineCode.DAU_OVERAGE, LineCode.GROUP_OVERAGE);
        assertThat(amount(bill, LineCode.DAU_OVERAGE)).isEqualTo("4000.00");
        assertThat(amount(bill, LineCode.GROUP_OVERAGE)).isEqualTo("2000.00");
        assertThat(totals(bill)).isEqualTo("2999.00 6000.00 8999.00");
    }

    @ParameterizedTest(name = "PRO over quota is billed, not a violation: DAU {0}")
    @ValueSource(longs = {10001, 500000})
    void paidPlansNeverReportDauOrPeakGroupsAsLimitViolations(long dau) {
        Bill bill = Req.pro().peakDau(dau).peakGroups(dau * 10).bill();

        assertThat(violations(bill)).isEmpty();
    }

    @ParameterizedTest(name = "TRIAL peak DAU {0} -> {1}")
    @CsvSource({"100, ''", "101, LIMIT_EXCEEDED DAU", "50000, LIMIT_EXCEEDED DAU"})
    void trialDauIsAHardLimitNeverOverage(long dau, String violation) {
        Bill bill = Req.trial().peakDau(dau).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
        if (violation.isEmpty()) {
            assertThat(violations(bill)).isEmpty();
        } else {
            assertThat(violations(bill)).containsExactly(violation);
        }
    }

    @ParameterizedTest(name = "TRIAL peak groups {0} -> {1}")
    @CsvSource({"100, ''", "101, LIMIT_EXCEEDED PEAK_GROUPS", "300000, LIMIT_EXCEEDED PEAK_GROUPS"})
    void trialPeakGroupsIsAHardLimitNeverOverage(long groups, String violation) {
        Bill bill = Req.trial().peakGroups(groups).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        if (violation.isEmpty()) {
            assertThat(violations(bill)).isEmpty();
        } else {
            assertThat(violations(bill)).containsExactly(violation);
        }
    }
}
