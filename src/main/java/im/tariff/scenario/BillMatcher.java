package im.tariff.scenario;

import im.tariff.i18n.Messages;
import im.tariff.io.BillWriter;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a bill with a scenario's expectation, exactly: every expected line and violation must be there
 * with the fields the analyst wrote, and nothing else may be. Returns the differences as readable lines
 * (empty when the bill matches), each naming the rule that produced the actual value.
 */
final class BillMatcher {

    private BillMatcher() {
    }

    /** The differences; each differing number or date written in the file is also added to fixes. */
    static List<String> differences(Scenario s, Bill bill, List<ExpectationFix> fixes, Messages words) {
        Expectation e = s.expect();
        List<String> out = new ArrayList<>();
        if (e.plan() != null && !e.plan().equals(bill.plan())) {
            out.add(words.format("test.planDiffers", e.plan(), bill.plan()));
        }
        matchLines(s, e.lines(), bill.lines(), out, fixes, words);
        matchViolations(s, e.violations(), bill.violations(), out, words);
        money(s, out, fixes, "total", words.format("test.total"), e.total(), bill.totals().total(), words);
        money(s, out, fixes, "prepaid", words.format("test.prepaidTotal"), e.prepaid(), bill.totals().prepaid(), words);
        money(s, out, fixes, "postpaid", words.format("test.postpaidTotal"), e.postpaid(), bill.totals().postpaid(),
                words);
        money(s, out, fixes, "credits", words.format("test.creditsTotal"), e.credits(), bill.totals().credits(), words);
        return out;
    }

    private static void money(Scenario s, List<String> out, List<ExpectationFix> fixes, String key, String what,
                              BigDecimal expected, BigDecimal actual, Messages words) {
        if (expected != null && expected.compareTo(actual) != 0) {
            Integer line = s.expect().moneyLines().get(key);
            if (line != null) {
                fixes.add(new ExpectationFix(s.file(), line, key, expected.toPlainString(), actual.toPlainString()));
            }
            out.add(words.format("test.moneyDiffers", what, expected.toPlainString(), actual.toPlainString(),
                    signed(actual.subtract(expected))));
        }
    }

    // ---- lines ----

    private static void matchLines(Scenario s, List<ExpectedItem> expected, List<ChargeLine> actual, List<String> out,
                                   List<ExpectationFix> fixes, Messages words) {
        ChargeLine[] pairOf = new ChargeLine[expected.size()];
        boolean[] used = new boolean[actual.size()];
        // first pass: perfect matches, so that two lines of one code pair up correctly
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < actual.size(); j++) {
                if (!used[j] && lineMismatches(expected.get(i), actual.get(j), words).isEmpty()) {
                    pairOf[i] = actual.get(j);
                    used[j] = true;
                    break;
                }
            }
        }
        // second pass: the closest line of the same code, reported field by field
        for (int i = 0; i < expected.size(); i++) {
            if (pairOf[i] != null) {
                continue;
            }
            ExpectedItem x = expected.get(i);
            int best = -1;
            int bestCount = Integer.MAX_VALUE;
            for (int j = 0; j < actual.size(); j++) {
                if (!used[j] && actual.get(j).code().equals(x.get("code"))) {
                    int n = lineMismatches(x, actual.get(j), words).size();
                    if (n < bestCount) {
                        best = j;
                        bestCount = n;
                    }
                }
            }
            if (best < 0) {
                out.add(words.format("test.missingLine", x.get("code"), x.get("amount"), s.file() + ":" + x.line()));
                continue;
            }
            used[best] = true;
            ChargeLine a = actual.get(best);
            out.add(words.format("test.lineDiffers", a.code(), a.rule(), s.file() + ":" + x.line()));
            for (String m : lineMismatches(x, a, words)) {
                out.add("    " + m);
            }
            for (String field : x.fields().keySet()) {
                String got = actualValue(field, a);
                if (FIXABLE.contains(field) && !same(field, x.get(field), a)) {
                    fixes.add(new ExpectationFix(s.file(), x.lineOf(field), field, x.get(field), got));
                }
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!used[j]) {
                ChargeLine a = actual.get(j);
                out.add(words.format("test.unexpectedLine", a.code(), a.amount().toPlainString(),
                        BillWriter.quantity(a.quantity()), BillWriter.price(a.unitPrice()), a.periodStart(),
                        a.periodEnd(), a.rule()));
            }
        }
    }

    /** Numbers and dates that --accept may rewrite; texts and codes are left to a person. */
    private static final java.util.Set<String> FIXABLE = java.util.Set.of("amount", "quantity", "unitPrice",
            "periodStart", "periodEnd", "chargeDate");

    private static List<String> lineMismatches(ExpectedItem x, ChargeLine a, Messages words) {
        List<String> diffs = new ArrayList<>();
        for (var f : x.fields().entrySet()) {
            String field = f.getKey();
            String want = f.getValue();
            if (!same(field, want, a)) {
                String got = actualValue(field, a);
                String delta = "";
                if (ScenarioLoader.DECIMAL_FIELDS.contains(field)) {
                    delta = words.format("test.delta", signed(new BigDecimal(got).subtract(new BigDecimal(want))));
                }
                diffs.add(String.format("%-11s ", field) + words.format("test.valueDiffers", want, got, delta));
            }
        }
        return diffs;
    }

    /** The line's value of a field, written as in a scenario file. */
    private static String actualValue(String field, ChargeLine a) {
        return switch (field) {
            case "code" -> a.code();
            case "amount" -> a.amount().toPlainString();
            case "quantity" -> BillWriter.quantity(a.quantity());
            case "unitPrice" -> BillWriter.price(a.unitPrice());
            case "billingMode" -> a.billingMode().name();
            case "periodStart" -> String.valueOf(a.periodStart());
            case "periodEnd" -> String.valueOf(a.periodEnd());
            case "chargeDate" -> String.valueOf(a.chargeDate());
            case "rule" -> a.rule();
            case "description" -> a.description();
            default -> throw new IllegalStateException("unchecked line field " + field);
        };
    }

    private static boolean same(String field, String want, ChargeLine a) {
        return switch (field) {
            case "amount" -> num(want, a.amount());
            case "quantity" -> num(want, a.quantity());
            case "unitPrice" -> num(want, a.unitPrice());
            default -> want.equals(actualValue(field, a));
        };
    }

    // ---- violations ----

    private static void matchViolations(Scenario s, List<ExpectedItem> expected, List<Violation> actual,
                                        List<String> out, Messages words) {
        boolean[] used = new boolean[actual.size()];
        for (ExpectedItem x : expected) {
            int found = -1;
            for (int j = 0; j < actual.size() && found < 0; j++) {
                Violation v = actual.get(j);
                if (!used[j] && v.code().equals(x.get("code")) && v.subject().equals(x.get("subject"))) {
                    found = j;
                }
            }
            if (found < 0) {
                out.add(words.format("test.missingViolation", x.get("code"), x.get("subject"),
                        s.file() + ":" + x.line()));
                continue;
            }
            used[found] = true;
            Violation v = actual.get(found);
            List<String> diffs = new ArrayList<>();
            compareText(diffs, "severity", x.get("severity"), v.severity().name(), words);
            compareText(diffs, "rule", x.get("rule"), v.rule(), words);
            compareText(diffs, "message", x.get("message"), v.message(), words);
            if (!diffs.isEmpty()) {
                out.add(words.format("test.violationDiffers", v.code(), v.subject(), v.rule(),
                        s.file() + ":" + x.line()));
                for (String d : diffs) {
                    out.add("    " + d);
                }
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!used[j]) {
                Violation v = actual.get(j);
                out.add(words.format("test.unexpectedViolation", v.code(), v.subject(), v.message(), v.rule()));
            }
        }
    }

    private static void compareText(List<String> diffs, String field, String want, String got, Messages words) {
        if (want != null && !Objects.equals(want, got)) {
            diffs.add(String.format("%-11s ", field) + words.format("test.valueDiffers", want, got, ""));
        }
    }

    private static boolean num(String want, BigDecimal got) {
        return new BigDecimal(want).compareTo(got) == 0;
    }

    static String signed(BigDecimal d) {
        return (d.signum() >= 0 ? "+" : "") + d.toPlainString();
    }
}
