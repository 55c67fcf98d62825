package im.tariff.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money on a line (the tariff in rules/): exact decimals, rounded half-up to 0.01 once per line; totals are sums. */
class ChargeLineTest {

    private static final PostpaidPeriod OCTOBER = new PostpaidPeriod(LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 3));

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({"0.0025, 2.00, 0.01", "0.0024, 2.00, 0.00", "0.1225, 2.00, 0.25", "0.125, 4.00, 0.50",
            "20.5, 2.00, 41.00", "3, 1000.00, 3000.00", "0.335, 1, 0.34", "0.345, 1, 0.35"})
    void postpaidAmountIsQuantityTimesPriceRoundedHalfUp(String quantity, String price, String amount) {
        ChargeLine line = ChargeLine.monthly("X", OCTOBER, new BigDecimal(quantity), new BigDecimal(price), "r",
                "test");

        assertThat(line.amount().toPlainString()).isEqualTo(amount);
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(line.billingMode()).isEqualTo(BillingMode.POSTPAID);
    }

    @Test
    void prepaidLineIsChargedOnItsFirstDay() {
        PrepaidPeriod period = new PrepaidPeriod(null, null, LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14));

        ChargeLine line = ChargeLine.prepaid(fee("999", "专业版套餐包"), period);

        assertThat(line.amount().toPlainString()).isEqualTo("999.00");
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(line.description()).isEqualTo("专业版套餐包 2026-10-15 至 2026-11-14");
    }

    @Test
    void totalsAreSumsByBillingMode() {
        PrepaidPeriod period = new PrepaidPeriod(null, null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        List<ChargeLine> lines = List.of(
                ChargeLine.prepaid(fee("999.00", "a"), period),
                ChargeLine.prepaid(fee("1000.00", "b"), period),
                ChargeLine.monthly("C", OCTOBER, new BigDecimal("0.0025"), new BigDecimal("2.00"), "r", "c"),
                ChargeLine.daily("D", LocalDate.of(2026, 10, 31), new BigDecimal("0.0025"), new BigDecimal("2.00"),
                        "r", "d"));

        Totals totals = Bill.totalsOf(lines);

        // each 0.005 line rounds to 0.01 on its own: 0.02, not round(0.01) of the sum
        assertThat(totals.prepaid().toPlainString()).isEqualTo("1999.00");
        assertThat(totals.postpaid().toPlainString()).isEqualTo("0.02");
        assertThat(totals.total().toPlainString()).isEqualTo("1999.02");
    }

    @Test
    void totalsOfNoLinesAreZeroWithTwoDecimals() {
        assertThat(Bill.totalsOf(List.of()).total().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void dailyLineCoversItsDayAndIsChargedTheNextDayEvenAcrossAMonthEnd() {
        ChargeLine line = ChargeLine.daily("D", LocalDate.of(2026, 10, 31), new BigDecimal("3"),
                new BigDecimal("10.00"), "r", "d");

        assertThat(line.periodStart()).isEqualTo(line.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(line.amount().toPlainString()).isEqualTo("30.00");
        assertThat(line.billingMode()).isEqualTo(BillingMode.DAILY_POSTPAID);
    }

    private static Fee fee(String price, String label) {
        return new Fee(null, null, "L", new BigDecimal(price), label, Versions.EVER, Versions.NEVER, "r");
    }
}
