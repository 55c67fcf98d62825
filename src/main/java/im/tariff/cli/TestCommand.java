package im.tariff.cli;

import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.RuleKind;
import im.tariff.scenario.ExpectationFix;
import im.tariff.scenario.ExpectationUpdater;
import im.tariff.scenario.ScenarioFormatException;
import im.tariff.scenario.ScenarioSuite;
import im.tariff.scenario.SuiteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Runs rule regression scenarios (YAML) and prints a readable diff for each failure.",
        footer = {"", "Default PATH: DIR/scenarios with --rules DIR, else rules/scenarios.",
                "Exit status: 0 all pass; 1 a failure (or, with --coverage, a rule no scenario fires);",
                "2 a malformed scenario file (file:line); 3 rules do not compile."})
public class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "scenario files or folders")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--coverage", description = "list each rule with the number of scenarios that fire it; "
            + "fail if a rule fires in none")
    boolean coverage;

    @Option(names = "--accept", description = "after a deliberate tariff change: rewrite the expected numbers "
            + "and dates of failing scenarios to the values the rules now produce (review with git diff)")
    boolean accept;

    @Option(names = {"-v", "--verbose"}, description = "also list the scenarios that pass")
    boolean verbose;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> where = paths.isEmpty() ? List.of(defaultPath()) : paths;
        ScenarioSuite suite = load(where);
        if (suite.scenarios().isEmpty()) {
            throw new CliExit(ExitCodes.BAD_INPUT, "no scenario files (*.yaml, *.yml) in " + where);
        }
        Evaluator compiled = rules.loadEngine().rules();
        SuiteResult result = suite.run(compiled);
        PrintWriter out = spec.commandLine().getOut();
        if (accept) {
            acceptNewValues(result, where, out);
            suite = load(where);
            result = suite.run(compiled);
        }
        out.println("rules " + compiled.source().origin() + " (version " + compiled.version() + "), "
                + suite.scenarios().size() + " scenarios from " + (where.size() > 3 ? where.size() + " paths" : where));
        for (var r : result.results()) {
            if (!r.passed()) {
                out.print(r.failureMessage());
            } else if (verbose) {
                out.println("ok   " + r.scenario().displayName());
            }
        }
        int status = result.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        if (coverage && !printCoverage(result, compiled, out)) {
            status = ExitCodes.FAILED;
        }
        out.println(result.summary());
        out.flush();
        return status;
    }

    private static ScenarioSuite load(List<Path> where) {
        try {
            return ScenarioSuite.load(where);
        } catch (ScenarioFormatException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /** Rewrites the differing numbers and dates of the failing scenarios in their files. */
    private static void acceptNewValues(SuiteResult result, List<Path> where, PrintWriter out) {
        List<ExpectationFix> fixes = new ArrayList<>();
        result.results().forEach(r -> fixes.addAll(r.fixes()));
        try {
            for (String line : ExpectationUpdater.apply(fixes)) {
                out.println(line);
            }
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "cannot update scenario files: " + e.getMessage());
        }
        out.println("accepted " + fixes.size() + " value(s); check them with: git diff " + where.get(0));
    }

    /**
     * Lists every rule of the rule set, where it is written, and its status: the number of scenarios that fire
     * it, or what it is when scenarios need not fire it (a catalog declaration, a library rule). False when a
     * rule of the tariff fires in no scenario.
     */
    private static boolean printCoverage(SuiteResult result, Evaluator compiled, PrintWriter out) {
        out.println("rule coverage (scenarios that fire each rule):");
        int tariff = 0;
        for (RuleKind kind : RuleKind.values()) {
            for (Map.Entry<String, Integer> e : result.ruleCoverage().entrySet()) {
                if (result.ruleKinds().get(e.getKey()) != kind) {
                    continue;
                }
                int n = e.getValue();
                String status = switch (kind) {
                    case TARIFF -> n == 0 ? "<-- no scenario" : "";
                    case CATALOG -> "declares the catalog when the rules are compiled";
                    case LIBRARY -> "library rule" + (n == 0 ? "" : ", fires in " + n);
                    case CLOSED_WORLD -> "library rule, fires only where a tariff has a gap" + (n == 0 ? "" : ": " + n);
                };
                tariff += kind == RuleKind.TARIFF ? 1 : 0;
                String count = kind == RuleKind.TARIFF ? String.format("%4d", n) : "   -";
                out.printf("  %s  %s  (%s)%s%n", count, e.getKey(), compiled.locator().where(e.getKey()).where(),
                        status.isEmpty() ? "" : "   " + status);
            }
        }
        List<String> uncovered = result.uncoveredRules();
        if (uncovered.isEmpty()) {
            out.println("every rule of the tariff (" + tariff + ") fires in some scenario; "
                    + result.ruleCoverage().size() + " rules listed");
            return true;
        }
        out.println(uncovered.size() + " rule(s) fired by no scenario: add a scenario for each");
        return false;
    }

    private Path defaultPath() {
        return rules.rulesDir != null ? rules.rulesDir.resolve("scenarios") : Path.of("rules", "scenarios");
    }
}
