package im.tariff.cli;

import im.tariff.evaluate.Evaluator;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes random valid requests, one JSON object a line, for benchmarks and soak tests. "
                + "The same seed always gives the same lines. Usage is aimed at the caps and quotas of the rules.",
        footer = {"", "Exit status: 0 done; 2 bad arguments or unreadable rules folder."})
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--count", required = true, paramLabel = "N", description = "number of requests")
    long count;

    @Option(names = "--seed", paramLabel = "S",
            description = "random seed (default: a random one, printed on stderr so the run can be repeated)")
    Long seed;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "rules folder whose caps and quotas the usage aims at (default: the bundled rules)")
    Path rulesDir;

    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "uniform",
            description = "uniform (the default: every field at a steady rate, values at the tariff's boundaries) or "
                    + "month-end (as metering sends them at month end: daily series of whole months, daily samples, "
                    + "add-ons on half the apps, a cap exceeded by a fifth of the apps on capped plans)")
    String mix;

    @Override
    public Integer call() {
        if (count < 0) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: --count must not be negative: " + count);
        }
        RulesOption option = new RulesOption();
        option.rulesDir = rulesDir;
        Evaluator rules = option.loadEngine().rules();
        long s = seed != null ? seed : new SecureRandom().nextLong();
        if (seed == null) {
            Console.ERR.println("seed " + s);
        }
        RequestGenerator.Mix chosen = switch (mix) {
            case "uniform" -> RequestGenerator.Mix.UNIFORM;
            case "month-end" -> RequestGenerator.Mix.MONTH_END;
            default -> throw new CliExit(ExitCodes.BAD_INPUT, "error: --mix: expected uniform or month-end, got '"
                    + mix + "'");
        };
        RequestGenerator generator = new RequestGenerator(s, rules.catalog(), TariffHints.from(rules), chosen);
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        try {
            generator.writeLines(count, out);
            out.flush();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
                return ExitCodes.OK; // the reader stopped early (| head): nothing is wrong
            }
            throw new CliExit(ExitCodes.BAD_INPUT, "error: cannot write the requests: " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
