package im.tariff.cli;

import im.tariff.catalog.Catalog;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillTable;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluates one request (JSON) and prints its bill.",
        footer = {"", "Exit status: 0 evaluated (violations included); 2 bad input; 3 rules do not compile."})
public class EvaluateCommand implements Callable<Integer> {

    enum Format { json, table }

    @Parameters(index = "0", paramLabel = "FILE", description = "request JSON file, or - for stdin")
    String file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default) or table (for people)")
    Format format;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        Answer answer = answer(InputFiles.readRequest(file), rules::loadEngine);
        if (answer.bill() == null) {
            throw new CliExit(answer.status(), answer.error());
        }
        Console.OUT.println(format == Format.table ? BillTable.render(answer.bill(), answer.catalog())
                : BillWriter.toPrettyJson(answer.bill()));
        return ExitCodes.OK;
    }

    /** What evaluate answers: a bill (status 0), or an exit status and the one line for stderr. */
    public record Answer(int status, Bill bill, String error, Catalog catalog) {
    }

    /** The message of a failure that is the program's own, not the request's or the rules'. */
    public static final String INTERNAL_ERROR = "error: 内部错误 (internal error): the request could not be "
            + "evaluated; please report it with the request";

    /**
     * The answer for one request's bytes: 2 and the field for bad input (read against the catalog of the
     * rules), 3 when a rule fails while firing, 1 only for a failure of the program itself. Never a stack trace.
     */
    public static Answer answer(byte[] request, Supplier<LiveEvaluator> engines) {
        Evaluator rules = engines.get().rules();
        BillRequest parsed;
        try {
            parsed = rules.reader().read(request, 0, request.length);
        } catch (InvalidRequestException e) {
            return new Answer(ExitCodes.BAD_INPUT, null, "error: " + e.getMessage(), rules.catalog());
        }
        try {
            return new Answer(ExitCodes.OK, rules.evaluate(parsed), null, rules.catalog());
        } catch (EvaluationException e) {
            return new Answer(ExitCodes.BAD_RULES, null, "error: " + e.getMessage(), rules.catalog());
        } catch (RuntimeException | StackOverflowError e) {
            return new Answer(ExitCodes.INTERNAL, null, INTERNAL_ERROR, rules.catalog());
        }
    }
}
