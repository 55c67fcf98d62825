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

/** rules/addons.drl: value-added services (SPEC 1.3, 1.5), their prices per plan, and what is not offered. */
class AddOnRulesTest {

    @ParameterizedTest(name = "{0} {1} costs {2}")
    @CsvSource({
            "PRO, AVCHATROOM_UNLIMITED, 1000.00", "PRO, GROUP_MEMBER_CAP, 500.00",
            "PRO, GROUPS_PER_USER, 1100.00", "PRO, SECURITY_ADVANCED, 1000.00",
            "FLAGSHIP, GROUP_MEMBER_CAP, 500.00", "FLAGSHIP, GROUPS_PER_USER, 900.00",
            "FLAGSHIP, SECURITY_ADVANCED, 1000.00"})
    void prepaidAddOnPrices(String plan, String type, String price) {
        Bill bill = Req.plan(plan).addOn(type).bill();

        ChargeLine line = line(bill, LineCode.valueOf("ADDON_" + type));
        assertThat(line.amount().toPlainString()).isEqualTo(price);
        assertThat(line.billingMode()).isEqualTo(BillingMode.PREPAID);
        assertThat(line.quantity()).isEqualByComparingTo("1");
        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE, LineCode.valueOf("ADDON_" + type));
        assertThat(bill.violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0} history {1} days costs {2}")
    @CsvSource({
            "PRO, 30, 500.00", "PRO, 90, 1000.00", "PRO, 180, 1500.00", "PRO, 360, 2500.00",
            "FLAGSHIP, 90, 500.00", "FLAGSHIP, 180, 1000.00", "FLAGSHIP, 360, 2000.00"})
    void historyStoragePricesArePostpaidForTheWholeMonth(String plan, int days, String price) {
        // started mid-month on purpose: history storage is never prorated
        Bill bill = Req.plan(plan).start("2026-10-15").history(days).bill();

        ChargeLine line = line(bill, LineCode.ADDON_HISTORY_STORAGE);
        assertThat(line.amount().toPlainString()).isEqualTo(price);
        assertThat(line.billingMode()).isEqualTo(BillingMode.POSTPAID);
        assertThat(line.periodStart()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(line.periodEnd()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(line.chargeDate()).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(bill.totals().postpaid().toPlainString()).isEqualTo(price);
        assertThat(bill.violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0} history {1} days is not an option")
    @CsvSource({"PRO, 60", "PRO, 7", "PRO, 0", "PRO, 365", "FLAGSHIP, 30", "FLAGSHIP, 60", "FLAGSHIP, 7"})
    void historyStorageOptionNotOfferedIsInvalidAndNotCharged(String plan, int days) {
        Bill bill = Req.plan(plan).history(days).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactly("ADDON_OPTION_INVALID HISTORY_STORAGE");
        assertThat(bill.totals().postpaid().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void flagshipDoesNotOfferAvChatRoomUnlimited() {
        Bill bill = Req.flagship().addOn("AVCHATROOM_UNLIMITED").bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactly("ADDON_NOT_AVAILABLE AVCHATROOM_UNLIMITED");
        assertThat(totals(bill)).isEqualTo("2999.00 0.00 2999.00");
    }

    @ParameterizedTest(name = "TRIAL {0} is not available")
    @ValueSource(strings = {"AVCHATROOM_UNLIMITED", "GROUP_MEMBER_CAP", "GROUPS_PER_USER", "SECURITY_ADVANCED"})
    void trialOffersNoPrepaidAddOn(String type) {
        Bill bill = Req.trial().addOn(type).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactly("ADDON_NOT_AVAILABLE " + type);
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
    }

    @ParameterizedTest(name = "TRIAL history {0} days: not available, option not checked")
    @ValueSource(ints = {30, 60, 90})
    void trialHistoryStorageIsNotAvailableAndItsOptionIsNotChecked(int days) {
        Bill bill = Req.trial().history(days).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactly("ADDON_NOT_AVAILABLE HISTORY_STORAGE");
    }

    @Test
    void trialWithEveryAddOnGetsOneViolationEach() {
        Bill bill = Req.trial().addOn("AVCHATROOM_UNLIMITED").addOn("GROUP_MEMBER_CAP").addOn("GROUPS_PER_USER")
                .addOn("SECURITY_ADVANCED").history(90).bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(violations(bill)).containsExactlyInAnyOrder("ADDON_NOT_AVAILABLE AVCHATROOM_UNLIMITED",
                "ADDON_NOT_AVAILABLE GROUP_MEMBER_CAP", "ADDON_NOT_AVAILABLE GROUPS_PER_USER",
                "ADDON_NOT_AVAILABLE SECURITY_ADVANCED", "ADDON_NOT_AVAILABLE HISTORY_STORAGE");
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
    }

    @Test
    void everyAddOnOnProAddsUp() {
        // prepaid 999 + 1000 + 500 + 1100 + 1000 = 4599; postpaid history 180 d = 1500
        Bill bill = Req.pro().addOn("SECURITY_ADVANCED").history(180).addOn("GROUPS_PER_USER")
                .addOn("GROUP_MEMBER_CAP").addOn("AVCHATROOM_UNLIMITED").bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE, LineCode.ADDON_AVCHATROOM_UNLIMITED,
                LineCode.ADDON_GROUP_MEMBER_CAP, LineCode.ADDON_GROUPS_PER_USER, LineCode.ADDON_SECURITY_ADVANCED,
                LineCode.ADDON_HISTORY_STORAGE);
        assertThat(totals(bill)).isEqualTo("4599.00 1500.00 6099.00");
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void everyAddOnOnFlagshipAddsUpWithoutTheUnofferedOne() {
        // prepaid 2999 + 500 + 900 + 1000 = 5399 (AVCHATROOM_UNLIMITED not charged); postpaid 360 d = 2000
        Bill bill = Req.flagship().addOn("AVCHATROOM_UNLIMITED").addOn("GROUP_MEMBER_CAP").addOn("GROUPS_PER_USER")
                .addOn("SECURITY_ADVANCED").history(360).bill();

        assertThat(amount(bill, LineCode.ADDON_AVCHATROOM_UNLIMITED)).isEqualTo("absent");
        assertThat(totals(bill)).isEqualTo("5399.00 2000.00 7399.00");
        assertThat(violations(bill)).containsExactly("ADDON_NOT_AVAILABLE AVCHATROOM_UNLIMITED");
    }

    @Test
    void invalidHistoryOptionDoesNotStopOtherAddOnsFromBeingCharged() {
        Bill bill = Req.pro().history(60).addOn("SECURITY_ADVANCED").bill();

        assertThat(totals(bill)).isEqualTo("1999.00 0.00 1999.00");
        assertThat(violations(bill)).containsExactly("ADDON_OPTION_INVALID HISTORY_STORAGE");
    }
}
