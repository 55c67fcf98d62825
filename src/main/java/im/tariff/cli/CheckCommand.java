package im.tariff.cli;

import im.tariff.proof.TariffCheck;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.RuleKind;
import im.tariff.i18n.Language;
import picocli.CommandLine.Option;
import im.tariff.evaluate.EvaluationException;
import im.tariff.i18n.Messages;
import im.tariff.i18n.Language;
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
        description = {"Lints and compiles the rules and checks the tariff for gaps; prints every problem as "
                + "file:line: message.",
                "Gaps: a plan without a fee, an offered add-on without a price, a meter no rule reads, a line code "
                + "no rule produces. A probe request per plan and every scenario of the folder's scenarios/ are "
                + "evaluated, so that a rule that fails when it fires is found.",
                "The lint refuses rule files that reach outside the tariff (System, Runtime, threads, processes, "
                + "reflection, class loading, files, network, imports outside the allow-list, globals, eval); "
                + "unsafe files are not compiled at all."},
        footer = {"", "Exit status: 0 clean; 3 problems."})
public class CheckCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Option(names = "--month", description = "the month the probes bill (default: this month in the sheet's time zone)")
    YearMonth month;

    @Override
    public Integer call() {
        Evaluator compiled;
        try {
            // compile() lints first: unsafe files are refused before any compiler sees them
            compiled = Evaluator.compile(rules.readSource());
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, RulesOption.describe(e));
        }
        Language lang = compiled.catalog().language();
        TariffCheck.Result proof = TariffCheck.run(compiled, month != null ? month : compiled.catalog().thisMonth());
        List<RuleProblem> problems = new ArrayList<>(proof.problems());
        for (RuleProblem p : scenarioFailures(compiled)) {
            // a rule the probes found failing is said once, at its line
            if (problems.stream().noneMatch(q -> q.samePlace(p))) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (RuleProblem p : problems) {
                sb.append(p).append('\n');
            }
            sb.append(Messages.of(lang).format("check.failed", problems.size()));
            compiled.close();
            throw new CliExit(ExitCodes.BAD_RULES, sb.toString());
        }
        long library = compiled.ruleKinds().values().stream()
                .filter(k -> k == RuleKind.LIBRARY || k == RuleKind.CLOSED_WORLD).count();
        Console.OUT.println(Messages.of(lang).format("check.summary", compiled.source().files().size(),
                compiled.ruleNames().size(), library, compiled.version(), compiled.source().origin(),
                compiled.catalog().plans().size(), compiled.catalog().addOns().size(),
                compiled.catalog().meters().size(), proof.probes(), proof.millis()));
        compiled.close();
        return ExitCodes.OK;
    }

    /**
     * Scenarios of the rules folder whose evaluation fails in a rule (not those that merely differ): one finding
     * per failing rule and reason, naming the first scenario it breaks and how many it breaks in all.
     */
    private List<RuleProblem> scenarioFailures(Evaluator compiled) {
        Messages words = compiled.reader().messages();
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
        java.util.Map<String, java.util.List<Scenario>> byFailure = new java.util.LinkedHashMap<>();
        java.util.Map<String, EvaluationException> failures = new java.util.HashMap<>();
        for (Scenario s : suite.scenarios()) {
            try {
                compiled.evaluate(compiled.reader().read(s.request()));
            } catch (InvalidRequestException e) {
                // refused requests are expected by some scenarios
            } catch (EvaluationException e) {
                String key = e.where() + ":" + e.rule();
                byFailure.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                failures.putIfAbsent(key, e);
            }
        }
        Language lang = compiled.catalog().language();
        byFailure.forEach((key, scenarios) -> {
            EvaluationException e = failures.get(key);
            Scenario first = scenarios.get(0);
            out.add(new RuleProblem(e.file(), e.line(), e.column(), Messages.of(lang).format("check.scenarioFails", e.reason(),
                    first.name(), first.file(), scenarios.size())));
        });
        return out;
    }
}
