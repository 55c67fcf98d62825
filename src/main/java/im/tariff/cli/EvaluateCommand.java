package im.tariff.cli;

import im.tariff.engine.EvaluationException;
import im.tariff.engine.TariffEngine;
import im.tariff.io.BillTable;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.RequestReader;
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
        Console.OUT.println(format == Format.table ? BillTable.render(answer.bill()) : BillWriter.toPrettyJson(answer.bill()));
        return ExitCodes.OK;
    }

    /** What evaluate answers: a bill (status 0), or an exit status and the one line for stderr. */
    public record Answer(int status, Bill bill, String error) {
    }

    /** The message of a failure that is the program's own, not the request's or the rules'. */
    public static final String INTERNAL_ERROR = "error: 内部错误 (internal error): the request could not be "
            + "evaluated; please report it with the request";

    /**
     * The answer for one request's bytes: 2 and the field for bad input (before any rules are compiled), 3 when
     * a rule fails while firing, 1 only for a failure of the program itself. Never a stack trace.
     */
    public static Answer answer(byte[] request, Supplier<TariffEngine> engines) {
        BillRequest parsed;
        try {
            parsed = new RequestReader().read(request, 0, request.length);
        } catch (InvalidRequestException e) {
            return new Answer(ExitCodes.BAD_INPUT, null, "error: " + e.getMessage());
        }
        TariffEngine engine = engines.get();
        try {
            return new Answer(ExitCodes.OK, engine.evaluate(parsed), null);
        } catch (EvaluationException e) {
            return new Answer(ExitCodes.BAD_RULES, null, "error: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return new Answer(ExitCodes.INTERNAL, null, INTERNAL_ERROR);
        }
    }
}
