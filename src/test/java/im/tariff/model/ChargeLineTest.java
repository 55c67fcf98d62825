package im.tariff.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Money on a line (SPEC 1.6): exact decimals, rounded half-up to 0.01 once per line; totals are sums. */
class ChargeLineTest {

    private static final PostpaidPeriod OCTOBER = new PostpaidPeriod(LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 3));

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({"0.0025, 2.00, 0.01", "0.0024, 2.00, 0.00", "0.1225, 2.00, 0.25", "0.125, 4.00, 0.50",
            "20.5, 2.00, 41.00", "3, 1000.00, 3000.00", "0.335, 1, 0.34", "0.345, 1, 0.35"})
    void postpaidAmountIsQuantityTimesPriceRoundedHalfUp(String quantity, String price, String amount) {
        ChargeLine line = ChargeLine.postpaid(null, LineCode.BARRAGE_BANDWIDTH_DOMESTIC, OCTOBER,
                new BigDecimal(quantity), price, "test");

        assertThat(line.amount().toPlainString()).isEqualTo(amount);
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(line.billingMode()).isEqualTo(BillingMode.POSTPAID);
    }

    @Test
    void prepaidLineIsChargedOnItsFirstDay() {
        PrepaidPeriod period = new PrepaidPeriod(null, LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 14));

        ChargeLine line = ChargeLine.prepaid(null, LineCode.PLAN_FEE, period, "999", "专业版套餐包");

        assertThat(line.amount().toPlainString()).isEqualTo("999.00");
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(line.description()).isEqualTo("专业版套餐包 2026-10-15 至 2026-11-14");
    }

    @Test
    void totalsAreSumsByBillingMode() {
        PrepaidPeriod period = new PrepaidPeriod(null, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
        List<ChargeLine> lines = List.of(
                ChargeLine.prepaid(null, LineCode.PLAN_FEE, period, "999.00", "a"),
                ChargeLine.prepaid(null, LineCode.ADDON_SECURITY_ADVANCED, period, "1000.00", "b"),
                ChargeLine.postpaid(null, LineCode.BARRAGE_BANDWIDTH_DOMESTIC, OCTOBER, new BigDecimal("0.0025"),
                        "2.00", "c"),
                ChargeLine.postpaid(null, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL, OCTOBER, new BigDecimal("0.0025"),
                        "2.00", "d"));

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
    void planCodesAndChineseNames() {
        assertThat(Plan.parse("PRO")).isEqualTo(Plan.PRO);
        assertThat(Plan.parse("体验版")).isEqualTo(Plan.TRIAL);
        assertThat(Plan.parse("旗舰版")).isEqualTo(Plan.FLAGSHIP);
        assertThat(Plan.parse("pro")).isNull();
        assertThat(Plan.parse(null)).isNull();
    }
}
