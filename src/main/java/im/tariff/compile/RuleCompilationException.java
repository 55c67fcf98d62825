package im.tariff.compile;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not compile (or break a lint): every problem, as file:line: message. */
public class RuleCompilationException extends Exception {

    private final List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
