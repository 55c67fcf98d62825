package im.tariff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being built (see the issues). */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "(not built yet)")
public class GenerateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new CliExit(1, "tariff generate is not built yet");
    }
}
