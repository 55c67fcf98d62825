package im.tariff.scenario;

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

    static List<String> differences(Scenario s, Bill bill) {
        Expectation e = s.expect();
        List<String> out = new ArrayList<>();
        if (e.plan() != null && !e.plan().equals(bill.plan().name())) {
            out.add("plan: expected " + e.plan() + ", actual " + bill.plan());
        }
        matchLines(s, e.lines(), bill.lines(), out);
        matchViolations(s, e.violations(), bill.violations(), out);
        money(out, "total", e.total(), bill.totals().total());
        money(out, "prepaid total", e.prepaid(), bill.totals().prepaid());
        money(out, "postpaid total", e.postpaid(), bill.totals().postpaid());
        return out;
    }

    private static void money(List<String> out, String what, BigDecimal expected, BigDecimal actual) {
        if (expected != null && expected.compareTo(actual) != 0) {
            out.add(what + ": expected " + expected.toPlainString() + ", actual " + actual.toPlainString()
                    + " (" + signed(actual.subtract(expected)) + ")");
        }
    }

    // ---- lines ----

    private static void matchLines(Scenario s, List<ExpectedItem> expected, List<ChargeLine> actual, List<String> out) {
        ChargeLine[] pairOf = new ChargeLine[expected.size()];
        boolean[] used = new boolean[actual.size()];
        // first pass: perfect matches, so that two lines of one code pair up correctly
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < actual.size(); j++) {
                if (!used[j] && lineMismatches(expected.get(i), actual.get(j)).isEmpty()) {
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
                if (!used[j] && actual.get(j).code().name().equals(x.get("code"))) {
                    int n = lineMismatches(x, actual.get(j)).size();
                    if (n < bestCount) {
                        best = j;
                        bestCount = n;
                    }
                }
            }
            if (best < 0) {
                out.add("missing line " + x.get("code") + ": expected amount " + x.get("amount")
                        + " (" + s.file() + ":" + x.line() + "), the bill has no such line");
                continue;
            }
            used[best] = true;
            ChargeLine a = actual.get(best);
            out.add("line " + a.code() + " (rule \"" + a.rule() + "\", " + s.file() + ":" + x.line() + "):");
            for (String m : lineMismatches(x, a)) {
                out.add("    " + m);
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!used[j]) {
                ChargeLine a = actual.get(j);
                out.add("unexpected line " + a.code() + ": amount " + a.amount().toPlainString() + " = "
                        + BillWriter.quantity(a.quantity()) + " × " + BillWriter.price(a.unitPrice()) + ", "
                        + a.periodStart() + ".." + a.periodEnd() + " (rule \"" + a.rule() + "\")");
            }
        }
    }

    private static List<String> lineMismatches(ExpectedItem x, ChargeLine a) {
        List<String> diffs = new ArrayList<>();
        for (var f : x.fields().entrySet()) {
            String field = f.getKey();
            String want = f.getValue();
            boolean same;
            String got;
            switch (field) {
                case "code" -> { got = a.code().name(); same = want.equals(got); }
                case "amount" -> { got = a.amount().toPlainString(); same = num(want, a.amount()); }
                case "quantity" -> { got = BillWriter.quantity(a.quantity()); same = num(want, a.quantity()); }
                case "unitPrice" -> { got = BillWriter.price(a.unitPrice()); same = num(want, a.unitPrice()); }
                case "billingMode" -> { got = a.billingMode().name(); same = want.equals(got); }
                case "periodStart" -> { got = String.valueOf(a.periodStart()); same = want.equals(got); }
                case "periodEnd" -> { got = String.valueOf(a.periodEnd()); same = want.equals(got); }
                case "chargeDate" -> { got = String.valueOf(a.chargeDate()); same = want.equals(got); }
                case "rule" -> { got = a.rule(); same = want.equals(got); }
                case "description" -> { got = a.description(); same = want.equals(got); }
                default -> throw new IllegalStateException("unchecked line field " + field);
            }
            if (!same) {
                String delta = "";
                if (ScenarioLoader.DECIMAL_FIELDS.contains(field)) {
                    delta = " (" + signed(new BigDecimal(got).subtract(new BigDecimal(want))) + ")";
                }
                diffs.add(String.format("%-11s expected %s, actual %s%s", field, want, got, delta));
            }
        }
        return diffs;
    }

    // ---- violations ----

    private static void matchViolations(Scenario s, List<ExpectedItem> expected, List<Violation> actual,
                                        List<String> out) {
        boolean[] used = new boolean[actual.size()];
        for (ExpectedItem x : expected) {
            int found = -1;
            for (int j = 0; j < actual.size() && found < 0; j++) {
                Violation v = actual.get(j);
                if (!used[j] && v.code().name().equals(x.get("code")) && v.subject().equals(x.get("subject"))) {
                    found = j;
                }
            }
            if (found < 0) {
                out.add("missing violation " + x.get("code") + " " + x.get("subject") + " (" + s.file() + ":"
                        + x.line() + "), the bill has no such violation");
                continue;
            }
            used[found] = true;
            Violation v = actual.get(found);
            List<String> diffs = new ArrayList<>();
            compareText(diffs, "severity", x.get("severity"), v.severity().name());
            compareText(diffs, "rule", x.get("rule"), v.rule());
            compareText(diffs, "message", x.get("message"), v.message());
            if (!diffs.isEmpty()) {
                out.add("violation " + v.code() + " " + v.subject() + " (rule \"" + v.rule() + "\", " + s.file()
                        + ":" + x.line() + "):");
                for (String d : diffs) {
                    out.add("    " + d);
                }
            }
        }
        for (int j = 0; j < actual.size(); j++) {
            if (!used[j]) {
                Violation v = actual.get(j);
                out.add("unexpected violation " + v.code() + " " + v.subject() + ": " + v.message()
                        + " (rule \"" + v.rule() + "\")");
            }
        }
    }

    private static void compareText(List<String> diffs, String field, String want, String got) {
        if (want != null && !Objects.equals(want, got)) {
            diffs.add(String.format("%-11s expected %s, actual %s", field, want, got));
        }
    }

    private static boolean num(String want, BigDecimal got) {
        return new BigDecimal(want).compareTo(got) == 0;
    }

    static String signed(BigDecimal d) {
        return (d.signum() >= 0 ? "+" : "") + d.toPlainString();
    }
}
