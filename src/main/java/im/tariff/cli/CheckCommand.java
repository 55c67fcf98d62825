package im.tariff.cli;

import im.tariff.engine.CompiledRules;
import im.tariff.engine.RuleCompilationException;
import im.tariff.engine.RuleCompiler;
import im.tariff.engine.RuleLint;
import im.tariff.engine.RuleProblem;
import im.tariff.engine.RuleSource;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Lints and compiles the rules; prints every problem as file:line: message.",
                "The lint refuses rule files that reach outside the tariff (System, Runtime, threads, processes,",
                "reflection, class loading, files, network, imports outside the allow-list, globals, eval);",
                "unsafe files are not compiled at all."},
        footer = {"", "Exit status: 0 clean; 3 problems."})
public class CheckCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        RuleSource source = readSource();
        List<RuleProblem> unsafe = RuleLint.check(source);
        if (!unsafe.isEmpty()) {
            throw new CliExit(ExitCodes.BAD_RULES, list(unsafe)
                    + unsafe.size() + " problem(s): rules reach outside the tariff (not compiled)");
        }
        CompiledRules compiled;
        try {
            compiled = RuleCompiler.compile(source);
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, RulesOption.describe(e));
        }
        Console.OUT.println("rules OK: " + compiled.source().files().size() + " files, " + compiled.ruleNames().size()
                + " rules, version " + compiled.version() + " (" + compiled.source().origin() + "), lint clean");
        compiled.close();
        return ExitCodes.OK;
    }

    private RuleSource readSource() {
        if (rules.rulesDir == null) {
            return RuleSource.bundled();
        }
        try {
            return RuleSource.fromDirectory(rules.rulesDir);
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "cannot read rules: " + e.getMessage());
        }
    }

    private static String list(List<RuleProblem> problems) {
        StringBuilder sb = new StringBuilder();
        for (RuleProblem p : problems) {
            sb.append(p).append('\n');
        }
        return sb.toString();
    }
}
