package im.tariff.cli;

import im.tariff.proof.TariffCheck;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.i18n.Messages;
import im.tariff.compile.RuleProblem;
import im.tariff.io.InvalidRequestException;
import im.tariff.scenario.Scenario;
import im.tariff.scenario.ScenarioFormatException;
import im.tariff.scenario.ScenarioSuite;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleCompiler;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Lints and compiles the rules, reads their catalog and checks it for gaps (a plan without",
                "a fee, an offered add-on without a price, a meter no rule reads, a line code no rule produces),",
                "evaluates a probe request per plan and every scenario of the folder's scenarios/ so that a rule",
                "that fails when it fires is found; prints every problem as file:line: message.",
                "The lint refuses rule files that reach outside the tariff (System, Runtime, threads, processes,",
                "reflection, class loading, files, network, imports outside the allow-list, globals, eval);",
                "unsafe files are not compiled at all."},
        footer = {"", "Exit status: 0 clean; 3 problems."})
public class CheckCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        Evaluator compiled;
        try {
            // compile() lints first: unsafe files are refused before any compiler sees them
            compiled = Evaluator.compile(rules.readSource());
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, RulesOption.describe(e));
        }
        Messages words = compiled.reader().messages();
        List<RuleProblem> problems = new ArrayList<>(TariffCheck.find(compiled, YearMonth.now()));
        problems.addAll(scenarioFailures(compiled, words));
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (RuleProblem p : problems) {
                sb.append(p).append('\n');
            }
            sb.append(words.format("check.problems", problems.size()));
            compiled.close();
            throw new CliExit(ExitCodes.BAD_RULES, sb.toString());
        }
        Console.OUT.println(words.format("check.ok", compiled.source().files().size(), compiled.ruleNames().size(),
                compiled.version(), compiled.source().origin(), compiled.catalog().plans().size(),
                compiled.catalog().addOns().size(), compiled.catalog().meters().size()));
        compiled.close();
        return ExitCodes.OK;
    }

    /** Scenarios of the rules folder whose evaluation fails in a rule (not those that merely differ). */
    private List<RuleProblem> scenarioFailures(Evaluator compiled, Messages words) {
        List<RuleProblem> out = new ArrayList<>();
        if (rules.rulesDir == null || !Files.isDirectory(rules.rulesDir.resolve("scenarios"))) {
            return out;
        }
        ScenarioSuite suite;
        try {
            suite = ScenarioSuite.load(rules.rulesDir.resolve("scenarios"), words);
        } catch (ScenarioFormatException e) {
            return out; // a malformed scenario is tariff test's business
        }
        for (Scenario s : suite.scenarios()) {
            try {
                compiled.evaluate(compiled.reader().read(s.request()));
            } catch (InvalidRequestException e) {
                // refused requests are expected by some scenarios
            } catch (EvaluationException e) {
                out.add(new RuleProblem(e.file(), e.line(), words.format("check.inScenario", e.reason(), s.name(),
                        s.file())));
            }
        }
        return out;
    }
}
