package im.tariff.scenario;

import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.io.InvalidRequestException;
import im.tariff.catalog.Catalog;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Runs one scenario against a rule set: read the request as the product does, evaluate, compare. */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Never throws for a failing scenario: every failure is a difference in the result. */
    public static ScenarioResult run(Scenario s, Evaluator rules) {
        if (s.refund()) {
            return RefundMatcher.run(s, rules);
        }
        Expectation e = s.expect();
        BillRequest request;
        try {
            request = rules.reader().read(s.request());
        } catch (InvalidRequestException ex) {
            if (e.expectsError()) {
                return new ScenarioResult(s, refusalDifferences(s, ex), Set.of());
            }
            return new ScenarioResult(s, List.of("the request was refused as bad input: " + ex.field() + ": "
                    + ex.reason() + " (" + s.file() + ":" + s.lineOfRequestField(ex.field()) + ")"), Set.of());
        }
        List<String> unknown = unknownCodes(s, rules.catalog());
        if (!unknown.isEmpty()) {
            return new ScenarioResult(s, unknown, Set.of());
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
            return new ScenarioResult(s, List.of("the rules failed while evaluating: " + ex.getMessage()), fired);
        }
        if (e.expectsError()) {
            return new ScenarioResult(s, List.of("expected the request to be refused (field " + e.errorField()
                    + "), but it was evaluated: total " + bill.totals().total().toPlainString() + ", "
                    + bill.lines().size() + " line(s), " + bill.violations().size() + " violation(s)"), fired);
        }
        List<ExpectationFix> fixes = new java.util.ArrayList<>();
        List<String> differences = BillMatcher.differences(s, bill, fixes);
        return new ScenarioResult(s, differences, fired, fixes);
    }

    /** Expected codes and plan that the rules' catalog does not declare: the scenario cannot hold. */
    private static List<String> unknownCodes(Scenario s, Catalog catalog) {
        List<String> out = new java.util.ArrayList<>();
        Expectation e = s.expect();
        for (ExpectedItem item : e.lines()) {
            String code = item.get("code");
            if (catalog.line(code) == null) {
                out.add("unknown line code '" + code + "': the catalog of these rules does not declare it ("
                        + s.file() + ":" + item.line() + ")");
            }
        }
        for (ExpectedItem item : e.violations()) {
            String code = item.get("code");
            if (catalog.violation(code) == null) {
                out.add("unknown violation code '" + code + "': the catalog of these rules does not declare it ("
                        + s.file() + ":" + item.line() + ")");
            }
        }
        if (e.plan() != null && catalog.plan(e.plan()) == null) {
            out.add("unknown plan '" + e.plan() + "': the catalog of these rules does not declare it");
        }
        return out;
    }

    static List<String> refusalDifferences(Scenario s, InvalidRequestException ex) {
        Expectation e = s.expect();
        String where = " (" + s.file() + ":" + e.errorLine() + ")";
        if (!e.errorField().equals(ex.field())) {
            return List.of("refused, but for another field: expected field " + e.errorField() + ", actual "
                    + ex.field() + ": " + ex.reason() + where);
        }
        if (e.errorReason() != null && !ex.reason().contains(e.errorReason())) {
            return List.of("refused for field " + ex.field() + ", but the reason does not contain \""
                    + e.errorReason() + "\": " + ex.reason() + where);
        }
        return List.of();
    }
}
