package im.tariff.cli;

import im.tariff.reload.GateRejectedException;
import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.reload.LiveEvaluator;
import im.tariff.compile.UnsafeRulesException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared --rules DIR option: a folder of rule files (.drl and decision tables) instead of the bundled rules. */
public class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "folder of rule files, .drl and decision tables .drl.csv/.drl.xlsx (default: the rules bundled in the jar)")
    Path rulesDir;

    /** Compiles the rules, or ends the command with status 3 and every problem as file:line: message. */
    public LiveEvaluator loadEngine() {
        try {
            return LiveEvaluator.load(rulesDir);
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, describe(e));
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "cannot read rules: " + e.getMessage());
        }
    }

    /** The rule files themselves (the folder's, or the bundled ones), or status 3 when they cannot be read. */
    public RuleSource readSource() {
        try {
            return rulesDir == null ? RuleSource.bundled() : RuleSource.fromDirectory(rulesDir);
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "cannot read rules: " + e.getMessage());
        }
    }

    /** Every problem as file:line: message, then a count that says what kind of refusal it is. */
    public static String describe(RuleCompilationException e) {
        StringBuilder sb = new StringBuilder();
        for (RuleProblem p : e.problems()) {
            sb.append(p).append('\n');
        }
        // said in both languages like the problems themselves: rules that do not compile have told no language yet
        int n = e.problems().size();
        sb.append(n).append(" 个问题：").append(e instanceof UnsafeRulesException
                ? "规则超出了资费的范围" : e instanceof GateRejectedException
                ? "规则没有通过场景" : "规则不能编译").append(" (").append(n).append(" problem(s): ")
                .append(e instanceof UnsafeRulesException
                ? "rules reach outside the tariff" : e instanceof GateRejectedException
                ? "rules fail their scenarios" : "rules do not compile").append(')');
        return sb.toString();
    }
}
