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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rules/barrage.drl (SPEC 1.3, 1.6): sum over the days of (day peak Mbps x daily price of the region),
 * domestic 2.00, international 4.00, the line rounded half-up to 0.01.
 */
class BarrageRulesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PRO", "FLAGSHIP"})
    void domesticIsTwoYuanPerMbpsDay(String plan) {
        // 12.5 + 8 = 20.5 Mbps·day x 2.00 = 41.00
        Bill bill = Req.plan(plan).barrage("2026-10-03", "DOMESTIC", "12.5").barrage("2026-10-04", "DOMESTIC", "8")
                .bill();

        ChargeLine line = line(bill, LineCode.BARRAGE_BANDWIDTH_DOMESTIC);
        assertThat(line.quantity()).isEqualByComparingTo("20.5");
        assertThat(line.unitPrice()).isEqualByComparingTo("2");
        assertThat(line.amount().toPlainString()).isEqualTo("41.00");
        assertThat(line.billingMode()).isEqualTo(BillingMode.POSTPAID);
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL)).isEqualTo("absent");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PRO", "FLAGSHIP"})
    void internationalIsFourYuanPerMbpsDay(String plan) {
        // 3.25 x 4.00 = 13.00
        Bill bill = Req.plan(plan).barrage("2026-10-04", "INTERNATIONAL", "3.25").bill();

        ChargeLine line = line(bill, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL);
        assertThat(line.unitPrice()).isEqualByComparingTo("4");
        assertThat(line.amount().toPlainString()).isEqualTo("13.00");
        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_DOMESTIC)).isEqualTo("absent");
    }

    @Test
    void sameDateInBothRegionsGivesOneLinePerRegion() {
        // domestic 10 x 2 = 20.00; international 10 + 1.5 = 11.5 x 4 = 46.00
        Bill bill = Req.pro().barrage("2026-10-04", "DOMESTIC", "10").barrage("2026-10-04", "INTERNATIONAL", "10")
                .barrage("2026-10-05", "INTERNATIONAL", "1.5").bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE, LineCode.BARRAGE_BANDWIDTH_DOMESTIC,
                LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL);
        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_DOMESTIC)).isEqualTo("20.00");
        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL)).isEqualTo("46.00");
        assertThat(totals(bill)).isEqualTo("999.00 66.00 1065.00");
    }

    @Test
    void lineIsRoundedHalfUpOnce_notDayByDay() {
        // 3 days of 0.0025 Mbps: 0.0075 x 2.00 = 0.015 -> 0.02 (day by day it would be 3 x 0.01 = 0.03)
        Bill bill = Req.pro().barrage("2026-10-01", "DOMESTIC", "0.0025").barrage("2026-10-02", "DOMESTIC", "0.0025")
                .barrage("2026-10-03", "DOMESTIC", "0.0025").bill();

        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_DOMESTIC)).isEqualTo("0.02");
    }

    @Test
    void halfAFenRoundsUpNotToEven() {
        // 0.1 + 0.0225 = 0.1225 x 2.00 = 0.245 -> 0.25 (half-even would give 0.24);
        // 0.125 x 4.00 = 0.5 -> 0.50; 0.00125 x 4 would be 0.005 -> 0.01 (checked below)
        Bill bill = Req.pro().barrage("2026-10-01", "DOMESTIC", "0.1").barrage("2026-10-02", "DOMESTIC", "0.0225")
                .barrage("2026-10-01", "INTERNATIONAL", "0.125").bill();

        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_DOMESTIC)).isEqualTo("0.25");
        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL)).isEqualTo("0.50");
        assertThat(totals(bill)).isEqualTo("999.00 0.75 999.75");
    }

    @Test
    void exactlyHalfAFenIsCharged() {
        // 0.00125 x 4.00 = 0.005 -> 0.01
        Bill bill = Req.pro().barrage("2026-10-01", "INTERNATIONAL", "0.00125").bill();

        assertThat(amount(bill, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL)).isEqualTo("0.01");
    }

    @Test
    void lineBelowHalfAFenRoundsToZeroAndIsLeftOut() {
        // 0.002 x 2.00 = 0.004 -> 0.00: only lines above zero appear
        Bill bill = Req.pro().barrage("2026-10-01", "DOMESTIC", "0.002").bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(totals(bill)).isEqualTo("999.00 0.00 999.00");
    }

    @Test
    void zeroBandwidthIsNoLine() {
        Bill bill = Req.flagship().barrage("2026-10-01", "DOMESTIC", "0").barrage("2026-10-01", "INTERNATIONAL", "0")
                .bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
    }

    @Test
    void aWholeMonthOfBandwidth() {
        // 31 days x 100 Mbps x 2.00 = 6200.00
        Req req = Req.pro();
        for (int day = 1; day <= 31; day++) {
            req.barrage(String.format("2026-10-%02d", day), "DOMESTIC", "100");
        }

        assertThat(amount(req.bill(), LineCode.BARRAGE_BANDWIDTH_DOMESTIC)).isEqualTo("6200.00");
    }

    @Test
    void barrageOnTrialIsNotAvailableAndNotCharged() {
        Bill bill = Req.trial().barrage("2026-10-01", "DOMESTIC", "5").barrage("2026-10-01", "INTERNATIONAL", "2")
                .bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactly("ADDON_NOT_AVAILABLE BARRAGE_BANDWIDTH");
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
    }
}
