package im.tariff.cli;

import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.refund.RefundAnswer;
import im.tariff.refund.RefundReader;
import im.tariff.refund.RefundRequest;
import im.tariff.refund.RefundWriter;
import im.tariff.refund.Refunds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "refund", mixinStandardHelpOptions = true,
        description = "Answers a refund (退费) of prepaid orders with the tariff's refund rules: one line per order "
                + "(days used, days of the period, monthly fee, used value, amount returned), the total returned "
                + "and the app's state afterwards.",
        footer = {"", "Exit status: 0 answered; 2 bad input; 3 rules do not compile, fail, or define no refund."})
public class RefundCommand implements Callable<Integer> {

    enum Format { json, table }

    @Parameters(index = "0", paramLabel = "FILE", description = "refund request JSON file, or - for stdin")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default) or table (for people)")
    Format format;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        byte[] bytes = InputFiles.readRequest(file);
        Evaluator compiled = rules.loadEngine().rules();
        RefundAnswer answer;
        try {
            RefundRequest request = new RefundReader(compiled.catalog()).read(bytes, 0, bytes.length);
            answer = Refunds.answer(compiled, request, null);
        } catch (InvalidRequestException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: " + e.getMessage());
        } catch (EvaluationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "error: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new CliExit(ExitCodes.INTERNAL, "error: 内部错误 (internal error): the refund could not be "
                    + "answered; please report it with the request");
        }
        Console.OUT.println(format == Format.table ? RefundWriter.table(answer, compiled.catalog())
                : RefundWriter.toPrettyJson(answer, compiled.catalog()));
        return ExitCodes.OK;
    }
}
