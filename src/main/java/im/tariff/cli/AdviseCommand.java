package im.tariff.cli;

import im.tariff.advise.Advice;
import im.tariff.advise.AdviceWriter;
import im.tariff.advise.Advisor;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "advise", mixinStandardHelpOptions = true,
        description = "The plan advisor: the cheapest plans and add-ons that serve a request's usage without a "
                + "violation (the request's plan may be absent; its addOns are the ones wanted).",
        footer = {"", "Exit status: 0 advised; 2 bad input; 3 rules do not compile."})
public class AdviseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "request JSON file, or - for stdin")
    String file;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "how many options (default 5)")
    int top;

    @Option(names = "--exhaustive", description = "evaluate every combination instead of the pruned search")
    boolean exhaustive;

    @Option(names = "--stats", description = "print the number of evaluations and the time taken on stderr")
    boolean stats;

    @Option(names = "--bench", paramLabel = "RUNS", defaultValue = "0",
            description = "benchmark: advise RUNS more times after the first and print timings on stderr")
    int bench;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.readRequest(file);
        Evaluator compiled = rules.loadEngine().rules();
        Advisor.Mode mode = exhaustive ? Advisor.Mode.EXHAUSTIVE : Advisor.Mode.PRUNED;
        Advice advice;
        try {
            JsonNode text = JsonInput.parse(bytes, 0, bytes.length, compiled.reader().messages());
            long started = System.nanoTime();
            advice = Advisor.advise(compiled, text, top, mode);
            long firstNanos = System.nanoTime() - started;
            if (stats || bench > 0) {
                Console.ERR.printf("advise (%s): %d evaluations, first run %.1f ms%n", mode.name().toLowerCase(),
                        advice.evaluations(), firstNanos / 1e6);
            }
            if (bench > 0) {
                long[] runs = new long[bench];
                for (int i = 0; i < bench; i++) {
                    long t = System.nanoTime();
                    Advisor.advise(compiled, text, top, mode);
                    runs[i] = System.nanoTime() - t;
                }
                Arrays.sort(runs);
                Console.ERR.printf("advise (%s): %d runs after the first: median %.2f ms, min %.2f ms, max %.2f ms%n",
                        mode.name().toLowerCase(), bench, runs[bench / 2] / 1e6, runs[0] / 1e6,
                        runs[bench - 1] / 1e6);
            }
        } catch (InvalidRequestException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: " + e.getMessage());
        } catch (EvaluationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "error: " + e.getMessage());
        }
        Console.OUT.println(AdviceWriter.toJson(advice, compiled.catalog(), true));
        return ExitCodes.OK;
    }
}
