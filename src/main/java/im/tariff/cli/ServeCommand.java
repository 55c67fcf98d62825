package im.tariff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being built (see the issues). */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "(not built yet)")
public class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new CliExit(1, "tariff serve is not built yet");
    }
}
