package im.tariff.scenario;

import im.tariff.i18n.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of a suite: each scenario's result and how many scenarios fired each rule. */
public final class SuiteResult {

    private final List<ScenarioResult> results;
    private final Map<String, Integer> coverage;
    private final Messages words;

    SuiteResult(List<ScenarioResult> results, List<String> ruleNames, Messages words) {
        this.words = words;
        this.results = List.copyOf(results);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String rule : ruleNames) {
            counts.put(rule, 0);
        }
        for (ScenarioResult r : results) {
            for (String rule : r.firedRules()) {
                counts.merge(rule, 1, Integer::sum);
            }
        }
        this.coverage = Collections.unmodifiableMap(counts);
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

    /** Rules that no scenario fired. */
    public List<String> uncoveredRules() {
        List<String> out = new ArrayList<>();
        coverage.forEach((rule, n) -> {
            if (n == 0) {
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
