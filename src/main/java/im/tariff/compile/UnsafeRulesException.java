package im.tariff.compile;

import java.util.List;

/** The rules reach outside the tariff ({@link RuleLint} findings): refused before they are compiled. */
public class UnsafeRulesException extends RuleCompilationException {

    public UnsafeRulesException(List<RuleProblem> problems) {
        super(problems);
    }
}
