package im.tariff.engine;

import im.tariff.model.Account;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.LineCode;
import im.tariff.model.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts the rules' results into the shape of SPEC 2.3: PLAN_FEE always, other lines only above zero,
 * a stable order, each (code, subject) violation once, and totals as sums of lines.
 */
final class BillAssembler {

    private static final Comparator<ChargeLine> LINE_ORDER = Comparator
            .comparing(ChargeLine::code)
            .thenComparing(ChargeLine::periodStart)
            .thenComparing(l -> String.valueOf(l.rule()));

    private static final Comparator<Violation> VIOLATION_ORDER = Comparator
            .comparing(Violation::code)
            .thenComparing(Violation::subject)
            .thenComparing(v -> String.valueOf(v.rule()));

    private BillAssembler() {
    }

    static Bill assemble(Account account, List<ChargeLine> allLines, List<Violation> allViolations, String version) {
        List<ChargeLine> lines = new ArrayList<>(allLines.size());
        for (ChargeLine line : allLines) {
            if (line.code() == LineCode.PLAN_FEE || line.amount().signum() > 0) {
                lines.add(line);
            }
        }
        lines.sort(LINE_ORDER);
        List<Violation> sorted = new ArrayList<>(allViolations);
        sorted.sort(VIOLATION_ORDER);
        List<Violation> violations = new ArrayList<>(sorted.size());
        Set<String> seen = new HashSet<>();
        for (Violation v : sorted) {
            if (seen.add(v.code() + "\u0000" + v.subject())) {
                violations.add(v);
            }
        }
        return new Bill(account.appId(), account.billingMonth(), account.plan(), Bill.CURRENCY,
                List.copyOf(lines), List.copyOf(violations), Bill.totalsOf(lines), version);
    }
}
