package im.tariff.scenario;

import im.tariff.i18n.Messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.evaluate.Evaluator;
import im.tariff.refund.RefundFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refund scenarios ({@code refund:} instead of {@code request:}): the loader reads them strictly with file:line,
 * the runner answers them as {@code tariff refund} does and reports each difference, the rules fired, and the
 * values {@code --accept} may rewrite. On the refund fixture tariff, whose figures are worked out by hand.
 */
class RefundScenarioTest {

    /** BASIC from 2026-10-15 refunded on the 25th: 120 × 11 / 31 = 42.58, 77.42 back (RefundsTest). */
    private static final String GOOD = """
            scenarios:
              - name: BASIC mid-period
                refund:
                  appId: "1"
                  refundDate: 2026-10-25
                  orders:
                    - {plan: BASIC, periodStart: 2026-10-15, paid: "120.00"}
                expect:
                  refund: 77.42
                  orders:
                    - {plan: BASIC, periodEnd: 2026-11-14, monthlyFee: 120.00, daysUsed: 11, periodDays: 31, usedValue: 42.58, returned: 77.42, cleared: false}
                  state: {status: STOPPED, renewableOn: [BASIC, TOP], postpaidStillBilled: true}
              - name: refused
                refund: {appId: "1", refundDate: 2026-10-25, orders: [{plan: BASIC, periodStart: 2026-10-15, paid: x}]}
                expect:
                  error: {field: "orders[0].paid", reason: amount}
            """;

    private final Evaluator rules = RefundFixture.rules();

    private static ScenarioFormatException error(String yaml) {
        try {
            ScenarioLoader.parse("s.yaml", "s.yaml", yaml, Messages.of(im.tariff.i18n.Language.EN));
        } catch (ScenarioFormatException e) {
            return e;
        }
        throw new AssertionError("expected a format error");
    }

    private static Scenario one(String yaml) throws ScenarioFormatException {
        return ScenarioLoader.parse("s.yaml", "s.yaml", yaml, Messages.of(im.tariff.i18n.Language.EN)).get(0);
    }

    // ---- the loader ----

    @Test
    void readsARefundScenarioAndARefusal() throws Exception {
        List<Scenario> list = ScenarioLoader.parse("f.yaml", "f.yaml", GOOD, Messages.of(im.tariff.i18n.Language.EN));

        Scenario s = list.get(0);
        assertThat(s.refund()).isTrue();
        assertThat(s.request().get("refundDate").asText()).isEqualTo("2026-10-25");
        assertThat(s.expect().expectsError()).isFalse();
        RefundExpectation x = s.refundExpect();
        assertThat(x.refund()).isEqualByComparingTo("77.42");
        assertThat(x.refundLine()).isEqualTo(9);
        assertThat(x.orders()).hasSize(1);
        assertThat(x.orders().get(0).fields()).containsEntry("monthlyFee", "120.00").containsEntry("daysUsed", "11")
                .containsEntry("cleared", "false").containsEntry("periodEnd", "2026-11-14");
        assertThat(x.orders().get(0).line()).isEqualTo(11);
        assertThat(x.state().fields()).containsEntry("renewableOn", "BASIC,TOP")
                .containsEntry("postpaidStillBilled", "true");
        Scenario refused = list.get(1);
        assertThat(refused.refund()).isTrue();
        assertThat(refused.refundExpect()).isNull();
        assertThat(refused.expect().errorField()).isEqualTo("orders[0].paid");
    }

    @Test
    void aMalformedRefundScenarioIsAFormatErrorAtItsLine() {
        assertThat(error("""
                - name: x
                  request: {appId: "1"}
                  refund: {appId: "1"}
                  expect: {refund: 0}
                """).getMessage()).isEqualTo("s.yaml:1: scenario 'x': give 'request' (a bill) or 'refund' (a refund), not both");
        assertThat(error("""
                - name: x
                  refund: [1]
                  expect: {refund: 0}
                """).getMessage()).isEqualTo("s.yaml:2: scenario 'x': 'refund' must be a map (the refund request of docs/FORMAT.md)");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect: {orders: []}
                """).getMessage()).contains("s.yaml:3: ").contains("missing key 'refund' in 'expect'");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect: {refund: 1, total: 1}
                """).getMessage()).contains("s.yaml:3: ").contains("unknown key 'total'");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect:
                    refund: 1
                    orders:
                      - {plan: BASIC}
                """).getMessage()).isEqualTo("s.yaml:6: missing key 'returned' in an order of a refund");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect:
                    refund: 1
                    orders:
                      - {returned: 1, daysUsed: many}
                """).getMessage()).contains("s.yaml:6: ").contains("'daysUsed' must be a whole number of days");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect:
                    refund: 1
                    orders:
                      - {returned: 1, cleared: maybe}
                """).getMessage()).contains("'cleared' must be true or false");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect:
                    refund: 1
                    state: {renewableOn: BASIC}
                """).getMessage()).contains("s.yaml:5: ").contains("'renewableOn' must be a list");
        assertThat(error("""
                - name: x
                  refund: {appId: "1"}
                  expect:
                    refund: abc
                """).getMessage()).contains("s.yaml:4: ").contains("'refund' must be a number");
    }

    // ---- the runner ----

    @Test
    void aRefundAsExpectedPassesAndNamesTheRulesItFired() throws Exception {
        List<Scenario> list = ScenarioLoader.parse("f.yaml", "f.yaml", GOOD, Messages.of(im.tariff.i18n.Language.EN));

        ScenarioResult ok = ScenarioRunner.run(list.get(0), rules);
        ScenarioResult refused = ScenarioRunner.run(list.get(1), rules);

        assertThat(ok.differences()).isEmpty();
        assertThat(ok.firedRules()).containsExactlyInAnyOrder("refund: current order", "refund: afterwards");
        assertThat(refused.differences()).isEmpty();
    }

    @Test
    void eachDifferenceIsReportedAndTheNumbersAPriceChangesAreFixes() throws Exception {
        Scenario s = one("""
                - name: wrong numbers
                  refund:
                    appId: "1"
                    refundDate: 2026-10-25
                    orders:
                      - {plan: BASIC, periodStart: 2026-10-15, paid: "120.00"}
                  expect:
                    refund: 80.00
                    orders:
                      - {plan: TOP, monthlyFee: 100.00, usedValue: 40.00, returned: 80.00, rule: other}
                    state: {status: RUNNING, renewableOn: [TOP]}
                """);

        ScenarioResult r = ScenarioRunner.run(s, rules);

        assertThat(r.differences()).containsExactly(
                "order orders[0] (rule \"refund: current order\", s.yaml:10):",
                "    plan        expected TOP, actual BASIC",
                "    monthlyFee  expected 100.00, actual 120.00 (+20.00)",
                "    usedValue   expected 40.00, actual 42.58 (+2.58)",
                "    returned    expected 80.00, actual 77.42 (-2.58)",
                "    rule        expected other, actual refund: current order",
                "state (rule \"refund: afterwards\", s.yaml:11):",
                "    status      expected RUNNING, actual STOPPED",
                "    renewableOn expected TOP, actual BASIC,TOP",
                "refund: expected 80.00, actual 77.42 (-2.58)");
        assertThat(r.fixes()).extracting(f -> f.line() + " " + f.field() + " " + f.expected() + " → " + f.actual())
                .containsExactly("10 monthlyFee 100.00 → 120.00", "10 usedValue 40.00 → 42.58",
                        "10 returned 80.00 → 77.42", "8 refund 80.00 → 77.42");
    }

    @Test
    void acceptRewritesTheNumbersAndTheScenarioThenPasses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.yaml");
        Files.writeString(file, """
                - name: a price changed
                  refund:
                    appId: "1"
                    refundDate: 2026-10-25
                    orders:
                      - {plan: BASIC, periodStart: 2026-10-15, paid: "50.00"}   # a voucher
                  expect:
                    refund: 10.00
                    orders:
                      - {plan: BASIC, monthlyFee: 100.00, usedValue: 40.00, returned: 10.00, cleared: true}
                """, StandardCharsets.UTF_8);
        ScenarioResult before = ScenarioSuite.load(file).run(rules).results().get(0);
        List<ExpectationFix> fixes = new ArrayList<>(before.fixes());

        ExpectationUpdater.apply(fixes, Messages.of(im.tariff.i18n.Language.EN));

        assertThat(Files.readString(file)).contains("refund: 7.42",
                "- {plan: BASIC, monthlyFee: 120.00, usedValue: 42.58, returned: 7.42, cleared: false}",
                "paid: \"50.00\"}   # a voucher");
        assertThat(ScenarioSuite.load(file).run(rules).failed()).isZero();
    }

    @Test
    void aRefusalOrAnAnswerNotExpectedIsADifference() throws Exception {
        Scenario refusedUnexpectedly = one("""
                - name: x
                  refund:
                    appId: "1"
                    refundDate: 2026-10-25
                    orders:
                      - {plan: BASIC, periodStart: 2026-10-15, paid: "abc"}
                  expect: {refund: 1}
                """);
        assertThat(ScenarioRunner.run(refusedUnexpectedly, rules).differences()).singleElement().asString()
                .startsWith("the refund was refused as bad input: orders[0].paid: ").endsWith("(s.yaml:6)");

        Scenario answeredUnexpectedly = one("""
                - name: x
                  refund: {appId: "1", refundDate: 2026-10-25, orders: [{plan: BASIC, periodStart: 2026-10-15, paid: "1"}]}
                  expect: {error: {field: refundDate}}
                """);
        assertThat(ScenarioRunner.run(answeredUnexpectedly, rules).differences()).containsExactly(
                "expected the refund to be refused (field refundDate), but it was answered: refund 0.00, 1 order(s)");

        Scenario otherField = one("""
                - name: x
                  refund: {appId: "1", refundDate: 2026-10-25, orders: [{plan: GOLD, periodStart: 2026-10-15, paid: "1"}]}
                  expect: {error: {field: refundDate}}
                """);
        assertThat(ScenarioRunner.run(otherField, rules).differences()).singleElement().asString()
                .startsWith("refused, but for another field: expected field refundDate, actual orders[0].plan");

        Scenario tooFewLines = one("""
                - name: x
                  refund: {appId: "1", refundDate: 2026-10-25, orders: [{plan: BASIC, periodStart: 2026-10-15, paid: "1"}]}
                  expect: {refund: 0, orders: []}
                """);
        assertThat(ScenarioRunner.run(tooFewLines, rules).differences()).singleElement().asString()
                .startsWith("orders: expected 0 line(s), the refund has 1");
    }

    @Test
    void rulesThatDefineNoRefundFailTheScenarioInWords() throws Exception {
        Evaluator none = RefundFixture.compileFolder(Path.of("src/test/resources/tariffs/mini"));
        Scenario onMini = one("""
                - name: x
                  refund: {appId: "1", refundDate: 2026-10-25, orders: [{plan: PAID, periodStart: 2026-10-15, paid: "1"}]}
                  expect: {refund: 0}
                """);

        assertThat(ScenarioRunner.run(onMini, none).differences()).singleElement().asString()
                .startsWith("the rules failed while answering the refund: ").contains("defines no refund");
        none.close();
    }

    @Test
    void theBundledTariffsRefundScenariosLoadFromTheirFolder() throws Exception {
        ScenarioSuite suite = ScenarioSuite.load(Path.of("rules/scenarios"));
        assertThat(suite.scenarios().stream().filter(Scenario::refund).count()).isGreaterThanOrEqualTo(10);
        assertThatThrownBy(() -> one("""
                - name: x
                  expect: {refund: 0}
                """)).hasMessage("s.yaml:1: scenario 'x': missing key 'request'");
    }
}
