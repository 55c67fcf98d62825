package im.tariff.scenario;

import im.tariff.engine.CompiledRules;
import im.tariff.engine.EvaluationException;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Runs one scenario against a rule set: read the request as the product does, evaluate, compare. */
public final class ScenarioRunner {

    private static final RequestReader READER = new RequestReader();

    private ScenarioRunner() {
    }

    /** Never throws for a failing scenario: every failure is a difference in the result. */
    public static ScenarioResult run(Scenario s, CompiledRules rules) {
        Expectation e = s.expect();
        BillRequest request;
        try {
            request = READER.read(s.request());
        } catch (InvalidRequestException ex) {
            if (e.expectsError()) {
                return new ScenarioResult(s, refusalDifferences(s, ex), Set.of());
            }
            return new ScenarioResult(s, List.of("the request was refused as bad input: " + ex.field() + ": "
                    + ex.reason() + " (" + s.file() + ":" + s.lineOfRequestField(ex.field()) + ")"), Set.of());
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

    private static List<String> refusalDifferences(Scenario s, InvalidRequestException ex) {
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
