package im.tariff.scenario;

import java.util.List;
import java.util.Set;

/**
 * The outcome of one scenario.
 *
 * @param differences what differs from the expectation, one readable line each (empty when passed)
 * @param firedRules  names of the rules that fired while evaluating it
 * @param fixes       numbers and dates written in the file that differ from the bill (for --accept)
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Set<String> firedRules,
                             List<ExpectationFix> fixes) {

    public ScenarioResult {
        fixes = List.copyOf(fixes);
        differences = List.copyOf(differences);
        firedRules = Set.copyOf(firedRules);
    }

    ScenarioResult(Scenario scenario, List<String> differences, Set<String> firedRules) {
        this(scenario, differences, firedRules, List.of());
    }

    public boolean passed() {
        return differences.isEmpty();
    }

    /** The failure as a person reads it: the scenario (file › name, file:line) then each difference. */
    public String failureMessage() {
        if (passed()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("FAIL ").append(scenario.displayName()).append("  (").append(scenario.location()).append(")\n");
        for (String d : differences) {
            sb.append("  ").append(d).append('\n');
        }
        return sb.toString();
    }
}
