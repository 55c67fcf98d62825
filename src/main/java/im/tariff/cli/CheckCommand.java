package im.tariff.cli;

import im.tariff.engine.CompiledRules;
import im.tariff.engine.TariffEngine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compiles and lints the rules; prints every problem as file:line: message.",
        footer = {"", "Exit status: 0 clean; 3 problems."})
public class CheckCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        TariffEngine engine = rules.loadEngine();
        CompiledRules compiled = engine.rules();
        Console.OUT.println("rules OK: " + compiled.source().files().size() + " files, " + compiled.ruleNames().size()
                + " rules, version " + compiled.version() + " (" + compiled.source().origin() + ")");
        return ExitCodes.OK;
    }
}
