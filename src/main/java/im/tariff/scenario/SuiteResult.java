package im.tariff.scenario;

import im.tariff.i18n.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import im.tariff.evaluate.RuleKind;

/**
 * The outcome of a suite: each scenario's result, and for every rule of the rule set what it is and how many
 * scenarios fired it.
 */
public final class SuiteResult {

    private final List<ScenarioResult> results;
    private final Map<String, Integer> coverage;
    private final Messages words;
    private final Map<String, RuleKind> kinds;

    SuiteResult(List<ScenarioResult> results, Map<String, RuleKind> kinds, Messages words) {
        this.words = words;
        this.results = List.copyOf(results);
        this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String rule : kinds.keySet()) {
            counts.put(rule, 0);
        }
        for (ScenarioResult r : results) {
            for (String rule : r.firedRules()) {
                counts.merge(rule, 1, Integer::sum);
            }
        }
        this.coverage = Collections.unmodifiableMap(counts);
    }

    /** Every rule of the rule set → what it is (a tariff rule, a catalog declaration, the library's). */
    public Map<String, RuleKind> ruleKinds() {
        return kinds;
    }

    public List<ScenarioResult> results() {
        return results;
    }

    public int passed() {
        return (int) results.stream().filter(ScenarioResult::passed).count();
    }

    public int failed() {
        return results.size() - passed();
    }

    /** One readable diff per failing scenario, named by file and scenario. */
    public List<String> failureMessages() {
        List<String> out = new ArrayList<>();
        for (ScenarioResult r : results) {
            if (!r.passed()) {
                out.add(r.failureMessage());
            }
        }
        return out;
    }

    /** Every rule name of the rule set → number of scenarios that fired it (0 included), in name order. */
    public Map<String, Integer> ruleCoverage() {
        return coverage;
    }

    /** The tariff's rules that no scenario fired (the catalog's and the library's are not asked for). */
    public List<String> uncoveredRules() {
        List<String> out = new ArrayList<>();
        coverage.forEach((rule, n) -> {
            if (n == 0 && kinds.get(rule) == RuleKind.TARIFF) {
                out.add(rule);
            }
        });
        return out;
    }

    /** The summary line ("N passed, M failed"; "N 个通过，M 个失败"), in the language of the rules. */
    public String summary() {
        return words.format("test.summary", passed(), failed());
    }

    /** The words of the rules' language, for whoever prints this result. */
    public Messages words() {
        return words;
    }
}
