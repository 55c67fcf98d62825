package im.tariff.evaluate;

import im.tariff.catalog.Catalog;
import im.tariff.model.Account;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the rules' results into the shape of a bill: lines the catalog marks "always" (the plan fee) even at
 * zero, other lines only above zero, lines and violations in the catalog's order, each (code, subject)
 * violation once, and totals as sums of lines.
 */
final class BillAssembler {

    private BillAssembler() {
    }

    static Bill assemble(Catalog catalog, Account account, List<ChargeLine> allLines, List<Violation> allViolations,
                         String version) {
        List<ChargeLine> lines = new ArrayList<>(allLines.size());
        for (ChargeLine line : allLines) {
            if (line.amount().signum() > 0 || catalog.alwaysShown(line.code())) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.<ChargeLine>comparingInt(l -> catalog.lineOrder(l.code()))
                .thenComparing(ChargeLine::code)
                .thenComparing(ChargeLine::periodStart)
                .thenComparing(l -> String.valueOf(l.rule())));
        List<Violation> sorted = new ArrayList<>(allViolations);
        sorted.sort(Comparator.<Violation>comparingInt(v -> catalog.violationOrder(v.code()))
                .thenComparing(Violation::code)
                .thenComparing(Violation::subject)
                .thenComparing(v -> String.valueOf(v.rule())));
        List<Violation> violations = new ArrayList<>(sorted.size());
        Set<String> seen = new HashSet<>();
        for (Violation v : sorted) {
            if (seen.add(v.code() + "\u0000" + v.subject())) {
                violations.add(v);
            }
        }
        return new Bill(account.appId(), account.billingMonth(), account.plan(), catalog.currency(),
                List.copyOf(lines), List.copyOf(violations), Bill.totalsOf(lines), version);
    }
}
