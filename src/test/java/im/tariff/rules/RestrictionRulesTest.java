package im.tariff.rules;

import static im.tariff.engine.Bills.totals;
import static im.tariff.engine.Bills.violation;
import static im.tariff.engine.Bills.violations;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.model.Bill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rules/restrictions.drl (SPEC 1.5): no way back to TRIAL from a paid plan; other changes are allowed. */
class RestrictionRulesTest {

    @ParameterizedTest(name = "TRIAL after {0}")
    @CsvSource({"PRO", "FLAGSHIP"})
    void trialAfterAPaidPlanIsADowngrade(String previous) {
        Bill bill = Req.trial().previous(previous).bill();

        assertThat(violations(bill)).containsExactly("DOWNGRADE_TO_TRIAL " + previous);
        assertThat(violation(bill, "DOWNGRADE_TO_TRIAL", previous).rule()).isNotBlank();
        // no charge follows from it
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
    }

    @ParameterizedTest(name = "{0} requests TRIAL")
    @CsvSource({"PRO, 999.00", "FLAGSHIP, 2999.00"})
    void requestingTrialFromAPaidPlanIsADowngrade(String plan, String fee) {
        Bill bill = Req.plan(plan).requested("TRIAL").bill();

        assertThat(violations(bill)).containsExactly("DOWNGRADE_TO_TRIAL " + plan);
        assertThat(bill.totals().total().toPlainString()).isEqualTo(fee);
    }

    @ParameterizedTest(name = "previous {0}, plan {1}, requested {2}: allowed")
    @CsvSource({
            "'', TRIAL, ''", "TRIAL, TRIAL, ''", "'', TRIAL, TRIAL", "TRIAL, TRIAL, TRIAL",
            "'', TRIAL, PRO", "'', TRIAL, FLAGSHIP", "TRIAL, PRO, ''", "TRIAL, FLAGSHIP, ''",
            "'', PRO, FLAGSHIP", "'', FLAGSHIP, PRO", "PRO, FLAGSHIP, ''", "FLAGSHIP, PRO, ''",
            "FLAGSHIP, PRO, FLAGSHIP", "PRO, PRO, PRO", "FLAGSHIP, FLAGSHIP, ''"})
    void allowedPlanChangesAreNoViolation(String previous, String plan, String requested) {
        Req req = Req.plan(plan);
        if (!previous.isEmpty()) {
            req.previous(previous);
        }
        if (!requested.isEmpty()) {
            req.requested(requested);
        }

        assertThat(req.bill().violations()).isEmpty();
    }

    @Test
    void trialAfterFlagshipAskingForTrialAgainIsOneViolation() {
        Bill bill = Req.trial().previous("FLAGSHIP").requested("TRIAL").bill();

        assertThat(violations(bill)).containsExactly("DOWNGRADE_TO_TRIAL FLAGSHIP");
    }

    @Test
    void proAfterFlagshipRequestingTrialNamesTheCurrentPlan() {
        Bill bill = Req.pro().previous("FLAGSHIP").requested("TRIAL").bill();

        assertThat(violations(bill)).containsExactly("DOWNGRADE_TO_TRIAL PRO");
    }
}
