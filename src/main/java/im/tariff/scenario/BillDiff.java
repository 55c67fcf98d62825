package im.tariff.scenario;

import im.tariff.io.BillWriter;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changes in one bill between two rule sets: lines whose amount, quantity, price, period or charge
 * date differ, lines that appear or disappear, violations added or removed. Rule names and descriptions
 * are ignored (renaming a rule does not change what a customer pays).
 */
public final class BillDiff {

    private BillDiff() {
    }

    /** Readable changes from before to after; empty when the bill is the same. */
    public static List<String> changes(Bill before, Bill after) {
        List<String> out = new ArrayList<>();
        Map<String, ChargeLine> old = keyed(before.lines());
        Map<String, ChargeLine> neu = keyed(after.lines());
        for (Map.Entry<String, ChargeLine> e : old.entrySet()) {
            ChargeLine a = e.getValue();
            ChargeLine b = neu.get(e.getKey());
            if (b == null) {
                out.add(String.format("%-32s %s → (none)  (%s)", a.code(), a.amount().toPlainString(),
                        BillMatcher.signed(a.amount().negate())));
            } else if (!sameLine(a, b)) {
                out.add(String.format("%-32s %s → %s  (%s)%s", a.code(), a.amount().toPlainString(),
                        b.amount().toPlainString(), BillMatcher.signed(b.amount().subtract(a.amount())), details(a, b)));
            }
        }
        for (Map.Entry<String, ChargeLine> e : neu.entrySet()) {
            if (!old.containsKey(e.getKey())) {
                ChargeLine b = e.getValue();
                out.add(String.format("%-32s (none) → %s  (%s)", b.code(), b.amount().toPlainString(),
                        BillMatcher.signed(b.amount())));
            }
        }
        List<String> oldV = violationKeys(before.violations());
        List<String> newV = violationKeys(after.violations());
        for (Violation v : after.violations()) {
            if (!oldV.contains(key(v))) {
                out.add("+ violation " + v.code() + " " + v.subject() + ": " + v.message());
            }
        }
        for (Violation v : before.violations()) {
            if (!newV.contains(key(v))) {
                out.add("- violation " + v.code() + " " + v.subject() + ": " + v.message());
            }
        }
        return out;
    }

    private static Map<String, ChargeLine> keyed(List<ChargeLine> lines) {
        Map<String, ChargeLine> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ChargeLine l : lines) {
            int n = seen.merge(l.code(), 1, Integer::sum);
            out.put(l.code() + "#" + n, l);
        }
        return out;
    }

    private static boolean sameLine(ChargeLine a, ChargeLine b) {
        return a.billingMode() == b.billingMode()
                && a.amount().compareTo(b.amount()) == 0
                && a.quantity().compareTo(b.quantity()) == 0
                && a.unitPrice().compareTo(b.unitPrice()) == 0
                && Objects.equals(a.periodStart(), b.periodStart())
                && Objects.equals(a.periodEnd(), b.periodEnd())
                && Objects.equals(a.chargeDate(), b.chargeDate());
    }

    private static String details(ChargeLine a, ChargeLine b) {
        StringBuilder sb = new StringBuilder();
        if (a.quantity().compareTo(b.quantity()) != 0) {
            sb.append("  quantity ").append(BillWriter.quantity(a.quantity())).append(" → ")
                    .append(BillWriter.quantity(b.quantity()));
        }
        if (a.unitPrice().compareTo(b.unitPrice()) != 0) {
            sb.append("  unitPrice ").append(BillWriter.price(a.unitPrice())).append(" → ")
                    .append(BillWriter.price(b.unitPrice()));
        }
        if (!Objects.equals(a.periodStart(), b.periodStart()) || !Objects.equals(a.periodEnd(), b.periodEnd())) {
            sb.append("  period ").append(a.periodStart()).append("..").append(a.periodEnd()).append(" → ")
                    .append(b.periodStart()).append("..").append(b.periodEnd());
        }
        if (!Objects.equals(a.chargeDate(), b.chargeDate())) {
            sb.append("  chargeDate ").append(a.chargeDate()).append(" → ").append(b.chargeDate());
        }
        if (a.billingMode() != b.billingMode()) {
            sb.append("  billingMode ").append(a.billingMode()).append(" → ").append(b.billingMode());
        }
        return sb.toString();
    }

    private static List<String> violationKeys(List<Violation> vs) {
        return vs.stream().map(BillDiff::key).toList();
    }

    private static String key(Violation v) {
        return v.code() + " " + v.subject();
    }

    /** Difference of two bills' totals (after − before). */
    public static BigDecimal revenueDelta(Bill before, Bill after) {
        return after.totals().total().subtract(before.totals().total());
    }
}
