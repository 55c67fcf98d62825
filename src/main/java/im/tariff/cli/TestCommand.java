package im.tariff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being built (see the issues). */
@Command(name = "test", mixinStandardHelpOptions = true, description = "(not built yet)")
public class TestCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new CliExit(1, "tariff test is not built yet");
    }
}
