package im.tariff.cli;

import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import im.tariff.scenario.BillDiff;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Evaluates each request under the base rules and the new rules and prints every bill "
                + "that changes, then a summary (bills changed, revenue difference). A request only one rule set "
                + "accepts (a new plan, add-on or meter) is shown as a bill added or removed. Bills that either "
                + "rule set fails to compute are failures, listed by rule: they are never counted as unchanged.",
        footer = {"", "Exit status: 0 compared; 1 some bills failed under the base or the new rules; "
                + "2 unreadable file; 3 rules do not compile."})
public class DiffCommand implements Callable<Integer> {

    /** Status when either rule set fails on some bill: the comparison says nothing about those bills. */
    static final int BILLS_FAILED = 1;

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
        LiveEvaluator before;
        try {
            before = LiveEvaluator.fromDirectory(base);
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "base rules " + base + ":\n" + RulesOption.describe(e));
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "cannot read base rules: " + e.getMessage());
        }
        LiveEvaluator after = rules.loadEngine();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("base: " + before.rules().source().origin() + " (version " + before.rules().version() + ") → new: "
                + after.rules().source().origin() + " (version " + after.rules().version() + ")");
        Evaluator old = before.rules();
        Evaluator now = after.rules();
        long compared = 0;
        long changed = 0;
        long skipped = 0;
        long failed = 0;
        Map<String, Long> failuresByRule = new TreeMap<>();
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
                Outcome a = Outcome.of(old, text);
                Outcome b = Outcome.of(now, text);
                if (a.refused() != null && b.refused() != null) {
                    err.println("line " + n + ": skipped, bad request: " + b.refused().field() + ": "
                            + b.refused().reason());
                    skipped++;
                    continue;
                }
                if (a.failure() != null || b.failure() != null) {
                    failed++;
                    for (Outcome o : List.of(a, b)) {
                        if (o.failure() != null) {
                            String side = o == a ? "base" : "new";
                            String rule = o.failure().rule() == null ? "(unknown rule)"
                                    : "\"" + o.failure().rule() + "\"" + (o.failure().where() == null ? ""
                                    : " at " + o.failure().where());
                            failuresByRule.merge(side + " rules: " + rule, 1L, Long::sum);
                            out.println("line " + n + "  FAILED under the " + side + " rules: " + o.failure().getMessage());
                        }
                    }
                    continue;
                }
                if (a.refused() != null || b.refused() != null) {
                    // one rule set knows what the request uses (a new plan, add-on or meter), the other does not
                    changed++;
                    compared++;
                    Bill only = a.bill() != null ? a.bill() : b.bill();
                    InvalidRequestException why = a.refused() != null ? a.refused() : b.refused();
                    if (a.bill() != null) {
                        oldRevenue = oldRevenue.add(only.totals().total());
                    } else {
                        newRevenue = newRevenue.add(only.totals().total());
                    }
                    out.println("line " + n + "  app " + only.appId() + "  " + only.billingMonth() + "  " + only.plan()
                            + (a.bill() != null ? "  bill removed: the new rules refuse it ("
                            : "  bill added: the base rules refuse it (") + why.field() + ": " + why.reason() + ")"
                            + "  total " + (a.bill() != null ? only.totals().total().toPlainString() + " → none"
                            : "none → " + only.totals().total().toPlainString()));
                    continue;
                }
                compared++;
                oldRevenue = oldRevenue.add(a.bill().totals().total());
                newRevenue = newRevenue.add(b.bill().totals().total());
                List<String> changes = BillDiff.changes(a.bill(), b.bill());
                if (!changes.isEmpty()) {
                    changed++;
                    BigDecimal delta = BillDiff.revenueDelta(a.bill(), b.bill());
                    out.println("line " + n + "  app " + a.bill().appId() + "  " + a.bill().billingMonth() + "  "
                            + a.bill().plan() + "  total " + a.bill().totals().total().toPlainString() + " → "
                            + b.bill().totals().total().toPlainString() + " (" + signed(delta) + ")");
                    for (String c : changes) {
                        out.println("    " + c);
                    }
                }
            }
        }
        out.println("bills compared: " + compared + ", bills changed: " + changed
                + (skipped > 0 ? ", lines skipped: " + skipped : "")
                + (failed > 0 ? ", bills FAILED: " + failed : ""));
        out.println("revenue: " + oldRevenue.toPlainString() + " → " + newRevenue.toPlainString()
                + " (difference " + signed(newRevenue.subtract(oldRevenue)) + ")"
                + (failed > 0 ? " — incomplete: failed bills are not counted" : ""));
        for (Map.Entry<String, Long> f : failuresByRule.entrySet()) {
            out.println("failed: " + f.getKey() + ": " + f.getValue() + " bill(s)");
        }
        out.flush();
        err.flush();
        return failed > 0 ? BILLS_FAILED : ExitCodes.OK;
    }

    /** One request under one rule set: a bill, the reader's refusal, or the rules' failure. */
    private record Outcome(Bill bill, InvalidRequestException refused, EvaluationException failure) {
        static Outcome of(Evaluator rules, String text) {
            try {
                return new Outcome(rules.evaluate(rules.reader().read(text)), null, null);
            } catch (InvalidRequestException e) {
                return new Outcome(null, e, null);
            } catch (EvaluationException e) {
                return new Outcome(null, null, e);
            }
        }
    }

    private static String signed(BigDecimal d) {
        return (d.signum() >= 0 ? "+" : "") + d.toPlainString();
    }
}
