package im.tariff.cli;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.advise.Quote;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.io.BillTable;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quote", mixinStandardHelpOptions = true,
        description = "The price calculator: the bill of a plan with add-ons on estimated usage (appId \"quote\").",
        footer = {"", "Exit status: 0 priced (violations included), or the plan's price is given",
                "on request (the answer says \"contact sales\" instead of a bill); 2 bad input;",
                "3 rules do not compile."})
public class QuoteCommand implements Callable<Integer> {

    @Option(names = "--plan", paramLabel = "PLAN", required = true, description = "plan code or name")
    String plan;

    @Option(names = "--addon", paramLabel = "TYPE[:OPTION]",
            description = "an add-on, with its option value when it has one; repeatable")
    List<String> addOns = new ArrayList<>();

    @Option(names = "--usage", paramLabel = "NAME=VALUE",
            description = "an estimated usage figure: any count or peak field the catalog declares; repeatable")
    List<String> usage = new ArrayList<>();

    @Option(names = "--month", paramLabel = "YYYY-MM",
            description = "billing month (default: the month of --start, else the current month)")
    String month;

    @Option(names = "--start", paramLabel = "YYYY-MM-DD",
            description = "the plan's start day in the month (planStartDate): a purchase after the 1st")
    String start;

    @Option(names = "--previous-plan", paramLabel = "PLAN",
            description = "the plan before --plan (previousPlan): a change of plan in the month, from --start")
    String previousPlan;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (default) or table (for people)")
    EvaluateCommand.Format format;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        Evaluator compiled = rules.loadEngine().rules();
        Bill bill;
        try {
            JsonNode body = Quote.body(compiled.catalog(), plan, addOns, usage, month, start, previousPlan);
            PlanDef onRequest = Quote.onRequest(compiled.catalog(), body);
            if (onRequest != null) {
                // no bill for a price on request: the rest of the quote is still checked, then the plain answer
                Quote.validateOnRequest(compiled, body, compiled.catalog().thisMonth());
                Console.OUT.println(format == EvaluateCommand.Format.table
                        ? Quote.contactSalesText(compiled.catalog(), onRequest)
                        : Quote.onRequestJson(compiled.catalog(), onRequest).toPrettyString());
                return ExitCodes.OK;
            }
            bill = Quote.bill(compiled, body, compiled.catalog().thisMonth());
        } catch (InvalidRequestException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: " + e.getMessage());
        } catch (EvaluationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "error: " + e.getMessage());
        }
        Console.OUT.println(format == EvaluateCommand.Format.table ? BillTable.render(bill, compiled.catalog())
                : BillWriter.toPrettyJson(bill));
        return ExitCodes.OK;
    }
}
