package im.tariff.rules;

import static im.tariff.engine.Bills.codes;
import static im.tariff.engine.Bills.totals;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.io.BillWriter;
import im.tariff.model.Bill;
import im.tariff.model.LineCode;
import org.junit.jupiter.api.Test;

/** The shape of a bill (SPEC 2.3): which lines appear, in what order, and totals as sums of lines. */
class BillShapeTest {

    /** A PRO bill with every kind of line; expected amounts below are worked out from SPEC 1.1-1.3. */
    private static Req everyLine() {
        return Req.pro().start("2026-10-15")
                .addOn("SECURITY_ADVANCED", "2026-10-20").history(90).addOn("GROUPS_PER_USER")
                .addOn("AVCHATROOM_UNLIMITED").addOn("GROUP_MEMBER_CAP")
                .peakDau(25000).peakGroups(150000)
                .barrage("2026-10-04", "INTERNATIONAL", "3.25").barrage("2026-10-03", "DOMESTIC", "12.5")
                .barrage("2026-10-04", "DOMESTIC", "8");
    }

    @Test
    void everyKindOfLineInTheDocumentedOrder() {
        Bill bill = everyLine().bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE, LineCode.DAU_OVERAGE, LineCode.GROUP_OVERAGE,
                LineCode.ADDON_AVCHATROOM_UNLIMITED, LineCode.ADDON_GROUP_MEMBER_CAP, LineCode.ADDON_GROUPS_PER_USER,
                LineCode.ADDON_SECURITY_ADVANCED, LineCode.ADDON_HISTORY_STORAGE,
                LineCode.BARRAGE_BANDWIDTH_DOMESTIC, LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL);
        assertThat(bill.lines()).extracting(l -> l.amount().toPlainString()).containsExactly(
                "999.00", "2000.00", "1000.00", "1000.00", "500.00", "1100.00", "1000.00", "1000.00", "41.00",
                "13.00");
        // prepaid 999 + 1000 + 500 + 1100 + 1000 = 4599; postpaid 2000 + 1000 + 1000 + 41 + 13 = 4054
        assertThat(totals(bill)).isEqualTo("4599.00 4054.00 8653.00");
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void orderDoesNotDependOnTheOrderOfTheRequest() {
        Req reversed = Req.pro().start("2026-10-15")
                .addOn("GROUP_MEMBER_CAP").addOn("AVCHATROOM_UNLIMITED").addOn("GROUPS_PER_USER").history(90)
                .addOn("SECURITY_ADVANCED", "2026-10-20")
                .peakGroups(150000).peakDau(25000)
                .barrage("2026-10-04", "DOMESTIC", "8").barrage("2026-10-03", "DOMESTIC", "12.5")
                .barrage("2026-10-04", "INTERNATIONAL", "3.25");

        assertThat(BillWriter.toJson(reversed.bill())).isEqualTo(BillWriter.toJson(everyLine().bill()));
    }

    @Test
    void planFeeIsAlwaysFirstAndZeroLinesAreLeftOut() {
        Bill bill = Req.pro().peakDau(10000).peakGroups(100000).barrage("2026-10-01", "DOMESTIC", "0").bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
    }

    @Test
    void billCarriesTheRequestIdentityAndCurrency() {
        Bill bill = Req.plan("旗舰版").month("2027-03").bill();

        assertThat(bill.appId()).isEqualTo("1400000001");
        assertThat(bill.billingMonth()).hasToString("2027-03");
        assertThat(bill.plan().name()).isEqualTo("FLAGSHIP");
        assertThat(bill.currency()).isEqualTo("CNY");
        assertThat(bill.rulesVersion()).matches("[0-9a-f]{12}");
    }

    @Test
    void everyLineAndViolationNamesTheRuleThatMadeIt() {
        Bill bill = everyLine().requested("TRIAL").usage("maxFriendsPerUser", 3001).bill();

        assertThat(bill.lines()).allSatisfy(l -> {
            assertThat(l.rule()).isNotBlank();
            assertThat(l.description()).isNotBlank();
        });
        assertThat(bill.violations()).hasSize(2).allSatisfy(v -> {
            assertThat(v.rule()).isNotBlank();
            assertThat(v.message()).isNotBlank();
            assertThat(v.severity().name()).isEqualTo("ERROR");
        });
    }
}
