package im.tariff.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money on a line: exact decimals, rounded half-up to 0.01 once per line; totals are sums by billing mode. */
class ChargeLineTest {

    private static final BillingMonth OCTOBER = BillingMonth.of(YearMonth.of(2026, 10));

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({"0.0025, 2.00, 0.01", "0.0024, 2.00, 0.00", "0.1225, 2.00, 0.25", "0.125, 4.00, 0.50",
            "20.5, 2.00, 41.00", "3, 1000.00, 3000.00", "0.335, 1, 0.34", "0.345, 1, 0.35"})
    void postpaidAmountIsQuantityTimesPriceRoundedHalfUp(String quantity, String price, String amount) {
        ChargeLine line = ChargeLine.monthly(fee("1", "x"), "X", OCTOBER, new BigDecimal(quantity),
                new BigDecimal(price), "test");

        assertThat(line.amount().toPlainString()).isEqualTo(amount);
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(line.billingMode()).isEqualTo(BillingMode.POSTPAID);
    }

    @Test
    void prepaidLineIsChargedOnItsFirstDayAndNamesItsTermsRule() {
        PrepaidPeriod period = PrepaidPeriod.ofPlan(account("2026-10-15"), false);
        Fee fee = fee("999", "plan");

        ChargeLine line = ChargeLine.prepaid(fee, fee.line(), fee.price(), period, "words");

        assertThat(line.amount().toPlainString()).isEqualTo("999.00");
        assertThat(line.periodEnd()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(line.rule()).isEqualTo("r");
        assertThat(line.term()).isSameAs(fee);
        assertThat(line.proration()).isNull();
    }

    @ParameterizedTest(name = "{0} at {1} from {2}: {3}")
    @CsvSource({"300.00, 2026-10-15, 17, 164.52", "300.00, 2026-10-01, 31, 300.00", "100.00, 2026-02-28, 1, 3.57",
            "100.00, 2028-02-29, 1, 3.45", "0.01, 2026-10-31, 1, 0.00", "999.00, 2026-10-16, 16, 515.61"})
    void aProratedPeriodPaysItsDaysOfTheMonthRoundedOnce(String price, String start, int days, String amount) {
        PrepaidPeriod period = PrepaidPeriod.ofPlan(account(start), true);
        Fee fee = fee(price, "plan");

        ChargeLine line = ChargeLine.prepaid(fee, fee.line(), fee.price(), period, "words");

        assertThat(period.end()).isEqualTo(LocalDate.parse(start).withDayOfMonth(LocalDate.parse(start).lengthOfMonth()));
        assertThat(line.amount().toPlainString()).isEqualTo(amount);
        if (days == LocalDate.parse(start).lengthOfMonth()) {
            assertThat(line.proration()).isNull();
        } else {
            assertThat(line.proration()).isEqualTo(new Proration(days, LocalDate.parse(start).lengthOfMonth()));
        }
    }

    @ParameterizedTest(name = "T = {0} ends {1}")
    @CsvSource({"2026-10-15, 2026-11-14", "2026-10-01, 2026-10-31", "2026-01-31, 2026-02-28", "2028-01-31, 2028-02-29",
            "2026-12-20, 2027-01-19", "2026-03-31, 2026-04-30"})
    void anAnniversaryPeriodRunsFromTToTheDayBeforeTNextMonth(String t, String end) {
        assertThat(PrepaidPeriod.anniversaryEnd(LocalDate.parse(t))).isEqualTo(LocalDate.parse(end));
    }

    @Test
    void totalsAreSumsByBillingModeWithCreditsApart() {
        PrepaidPeriod period = PrepaidPeriod.ofPlan(account(null), false);
        Fee a = fee("999.00", "a");
        Fee b = fee("1000.00", "b");
        Credit credit = new Credit("CREDIT", new BigDecimal("50"), "c", Versions.EVER, Versions.NEVER, "r");
        List<ChargeLine> lines = List.of(
                ChargeLine.prepaid(a, a.line(), a.price(), period, "a"),
                ChargeLine.prepaid(b, b.line(), b.price(), period, "b"),
                ChargeLine.monthly(a, "C", OCTOBER, new BigDecimal("0.0025"), new BigDecimal("2.00"), "c"),
                ChargeLine.daily(a, "D", LocalDate.of(2026, 10, 31), new BigDecimal("0.0025"), new BigDecimal("2.00"),
                        "d"),
                ChargeLine.credit(credit, "CREDIT", OCTOBER, credit.amount(), "c"));

        Totals totals = Bill.totalsOf(lines);

        // each 0.005 line rounds to 0.01 on its own: 0.02, not round(0.01) of the sum
        assertThat(totals.prepaid().toPlainString()).isEqualTo("1999.00");
        assertThat(totals.postpaid().toPlainString()).isEqualTo("0.02");
        assertThat(totals.credits().toPlainString()).isEqualTo("-50.00");
        assertThat(totals.total().toPlainString()).isEqualTo("1949.02");
        assertThat(lines.get(4).isCredit()).isTrue();
        assertThat(lines.get(4).amount().toPlainString()).isEqualTo("-50.00");
    }

    @Test
    void totalsOfNoLinesAreZeroWithTwoDecimals() {
        assertThat(Bill.totalsOf(List.of()).total().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void dailyLineCoversItsDayAndIsChargedTheNextDayEvenAcrossAMonthEnd() {
        ChargeLine line = ChargeLine.daily(fee("1", "x"), "D", LocalDate.of(2026, 10, 31), new BigDecimal("3"),
                new BigDecimal("10.00"), "d");

        assertThat(line.periodStart()).isEqualTo(line.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(line.amount().toPlainString()).isEqualTo("30.00");
        assertThat(line.billingMode()).isEqualTo(BillingMode.DAILY_POSTPAID);
    }

    private static Account account(String start) {
        LocalDate t = start == null ? null : LocalDate.parse(start);
        return new Account("a", t == null ? YearMonth.of(2026, 10) : YearMonth.from(t), "P", t, null, null);
    }

    private static Fee fee(String price, String label) {
        return new Fee(null, null, "L", new BigDecimal(price), label, Versions.EVER, Versions.NEVER, "r");
    }
}
