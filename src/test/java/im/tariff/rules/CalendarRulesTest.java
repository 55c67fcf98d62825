package im.tariff.rules;

import static im.tariff.engine.Bills.line;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.LineCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/calendar.drl (SPEC 1.1, 1.6): a prepaid period runs from T to T-1 of the next month (T = the 1st: to
 * the month's end; no T-1 next month: to that month's end) and is charged on T; postpaid lines cover the
 * natural month and are charged on the 3rd of the next month.
 */
class CalendarRulesTest {

    @ParameterizedTest(name = "plan from {0} to {1}")
    @CsvSource({
            "2026-10-01, 2026-10-31",
            "2026-02-01, 2026-02-28",
            "2028-02-01, 2028-02-29",
            "2026-12-01, 2026-12-31",
            "2026-10-15, 2026-11-14",
            "2026-12-15, 2027-01-14",
            "2026-10-02, 2026-11-01",
            "2026-10-31, 2026-11-30",
            "2026-01-31, 2026-02-28",
            "2026-01-30, 2026-02-28",
            "2026-01-29, 2026-02-28",
            "2028-01-31, 2028-02-29",
            "2028-01-30, 2028-02-29",
            "2026-03-31, 2026-04-30",
            "2026-05-31, 2026-06-30",
            "2026-02-28, 2026-03-27",
            "2026-12-31, 2027-01-30"})
    void planPeriodEndsOnTheDayBeforeTheSameDayNextMonth(LocalDate start, LocalDate end) {
        Bill bill = Req.pro().month(start.toString().substring(0, 7)).start(start.toString()).bill();

        ChargeLine fee = line(bill, LineCode.PLAN_FEE);
        assertThat(fee.periodStart()).isEqualTo(start);
        assertThat(fee.periodEnd()).isEqualTo(end);
        assertThat(fee.chargeDate()).isEqualTo(start);
        assertThat(fee.description()).contains(start.toString()).contains(end.toString());
    }

    @Test
    void noPlanStartDateMeansTheFirstOfTheBillingMonth() {
        ChargeLine fee = line(Req.flagship().month("2026-02").bill(), LineCode.PLAN_FEE);

        assertThat(fee.periodStart()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(fee.periodEnd()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(fee.chargeDate()).isEqualTo(LocalDate.of(2026, 2, 1));
    }

    @Test
    void trialPlanFeeLineHasThePeriodToo() {
        ChargeLine fee = line(Req.trial().start("2026-10-15").bill(), LineCode.PLAN_FEE);

        assertThat(fee.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 14));
    }

    @Test
    void addOnWithoutStartDateFollowsThePlanStart() {
        ChargeLine addOn = line(Req.pro().start("2026-10-15").addOn("GROUP_MEMBER_CAP").bill(),
                LineCode.ADDON_GROUP_MEMBER_CAP);

        assertThat(addOn.periodStart()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(addOn.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(addOn.chargeDate()).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    @Test
    void addOnWithoutAnyStartDateCoversTheBillingMonth() {
        ChargeLine addOn = line(Req.flagship().addOn("SECURITY_ADVANCED").bill(), LineCode.ADDON_SECURITY_ADVANCED);

        assertThat(addOn.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(addOn.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void addOnWithItsOwnStartDateHasItsOwnPeriod() {
        Bill bill = Req.pro().start("2026-10-15").addOn("SECURITY_ADVANCED", "2026-10-20")
                .addOn("GROUPS_PER_USER").bill();

        ChargeLine security = line(bill, LineCode.ADDON_SECURITY_ADVANCED);
        assertThat(security.periodStart()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(security.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(security.chargeDate()).isEqualTo(LocalDate.of(2026, 10, 20));
        // the other add-on and the plan keep the plan's period
        assertThat(line(bill, LineCode.ADDON_GROUPS_PER_USER).periodStart()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(line(bill, LineCode.PLAN_FEE).periodEnd()).isEqualTo(LocalDate.of(2026, 11, 14));
    }

    @Test
    void addOnStartingOnThe31stWithoutAPlanStart() {
        // plan from the 1st; the add-on from 2026-01-31 to 2026-02-28, full price (prepaid lines are not prorated)
        Bill bill = Req.pro().month("2026-01").addOn("GROUP_MEMBER_CAP", "2026-01-31").bill();

        ChargeLine addOn = line(bill, LineCode.ADDON_GROUP_MEMBER_CAP);
        assertThat(addOn.periodStart()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(addOn.periodEnd()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(addOn.amount().toPlainString()).isEqualTo("500.00");
        assertThat(line(bill, LineCode.PLAN_FEE).periodEnd()).isEqualTo(LocalDate.of(2026, 1, 31));
    }

    @ParameterizedTest(name = "postpaid {0}: {1}..{2}, charged {3}")
    @CsvSource({
            "2026-10, 2026-10-01, 2026-10-31, 2026-11-03",
            "2026-12, 2026-12-01, 2026-12-31, 2027-01-03",
            "2028-02, 2028-02-01, 2028-02-29, 2028-03-03",
            "2026-04, 2026-04-01, 2026-04-30, 2026-05-03"})
    void postpaidLinesCoverTheNaturalMonthAndAreChargedOnThe3rdOfTheNext(String month, LocalDate start,
                                                                       LocalDate end, LocalDate charged) {
        // the plan starts mid-month: postpaid lines ignore it
        Bill bill = Req.pro().month(month).start(month + "-15").peakDau(10001).peakGroups(100001).history(30)
                .barrage(month + "-02", "DOMESTIC", "1").barrage(month + "-02", "INTERNATIONAL", "1").bill();

        for (LineCode code : new LineCode[] {LineCode.DAU_OVERAGE, LineCode.GROUP_OVERAGE,
                LineCode.ADDON_HISTORY_STORAGE, LineCode.BARRAGE_BANDWIDTH_DOMESTIC,
                LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL}) {
            ChargeLine line = line(bill, code);
            assertThat(line.periodStart()).as(code.name()).isEqualTo(start);
            assertThat(line.periodEnd()).as(code.name()).isEqualTo(end);
            assertThat(line.chargeDate()).as(code.name()).isEqualTo(charged);
        }
    }
}
