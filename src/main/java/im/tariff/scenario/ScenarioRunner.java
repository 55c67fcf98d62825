package im.tariff.scenario;

import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.io.InvalidRequestException;
import im.tariff.catalog.Catalog;
import im.tariff.i18n.Messages;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Runs one scenario against a rule set: read the request as the product does, evaluate, compare. What differs
 * is said in the language of the rules' catalog.
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Never throws for a failing scenario: every failure is a difference in the result. */
    public static ScenarioResult run(Scenario s, Evaluator rules) {
        if (s.refund()) {
            return RefundMatcher.run(s, rules);
        }
        Expectation e = s.expect();
        Messages words = rules.reader().messages();
        BillRequest request;
        try {
            request = rules.reader().read(s.request());
        } catch (InvalidRequestException ex) {
            if (e.expectsError()) {
                return new ScenarioResult(s, refusalDifferences(s, ex, words), Set.of(), words);
            }
            return new ScenarioResult(s, List.of(words.format("test.refusedAsBadInput", ex.field(), ex.reason(),
                    s.file() + ":" + s.lineOfRequestField(ex.field()))), Set.of(), words);
        }
        List<String> unknown = unknownCodes(s, rules.catalog(), words);
        if (!unknown.isEmpty()) {
            return new ScenarioResult(s, unknown, Set.of(), words);
        }
        Set<String> fired = new HashSet<>();
        Bill bill;
        try {
            bill = rules.evaluate(request, new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(event.getMatch().getRule().getName());
                }
            });
        } catch (EvaluationException ex) {
            return new ScenarioResult(s, List.of(words.format("test.rulesFailed", ex.getMessage())), fired, words);
        }
        if (e.expectsError()) {
            return new ScenarioResult(s, List.of(words.format("test.expectedRefusal", e.errorField(),
                    bill.totals().total().toPlainString(), bill.lines().size(), bill.violations().size())), fired, words);
        }
        List<ExpectationFix> fixes = new java.util.ArrayList<>();
        List<String> differences = BillMatcher.differences(s, bill, fixes, words);
        return new ScenarioResult(s, differences, fired, fixes, words.language());
    }

    /** Expected codes and plan that the rules' catalog does not declare: the scenario cannot hold. */
    private static List<String> unknownCodes(Scenario s, Catalog catalog, Messages words) {
        List<String> out = new java.util.ArrayList<>();
        Expectation e = s.expect();
        for (ExpectedItem item : e.lines()) {
            String code = item.get("code");
            if (catalog.line(code) == null) {
                out.add(words.format("test.unknownLineCode", code, s.file() + ":" + item.line()));
            }
        }
        for (ExpectedItem item : e.violations()) {
            String code = item.get("code");
            if (catalog.violation(code) == null) {
                out.add(words.format("test.unknownViolationCode", code, s.file() + ":" + item.line()));
            }
        }
        if (e.plan() != null && catalog.plan(e.plan()) == null) {
            out.add(words.format("test.unknownPlan", e.plan()));
        }
        return out;
    }

    static List<String> refusalDifferences(Scenario s, InvalidRequestException ex, Messages words) {
        Expectation e = s.expect();
        String where = s.file() + ":" + e.errorLine();
        if (!e.errorField().equals(ex.field())) {
            return List.of(words.format("test.otherField", e.errorField(), ex.field(), ex.reason(), where));
        }
        if (e.errorReason() != null && !ex.reason().contains(e.errorReason())) {
            return List.of(words.format("test.otherReason", ex.field(), e.errorReason(), ex.reason(), where));
        }
        return List.of();
    }
}
