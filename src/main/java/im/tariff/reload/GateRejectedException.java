package im.tariff.reload;

import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleProblem;

import java.util.ArrayList;
import java.util.List;

/** The rules compile and are safe, but the {@link ReloadGate} (the scenarios) refused them. */
public class GateRejectedException extends RuleCompilationException {

    private final List<String> failures;

    public GateRejectedException(String origin, List<String> failures) {
        super(asProblems(origin, failures));
        this.failures = List.copyOf(failures);
    }

    /** The gate's reasons, e.g. the failing scenarios. */
    public List<String> failures() {
        return failures;
    }

    private static List<RuleProblem> asProblems(String origin, List<String> failures) {
        List<RuleProblem> problems = new ArrayList<>();
        for (String f : failures) {
            problems.add(new RuleProblem(origin, 0, "检查未通过 (gate refused the rules): " + f));
        }
        return problems;
    }
}
