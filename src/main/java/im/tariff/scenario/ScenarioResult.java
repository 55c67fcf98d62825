package im.tariff.scenario;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one scenario.
 *
 * @param differences what differs from the expectation, one readable line each (empty when passed)
 * @param firedRules  names of the rules that fired while evaluating it
 * @param fixes       numbers and dates written in the file that differ from the bill (for --accept)
 * @param language    the language of the rules' catalog, in which the differences are said
 */
public record ScenarioResult(Scenario scenario, List<String> differences, Set<String> firedRules,
                             List<ExpectationFix> fixes, Language language) {

    public ScenarioResult {
        fixes = List.copyOf(fixes);
        differences = List.copyOf(differences);
        firedRules = Set.copyOf(firedRules);
    }

    ScenarioResult(Scenario scenario, List<String> differences, Set<String> firedRules, Messages words) {
        this(scenario, differences, firedRules, List.of(), words.language());
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
        sb.append(Messages.of(language).format("test.fail", scenario.displayName(), scenario.location())).append('\n');
        for (String d : differences) {
            sb.append("  ").append(d).append('\n');
        }
        return sb.toString();
    }
}
