package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.compile.RuleSource;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import im.tariff.model.Proration;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Plan fees by band on a sheet that prorates by days (src/test/resources/tariffs/prorated): a purchase after the
 * 1st pays the fee × the days left / the month's days, rounded half-up to the cent once, also when the sheet
 * prepays the lowest band on the start day and charges the difference at month end.
 */
class ProratedPlanFeesTest {

    static Evaluator prorated;

    @BeforeAll
    static void compile() throws Exception {
        prorated = Evaluator.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/prorated")));
    }

    private static Bill bill(String json) throws InvalidRequestException {
        return prorated.evaluate(prorated.reader().read(json.replace('\'', '"')));
    }

    @Test
    void aPrepaidLowestBandAndItsDifferenceAddUpToTheFeeRoundedOnce() throws Exception {
        // 1100 × 21/31 = 745.1612… → 745.16; rounded apiece, 300 × 21/31 = 203.23 and 800 × 21/31 = 541.94 made 745.17
        Bill bill = bill("{'appId':'a','billingMonth':'2026-10','plan':'MID','planStartDate':'2026-10-11',"
                + "'usage':{'peakSeats':2500}}");

        assertThat(bill.lines()).hasSize(2);
        ChargeLine prepaid = bill.lines().stream().filter(l -> l.billingMode() == BillingMode.PREPAID).findFirst()
                .orElseThrow();
        ChargeLine difference = bill.lines().stream().filter(l -> l.billingMode() == BillingMode.POSTPAID)
                .findFirst().orElseThrow();
        assertThat(prepaid.amount().toPlainString()).isEqualTo("203.23");
        assertThat(prepaid.chargeDate()).hasToString("2026-10-11");
        assertThat(difference.amount().toPlainString()).isEqualTo("541.93");
        assertThat(difference.unitPrice().toPlainString()).isEqualTo("800.00");
        assertThat(difference.proration()).isEqualTo(new Proration(21, 31));
        assertThat(difference.chargeDate()).hasToString("2026-11-03");
        assertThat(bill.totals().total().toPlainString()).isEqualTo("745.16");
    }

    @Test
    void aWholeMonthPrepaysTheLowestBandAndChargesTheRestAtMonthEnd() throws Exception {
        Bill bill = bill("{'appId':'a','billingMonth':'2026-10','plan':'MID','usage':{'peakSeats':2500}}");

        assertThat(bill.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("300.00", "800.00");
        assertThat(bill.lines()).allSatisfy(l -> assertThat(l.proration()).isNull());
        assertThat(bill.totals().total().toPlainString()).isEqualTo("1100.00");
    }

    @Test
    void aFeeChargedWhollyAtMonthEndIsProratedOnceWithItsFurtherBlocks() throws Exception {
        // 25 seats: 200 + 2 started blocks of 10 above 10 × 50 = 300; × 21/31 = 203.2258… → 203.23
        Bill bill = bill("{'appId':'a','billingMonth':'2026-10','plan':'SMALL','planStartDate':'2026-10-11',"
                + "'usage':{'peakSeats':25}}");

        assertThat(bill.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount().toPlainString()).isEqualTo("203.23");
            assertThat(l.unitPrice().toPlainString()).isEqualTo("300.00");
            assertThat(l.description()).endsWith(", 21 of 31 days");
        });
    }

    @Test
    void anUpgradeFromAFeeByBandTakesThePreviousFeeAtItsOwnMetersPeak() throws Exception {
        // SMALL at 25 seats: 200 + 2 started blocks of 10 above 10 × 50 = 300; LARGE 500 (a fixed fee, no meter):
        // (500 − 300) × 21/31 = 135.4838… → 135.48. It read the meter of the new fee, none, and took SMALL at 0: 100.
        Bill bill = bill("{'appId':'a','billingMonth':'2026-10','plan':'LARGE','previousPlan':'SMALL',"
                + "'planStartDate':'2026-10-11','usage':{'peakSeats':25}}");

        assertThat(bill.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount().toPlainString()).isEqualTo("135.48");
            assertThat(l.unitPrice().toPlainString()).isEqualTo("200.00");
            assertThat(l.description()).isEqualTo("large: upgraded from Small on 2026-10-11, 500.00 − 300.00, 21 of 31 days");
        });
    }

    @Test
    void aDowngradeTakesEffectNextMonthByDefault() throws Exception {
        Bill bill = bill("{'appId':'a','billingMonth':'2026-10','plan':'SMALL','previousPlan':'LARGE',"
                + "'planStartDate':'2026-10-11','usage':{'peakSeats':25}}");

        assertThat(bill.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount().toPlainString()).isEqualTo("0.00");
            assertThat(l.description()).contains("takes effect on the 1st of next month");
        });
    }
}
