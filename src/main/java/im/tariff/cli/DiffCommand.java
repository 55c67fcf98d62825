package im.tariff.cli;

import im.tariff.engine.EvaluationException;
import im.tariff.engine.RuleCompilationException;
import im.tariff.engine.TariffEngine;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.scenario.BillDiff;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Evaluates each request under the base rules and the new rules and prints every bill "
                + "that changes, then a summary (bills changed, revenue difference).",
        footer = {"", "Exit status: 0 compared (bad lines are reported and skipped); 2 unreadable file; "
                + "3 rules do not compile."})
public class DiffCommand implements Callable<Integer> {

    @Option(names = "--base", required = true, paramLabel = "OLD_DIR", description = "folder of the rules before the edit")
    Path base;

    @Mixin
    RulesOption rules;

    @Parameters(index = "0", paramLabel = "REQUESTS.jsonl", description = "requests, one JSON object a line")
    Path requests;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(requests)) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: cannot read " + requests);
        }
        TariffEngine before;
        try {
            before = TariffEngine.fromDirectory(base);
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "base rules " + base + ":\n" + RulesOption.describe(e));
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "cannot read base rules: " + e.getMessage());
        }
        TariffEngine after = rules.loadEngine();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("base: " + before.rules().source().origin() + " (version " + before.rules().version() + ") → new: "
                + after.rules().source().origin() + " (version " + after.rules().version() + ")");
        RequestReader reader = new RequestReader();
        long compared = 0;
        long changed = 0;
        long skipped = 0;
        BigDecimal oldRevenue = BigDecimal.ZERO.setScale(2);
        BigDecimal newRevenue = BigDecimal.ZERO.setScale(2);
        try (BufferedReader in = Files.newBufferedReader(requests, StandardCharsets.UTF_8)) {
            String text;
            long n = 0;
            while ((text = in.readLine()) != null) {
                n++;
                if (text.isBlank()) {
                    continue;
                }
                Bill a;
                Bill b;
                try {
                    BillRequest request = reader.read(text);
                    a = before.evaluate(request);
                    b = after.evaluate(request);
                } catch (InvalidRequestException e) {
                    err.println("line " + n + ": skipped, bad request: " + e.field() + ": " + e.reason());
                    skipped++;
                    continue;
                } catch (EvaluationException e) {
                    err.println("line " + n + ": skipped, the rules failed: " + e.getMessage());
                    skipped++;
                    continue;
                }
                compared++;
                oldRevenue = oldRevenue.add(a.totals().total());
                newRevenue = newRevenue.add(b.totals().total());
                List<String> changes = BillDiff.changes(a, b);
                if (!changes.isEmpty()) {
                    changed++;
                    BigDecimal delta = BillDiff.revenueDelta(a, b);
                    out.println("line " + n + "  app " + a.appId() + "  " + a.billingMonth() + "  " + a.plan()
                            + "  total " + a.totals().total().toPlainString() + " → " + b.totals().total().toPlainString()
                            + " (" + signed(delta) + ")");
                    for (String c : changes) {
                        out.println("    " + c);
                    }
                }
            }
        }
        out.println("bills compared: " + compared + ", bills changed: " + changed
                + (skipped > 0 ? ", lines skipped: " + skipped : ""));
        out.println("revenue: " + oldRevenue.toPlainString() + " → " + newRevenue.toPlainString()
                + " (difference " + signed(newRevenue.subtract(oldRevenue)) + ")");
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private static String signed(BigDecimal d) {
        return (d.signum() >= 0 ? "+" : "") + d.toPlainString();
    }
}
