package im.tariff.refund;

import static im.tariff.refund.RefundFixture.addOn;
import static im.tariff.refund.RefundFixture.answer;
import static im.tariff.refund.RefundFixture.on;
import static im.tariff.refund.RefundFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.compile.RuleSource;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The refund mechanics on the fixture tariff: the fee is the tariff's in force on the order's first day, the
 * days are counted on the T … T-1 calendar, the rules say each line and the state, the engine checks them.
 * Every figure is worked out by hand in the comment above it.
 */
class RefundsTest {

    private final Evaluator rules = RefundFixture.rules();

    @Test
    void anOrderInForceReturnsWhatWasPaidLessTheUsedValue() throws Exception {
        // 2026-10-15 … 2026-11-14 = 31 days; 10-15 … 10-25 = 11 used; BASIC 120.00 since 2026-07-01:
        // 120 × 11 / 31 = 42.5806… → 42.58; 120.00 − 42.58 = 77.42
        RefundAnswer a = answer(rules, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00")));

        RefundLine l = a.lines().get(0);
        assertThat(l.order().periodEnd()).hasToString("2026-11-14");
        assertThat(l.order().periodDays()).isEqualTo(31);
        assertThat(l.order().daysUsed()).isEqualTo(11);
        assertThat(l.order().monthlyFee()).isEqualByComparingTo("120.00");
        assertThat(l.usedValue()).hasToString("42.58");
        assertThat(l.returned()).hasToString("77.42");
        assertThat(l.cleared()).isFalse();
        assertThat(l.rule()).isEqualTo("refund: current order");
        assertThat(a.refund()).hasToString("77.42");
        assertThat(a.currency()).isEqualTo("EUR");
        assertThat(a.rulesVersion()).isEqualTo(rules.version());
    }

    @Test
    void theMonthlyFeeIsTheTariffsVersionInForceOnThePeriodsFirstDayNotThePaidAmount() throws Exception {
        // 100.00 always; 120.00 from 2026-07-01; 150.00 from 2026-07-15 until 2026-07-31
        assertThat(fee("2026-06-30")).isEqualTo("100.00");
        assertThat(fee("2026-07-01")).isEqualTo("120.00");
        assertThat(fee("2026-07-14")).isEqualTo("120.00");
        assertThat(fee("2026-07-15")).isEqualTo("150.00");
        assertThat(fee("2026-07-31")).isEqualTo("150.00");
        assertThat(fee("2026-08-01")).isEqualTo("120.00");
    }

    /** The monthly fee of a BASIC order from T refunded on T, paid 1.00 (never read as the fee). */
    private String fee(String t) throws Exception {
        RefundAnswer a = answer(rules, on(t, plan("BASIC", t, "1.00")));
        return a.lines().get(0).order().monthlyFee().setScale(2).toPlainString();
    }

    @Test
    void theUsedValueIsRoundedHalfUpToTheCentOncePerOrder() throws Exception {
        // STORAGE 1 month 10.35 on BASIC; 2026-11-01 … 2026-11-30 = 30 days, 1 used: 10.35 / 30 = 0.345 exactly
        // → 0.35 half-up (0.34 half-even); 10.35 − 0.35 = 10.00
        RefundAnswer a = answer(rules, on("2026-11-01",
                addOn("STORAGE", "\"months\": 1, \"plan\": \"BASIC\"", "2026-11-01", "10.35")));

        assertThat(a.lines().get(0).order().periodDays()).isEqualTo(30);
        assertThat(a.lines().get(0).usedValue()).hasToString("0.35");
        assertThat(a.refund()).hasToString("10.00");
    }

    @Test
    void everyKindOfOrderAnsweredByItsRuleAndTheTotalIsTheirSum() throws Exception {
        RefundAnswer a = answer(rules, on("2026-10-25",
                plan("BASIC", "2026-09-15", "120.00"),        // ended 2026-10-14: 30/30 days, nothing returned
                plan("BASIC", "2026-10-15", "50.00"),         // in force: 50.00 − 42.58 = 7.42
                plan("BASIC", "2026-11-15", "120.00"),        // not started: 120.00 whole
                addOn("ARCHIVE", "", "2026-10-15", "5.00"),   // postpaid: no prepaid order, 0.00
                addOn("BACKUP", "", "2026-10-20", "31.00"))); // 10-20 … 11-19 = 31 days, 6 used: 6.00; 25.00

        assertThat(a.lines()).extracting(RefundLine::rule).containsExactly("refund: ended", "refund: current order",
                "refund: not started", "refund: postpaid", "refund: current order");
        assertThat(a.lines()).extracting(l -> l.returned().toPlainString())
                .containsExactly("0.00", "7.42", "120.00", "0.00", "25.00");
        assertThat(a.lines()).extracting(l -> l.usedValue().toPlainString())
                .containsExactly("120.00", "42.58", "0.00", "0.00", "6.00");
        assertThat(a.lines()).extracting(l -> l.order().daysUsed()).containsExactly(30, 11, 0, 11, 6);
        assertThat(a.lines().get(3).order().plan()).as("the add-on's plan, from the plan's order in force")
                .isEqualTo("BASIC");
        assertThat(a.lines().get(3).description()).isEqualTo("Archive is postpaid: no prepaid order");
        assertThat(a.refund()).hasToString("152.42");
    }

    @Test
    void aPaidAmountNotAboveTheUsedValueReturnsNothingAndClearsTheResources() throws Exception {
        RefundAnswer a = answer(rules, on("2026-10-25", plan("BASIC", "2026-10-15", "40.00")));

        assertThat(a.lines().get(0).returned()).hasToString("0.00");
        assertThat(a.lines().get(0).usedValue()).hasToString("42.58");
        assertThat(a.lines().get(0).cleared()).isTrue();
        assertThat(a.refund()).hasToString("0.00");
    }

    @Test
    void theAppsStateAfterwardsIsTheRules() throws Exception {
        AfterRefund s = answer(rules, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"))).after();

        assertThat(s.status()).isEqualTo("STOPPED");
        assertThat(s.renewableOn()).containsExactly("BASIC", "TOP");
        assertThat(s.postpaidBilled()).isTrue();
        assertThat(s.rule()).isEqualTo("refund: afterwards");
    }

    @Test
    void anItemTheTariffDoesNotPriceOnTheOrdersFirstDayIsBadInputNamingTheField() {
        assertThatThrownBy(() -> answer(rules, on("2026-10-25",
                addOn("BACKUP", "\"plan\": \"FREE\"", "2026-10-15", "31.00"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", "orders[0].addOn")
                .hasMessageContaining("Backup is not sold on Free on 2026-10-15");
        // BACKUP is sold on BASIC from 2026-06-10 only
        assertThatThrownBy(() -> answer(rules, on("2026-06-05",
                addOn("BACKUP", "\"plan\": \"BASIC\"", "2026-06-01", "31.00"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", "orders[0].addOn");
        assertThatThrownBy(() -> answer(rules, on("2026-10-25",
                addOn("STORAGE", "\"months\": 2, \"plan\": \"BASIC\"", "2026-10-15", "20.00"))))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", "orders[0].months")
                .hasMessageContaining("Basic has no price for Storage with months = 2 on 2026-10-15");
    }

    @Test
    void theListenerSeesTheRefundRulesFire() throws Exception {
        List<String> fired = new ArrayList<>();
        Refunds.answer(rules, new RefundReader(rules.catalog()).read(on("2026-10-25",
                plan("BASIC", "2026-10-15", "120.00"))), new DefaultAgendaEventListener() {
                    @Override
                    public void afterMatchFired(AfterMatchFiredEvent event) {
                        fired.add(event.getMatch().getRule().getName());
                    }
                });

        assertThat(fired).containsExactlyInAnyOrder("refund: current order", "refund: afterwards");
    }

    @Test
    void aSheetWithoutRefundRulesSaysSoInPlainWords() throws IOException {
        Evaluator mini = RefundFixture.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/mini")));

        assertThatThrownBy(() -> answer(mini, on("2026-10-25", plan("PAID", "2026-10-15", "120.00"))))
                .isInstanceOf(RefundUndefinedException.class)
                .hasMessageContaining("defines no refund");
        mini.close();
    }

    // ---- what the engine checks of the rules ----

    @Test
    void anOrderNoRuleAnswersIsAProblemOfTheRules() {
        Evaluator broken = RefundFixture.edited("refund.drl", t -> t.replace("$o : RefundOrder(!prepaid)",
                "$o : RefundOrder(!prepaid, index < 0)"));

        assertThatThrownBy(() -> answer(broken, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"),
                addOn("ARCHIVE", "", "2026-10-15", "5.00"))))
                .isInstanceOf(EvaluationException.class).isNotInstanceOf(RefundUndefinedException.class)
                .hasMessageContaining("no refund rule answered orders[1] (Archive)");
    }

    @Test
    void anOrderAnsweredTwiceNamesBothRules() {
        Evaluator broken = RefundFixture.edited("refund.drl", t -> t + """

                rule "refund: again"
                when
                    $o : RefundOrder(prepaid, current)
                then
                    insert(RefundLine.returned(kcontext, $o, BigDecimal.ZERO, BigDecimal.ONE, "again"));
                end
                """);

        assertThatThrownBy(() -> answer(broken, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"))))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("orders[0] was answered twice")
                .hasMessageContaining("refund: current order").hasMessageContaining("refund: again");
    }

    @Test
    void aNegativeAmountFailsTheRuleThatWroteItAtItsFileAndLine() {
        Evaluator broken = RefundFixture.edited("refund.drl", t -> t.replace("if (back.signum() > 0)", "if (true)"));

        assertThatThrownBy(() -> answer(broken, on("2026-10-25", plan("BASIC", "2026-10-15", "40.00"))))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("refund.drl:")
                .hasMessageContaining("refund: current order")
                .hasMessageContaining("a refund amount must not be negative: -2.58");
    }

    @Test
    void anAmountBeyondTheCentFailsTheRule() {
        Evaluator broken = RefundFixture.edited("refund.drl", t -> t.replace(
                "BigDecimal used = Cents.share($o.monthlyFee(), $o.daysUsed(), $o.periodDays());",
                "BigDecimal used = $o.monthlyFee().multiply(BigDecimal.valueOf($o.daysUsed())).divide(BigDecimal.valueOf($o.periodDays()), 6, java.math.RoundingMode.HALF_UP);"));

        assertThatThrownBy(() -> answer(broken, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"))))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("at most two decimals (cents): 42.580645");
    }

    @Test
    void theStateIsSaidOnceOnPlansTheCatalogDeclares() {
        Evaluator twice = RefundFixture.edited("refund.drl", t -> t + """

                rule "refund: afterwards again"
                when
                    RefundRequest()
                then
                    insert(AfterRefund.of(kcontext, "RUNNING", "still running"));
                end
                """);
        assertThatThrownBy(() -> answer(twice, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"))))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("both say the app's state");

        Evaluator unknown = RefundFixture.edited("refund.drl", t -> t.replace("renewableOn(\"BASIC\", \"TOP\")",
                "renewableOn(\"BASIC\", \"GOLD\")"));
        assertThatThrownBy(() -> answer(unknown, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"))))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("rule \"refund: afterwards\" lets the app renew on plan 'GOLD'");

        Evaluator none = RefundFixture.edited("refund.drl", t -> t.replace("    RefundRequest()\n",
                "    RefundRequest(appId == \"nobody\")\n"));
        assertThatThrownBy(() -> answer(none, on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"))))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("no rule says the app's state");
    }
}
