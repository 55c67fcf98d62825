package im.tariff.scenario;

import im.tariff.i18n.Messages;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.refund.AfterRefund;
import im.tariff.refund.Cents;
import im.tariff.refund.RefundAnswer;
import im.tariff.refund.RefundLine;
import im.tariff.refund.RefundOrder;
import im.tariff.refund.RefundReader;
import im.tariff.refund.Refunds;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Runs a refund scenario: read the refund as the product does, answer it with the rules, compare with what the
 * scenario expects; each differing number or date written in the file is also a fix for {@code --accept}.
 */
final class RefundMatcher {

    /**
     * Fields {@code --accept} may rewrite: what a price or the calendar changes (whether an order's resources are
     * cleared follows from its amounts), never what the request says.
     */
    private static final Set<String> FIXABLE = Set.of("monthlyFee", "usedValue", "returned", "cleared", "daysUsed",
            "periodDays", "periodEnd");

    private RefundMatcher() {
    }

    static ScenarioResult run(Scenario s, Evaluator rules) {
        Expectation e = s.expect();
        Messages words = rules.reader().messages();
        Set<String> fired = new HashSet<>();
        RefundAnswer answer;
        try {
            answer = Refunds.answer(rules, new RefundReader(rules.catalog()).read(s.request()),
                    new DefaultAgendaEventListener() {
                        @Override
                        public void afterMatchFired(AfterMatchFiredEvent event) {
                            fired.add(event.getMatch().getRule().getName());
                        }
                    });
        } catch (InvalidRequestException ex) {
            if (e.expectsError()) {
                return new ScenarioResult(s, ScenarioRunner.refusalDifferences(s, ex, words), fired, words);
            }
            return new ScenarioResult(s, List.of(words.format("test.refund.refused", ex.field(), ex.reason(),
                    s.file() + ":" + s.lineOfRequestField(ex.field()))), fired, words);
        } catch (EvaluationException ex) {
            return new ScenarioResult(s, List.of(words.format("test.refund.rulesFailed", ex.getMessage())), fired,
                    words);
        }
        if (e.expectsError()) {
            return new ScenarioResult(s, List.of(words.format("test.refund.expectedRefusal", e.errorField(),
                    answer.refund().toPlainString(), answer.lines().size())), fired, words);
        }
        List<String> out = new ArrayList<>();
        List<ExpectationFix> fixes = new ArrayList<>();
        RefundExpectation x = s.refundExpect();
        if (x.orders() != null) {
            orders(s, x.orders(), answer.lines(), rules, out, fixes, words);
        }
        if (x.state() != null) {
            state(s, x.state(), answer.after(), rules, out, words);
        }
        if (x.refund().compareTo(answer.refund()) != 0) {
            fixes.add(new ExpectationFix(s.file(), x.refundLine(), "refund", x.refund().toPlainString(),
                    answer.refund().toPlainString()));
            out.add(words.format("test.moneyDiffers", words.format("test.refund.total"), x.refund().toPlainString(),
                    answer.refund().toPlainString(), BillMatcher.signed(answer.refund().subtract(x.refund()))));
        }
        return new ScenarioResult(s, out, fired, fixes, words.language());
    }

    private static void orders(Scenario s, List<ExpectedItem> expected, List<RefundLine> actual, Evaluator rules,
                               List<String> out, List<ExpectationFix> fixes, Messages words) {
        if (expected.size() != actual.size()) {
            out.add(words.format("test.refund.orderCount", expected.size(), actual.size(), s.file()));
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            ExpectedItem x = expected.get(i);
            RefundLine l = actual.get(i);
            List<String> diffs = new ArrayList<>();
            for (var f : x.fields().entrySet()) {
                String field = f.getKey();
                String want = f.getValue();
                String got = value(field, l);
                if (same(field, want, got)) {
                    continue;
                }
                if (field.equals("plan") && rules.catalog().plan(want) == null) {
                    diffs.add(words.format("test.unknownPlan", want));
                    continue;
                }
                String delta = RefundExpectation.MONEY.contains(field) && got != null
                        ? words.format("test.delta", BillMatcher.signed(new BigDecimal(got).subtract(new BigDecimal(want))))
                        : "";
                diffs.add(String.format("%-11s ", field) + words.format("test.valueDiffers", want, got, delta));
                if (FIXABLE.contains(field) && got != null) {
                    fixes.add(new ExpectationFix(s.file(), x.lineOf(field), field, want, got));
                }
            }
            if (!diffs.isEmpty()) {
                out.add(words.format("test.refund.orderDiffers", l.order().path(), l.rule(), s.file() + ":" + x.line()));
                for (String d : diffs) {
                    out.add("    " + d);
                }
            }
        }
    }

    private static void state(Scenario s, ExpectedItem x, AfterRefund after, Evaluator rules, List<String> out,
                              Messages words) {
        List<String> diffs = new ArrayList<>();
        for (var f : x.fields().entrySet()) {
            String got = switch (f.getKey()) {
                case "status" -> after.status();
                case "renewableOn" -> String.join(",", after.renewableOn());
                case "postpaidStillBilled" -> String.valueOf(after.postpaidBilled());
                case "rule" -> after.rule();
                default -> after.message();
            };
            if (!Objects.equals(f.getValue(), got)) {
                diffs.add(String.format("%-11s ", f.getKey()) + words.format("test.valueDiffers", f.getValue(), got, ""));
            }
        }
        String renewable = x.get("renewableOn");
        if (renewable != null && !renewable.isEmpty()) {
            for (String plan : renewable.split(",")) {
                if (rules.catalog().plan(plan) == null) {
                    diffs.add(words.format("test.unknownPlan", plan));
                }
            }
        }
        if (!diffs.isEmpty()) {
            out.add(words.format("test.refund.stateDiffers", after.rule(), s.file() + ":" + x.line()));
            for (String d : diffs) {
                out.add("    " + d);
            }
        }
    }

    private static boolean same(String field, String want, String got) {
        if (got == null) {
            return false;
        }
        if (RefundExpectation.MONEY.contains(field)) {
            return new BigDecimal(want).compareTo(new BigDecimal(got)) == 0;
        }
        if (RefundExpectation.WHOLE.contains(field)) {
            return Long.parseLong(want) == Long.parseLong(got);
        }
        return want.equals(got);
    }

    private static String value(String field, RefundLine l) {
        RefundOrder o = l.order();
        return switch (field) {
            case "plan" -> o.plan();
            case "addOn" -> o.addOn();
            case "billingMode" -> o.billing().name();
            case "periodStart" -> o.periodStart().toString();
            case "periodEnd" -> o.periodEnd().toString();
            case "paid" -> o.paid().toPlainString();
            case "monthlyFee" -> Cents.of(o.monthlyFee()).toPlainString();
            case "daysUsed" -> String.valueOf(o.daysUsed());
            case "periodDays" -> String.valueOf(o.periodDays());
            case "usedValue" -> l.usedValue().toPlainString();
            case "returned" -> l.returned().toPlainString();
            case "cleared" -> String.valueOf(l.cleared());
            case "rule" -> l.rule();
            default -> l.description();
        };
    }
}
