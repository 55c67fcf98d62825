package im.tariff.rules;

import static im.tariff.engine.Bills.amount;
import static im.tariff.engine.Bills.codes;
import static im.tariff.engine.Bills.line;
import static im.tariff.engine.Bills.violations;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.model.Bill;
import im.tariff.model.LineCode;
import org.junit.jupiter.api.Test;

/** rules/usage.drl: the month's peak is the highest day of a daily series (SPEC 1.2). */
class UsageRulesTest {

    @Test
    void peakDauIsTheHighestDayNotTheSumOrTheLastDay() {
        // days 5,000 + 25,000 + 12,000: peak 25,000 -> 2 blocks (the sum 42,000 would be 4, the last day 1)
        Bill bill = Req.pro().dailyDau("2026-10-01", 5000).dailyDau("2026-10-02", 25000)
                .dailyDau("2026-10-31", 12000).bill();

        assertThat(line(bill, LineCode.DAU_OVERAGE).quantity()).isEqualByComparingTo("2");
        assertThat(line(bill, LineCode.DAU_OVERAGE).description()).contains("25000");
    }

    @Test
    void peakGroupsIsTheHighestDayOfTheSeries() {
        // 90,000 / 150,000 / 120,000: peak 150,000 -> 1 block
        Bill bill = Req.flagship().dailyGroups("2026-10-01", 90000).dailyGroups("2026-10-02", 150000)
                .dailyGroups("2026-10-03", 120000).bill();

        assertThat(amount(bill, LineCode.GROUP_OVERAGE)).isEqualTo("1000.00");
    }

    @Test
    void seriesAtTheQuotaOnEveryDayIsFree() {
        Bill bill = Req.pro().dailyDau("2026-10-01", 10000).dailyDau("2026-10-02", 10000)
                .dailyGroups("2026-10-01", 100000).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
    }

    @Test
    void oneDayAboveTheQuotaIsEnough() {
        Bill bill = Req.pro().dailyDau("2026-10-01", 3).dailyDau("2026-10-17", 10001).dailyDau("2026-10-18", 2)
                .bill();

        assertThat(amount(bill, LineCode.DAU_OVERAGE)).isEqualTo("1000.00");
    }

    @Test
    void emptySeriesMeansNoUsage() {
        Req req = Req.pro();
        req.json().putObject("usage").putArray("dailyDau");

        assertThat(codes(req.bill())).containsExactly(LineCode.PLAN_FEE);
    }

    @Test
    void trialDailySeriesPeakAboveHundredIsALimitViolation() {
        Bill bill = Req.trial().dailyDau("2026-10-01", 100).dailyDau("2026-10-02", 101)
                .dailyGroups("2026-10-05", 101).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactlyInAnyOrder("LIMIT_EXCEEDED DAU", "LIMIT_EXCEEDED PEAK_GROUPS");
    }

    @Test
    void trialDailySeriesAtHundredIsFine() {
        Bill bill = Req.trial().dailyDau("2026-10-01", 100).dailyGroups("2026-10-01", 100).bill();

        assertThat(violations(bill)).isEmpty();
    }

    @Test
    void peakOfAHugeSeriesIsExact() {
        // 100,000,000,000,010,001 is not a double: as one it would lose the 1 and cost one block less.
        // (100,000,000,000,010,001 - 10,000) / 10,000 = 10,000,000,000,000.0001 -> 10,000,000,000,001 blocks
        Bill bill = Req.pro().dailyDau("2026-10-01", 100_000_000_000_010_001L).dailyDau("2026-10-02", 1).bill();

        assertThat(line(bill, LineCode.DAU_OVERAGE).quantity()).isEqualByComparingTo("10000000000001");
        assertThat(amount(bill, LineCode.DAU_OVERAGE)).isEqualTo("10000000000001000.00");
    }
}
