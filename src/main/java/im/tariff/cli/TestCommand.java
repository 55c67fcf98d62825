package im.tariff.cli;

import im.tariff.catalog.Declared;
import im.tariff.compile.Library;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.RuleKind;
import im.tariff.i18n.Messages;
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
        // the rules first: the scenarios are read, and what is wrong with them said, in their language
        Evaluator compiled = rules.loadEngine().rules();
        Messages words = compiled.reader().messages();
        ScenarioSuite suite = load(where, words);
        if (suite.scenarios().isEmpty()) {
            throw new CliExit(ExitCodes.BAD_INPUT, words.format("test.noFiles", where));
        }
        SuiteResult result = suite.run(compiled);
        PrintWriter out = spec.commandLine().getOut();
        if (accept) {
            acceptNewValues(result, where, out, words);
            suite = load(where, words);
            result = suite.run(compiled);
        }
        out.println(words.format("test.header", compiled.source().origin(), compiled.version(),
                suite.scenarios().size(), where.size() > 3 ? words.format("test.paths", where.size()) : where));
        for (var r : result.results()) {
            if (!r.passed()) {
                out.print(r.failureMessage());
            } else if (verbose) {
                out.println(words.format("test.ok", r.scenario().displayName()));
            }
        }
        int status = result.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        if (coverage && !printCoverage(result, compiled, out, words)) {
            status = ExitCodes.FAILED;
        }
        out.println(result.summary());
        out.flush();
        return status;
    }

    private static ScenarioSuite load(List<Path> where, Messages words) {
        try {
            return ScenarioSuite.load(where, words);
        } catch (ScenarioFormatException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /** Rewrites the differing numbers and dates of the failing scenarios in their files. */
    private static void acceptNewValues(SuiteResult result, List<Path> where, PrintWriter out, Messages words) {
        List<ExpectationFix> fixes = new ArrayList<>();
        result.results().forEach(r -> fixes.addAll(r.fixes()));
        try {
            for (String line : ExpectationUpdater.apply(fixes, words)) {
                out.println(line);
            }
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, words.format("test.cannotUpdate", e.getMessage()));
        }
        out.println(words.format("test.accepted", fixes.size(), where.get(0)));
    }

    /**
     * Lists every rule of the rule set, where it is written, and its status: the number of scenarios that fire
     * it, or what it is when scenarios need not fire it (a catalog declaration, a library rule). False when a
     * rule of the tariff fires in no scenario.
     */
    private static boolean printCoverage(SuiteResult result, Evaluator compiled, PrintWriter out, Messages words) {
        out.println(words.format("test.coverage.title"));
        int tariff = 0;
        for (RuleKind kind : RuleKind.values()) {
            for (Map.Entry<String, Integer> e : result.ruleCoverage().entrySet()) {
                if (result.ruleKinds().get(e.getKey()) != kind) {
                    continue;
                }
                int n = e.getValue();
                String status = switch (kind) {
                    case TARIFF -> n == 0 ? words.format("test.coverage.uncovered") : "";
                    case CATALOG -> words.format("test.coverage.catalog");
                    case LIBRARY -> n == 0 ? words.format("test.coverage.library")
                            : words.format("test.coverage.libraryFired", n);
                    case CLOSED_WORLD -> n == 0 ? words.format("test.coverage.closedWorld")
                            : words.format("test.coverage.closedWorldFired", n);
                };
                tariff += kind == RuleKind.TARIFF ? 1 : 0;
                String count = kind == RuleKind.TARIFF ? String.format("%4d", n) : "   -";
                // a rule made from a table's row is shown as that row; a library rule by its name in the sheet's language
                Declared at = compiled.locator().where(e.getKey());
                String where = at.inTable() ? words.format("table.row", at.file(), at.line()) : at.where();
                String name = kind == RuleKind.LIBRARY || kind == RuleKind.CLOSED_WORLD
                        ? Library.nameIn(e.getKey(), words.language()) : e.getKey();
                out.println(words.format("test.coverage.rule", count, name, where,
                        status.isEmpty() ? "" : "   " + status));
            }
        }
        List<String> uncovered = result.uncoveredRules();
        if (uncovered.isEmpty()) {
            out.println(words.format("test.coverage.all", tariff, result.ruleCoverage().size()));
            return true;
        }
        out.println(words.format("test.coverage.missing", uncovered.size()));
        return false;
    }

    private Path defaultPath() {
        return rules.rulesDir != null ? rules.rulesDir.resolve("scenarios") : Path.of("rules", "scenarios");
    }
}
