package im.tariff.rules;

import static im.tariff.engine.Bills.codes;
import static im.tariff.engine.Bills.line;
import static im.tariff.engine.Bills.totals;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.model.Bill;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import im.tariff.model.LineCode;
import im.tariff.model.Plan;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/plans.drl: the monthly plan fee (SPEC 1.1), prepaid, always on the bill. */
class PlanFeeRulesTest {

    @Test
    void trialHasAZeroPlanFeeLineAndNothingElse() {
        Bill bill = Req.trial().bill();

        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        ChargeLine fee = line(bill, LineCode.PLAN_FEE);
        assertThat(fee.amount().toPlainString()).isEqualTo("0.00");
        assertThat(fee.rule()).isEqualTo("体验版套餐包费用");
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void proPlanFeeIs999() {
        Bill bill = Req.pro().bill();

        ChargeLine fee = line(bill, LineCode.PLAN_FEE);
        assertThat(fee.amount().toPlainString()).isEqualTo("999.00");
        assertThat(fee.unitPrice()).isEqualByComparingTo("999");
        assertThat(fee.quantity()).isEqualByComparingTo("1");
        assertThat(fee.billingMode()).isEqualTo(BillingMode.PREPAID);
        assertThat(fee.rule()).isEqualTo("专业版套餐包费用");
        assertThat(totals(bill)).isEqualTo("999.00 0.00 999.00");
    }

    @Test
    void flagshipPlanFeeIs2999() {
        Bill bill = Req.flagship().bill();

        assertThat(line(bill, LineCode.PLAN_FEE).amount().toPlainString()).isEqualTo("2999.00");
        assertThat(line(bill, LineCode.PLAN_FEE).rule()).isEqualTo("旗舰版套餐包费用");
        assertThat(totals(bill)).isEqualTo("2999.00 0.00 2999.00");
    }

    @Test
    void planFeeWithoutStartDateCoversTheWholeBillingMonthAndIsChargedOnThe1st() {
        ChargeLine fee = line(Req.pro().bill(), LineCode.PLAN_FEE);

        assertThat(List.of(fee.periodStart(), fee.periodEnd(), fee.chargeDate())).containsExactly(
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 10, 1));
    }

    @ParameterizedTest(name = "{0} is {1}, fee {2}")
    @CsvSource({"体验版, TRIAL, 0.00", "专业版, PRO, 999.00", "旗舰版, FLAGSHIP, 2999.00"})
    void chinesePlanNamesAreAccepted(String chinese, Plan plan, String fee) {
        Bill bill = Req.plan(chinese).bill();

        assertThat(bill.plan()).isEqualTo(plan);
        assertThat(line(bill, LineCode.PLAN_FEE).amount().toPlainString()).isEqualTo(fee);
    }

    @Test
    void chinesePlanNamesAreAcceptedForPreviousAndRequestedPlan() {
        Bill bill = Req.plan("专业版").previous("旗舰版").requested("体验版").bill();

        assertThat(bill.violations()).extracting(v -> v.code() + " " + v.subject())
                .containsExactly("DOWNGRADE_TO_TRIAL PRO");
    }
}
