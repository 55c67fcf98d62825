package im.tariff.cli;

import im.tariff.engine.EvaluationException;
import im.tariff.engine.CompiledRules;
import im.tariff.io.BillTable;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.util.concurrent.Callable;
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
        String text = InputFiles.readText(file);
        CompiledRules compiled = rules.loadEngine().rules();
        BillRequest request;
        try {
            request = compiled.reader().read(text);
        } catch (InvalidRequestException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: " + e.getMessage());
        }
        Bill bill;
        try {
            bill = compiled.evaluate(request);
        } catch (EvaluationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "error: " + e.getMessage());
        }
        Console.OUT.println(format == Format.table ? BillTable.render(bill, compiled.catalog()) : BillWriter.toPrettyJson(bill));
        return ExitCodes.OK;
    }
}
