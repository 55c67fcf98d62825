package im.tariff.evaluate;

import im.tariff.catalog.Catalog;
import im.tariff.compile.RuleLocator;
import im.tariff.model.Account;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the rules' results into the shape of a bill, and refuses a bill whose lines do not add up: a line not
 * made from a term (inserted by hand), a line code the catalog does not declare, a negative amount that is
 * not a credit, a term charged twice for the same period (an old copy of a library rule). Lines the catalog
 * marks "always" (the plan fee) are shown even at zero, credits always, other lines only when not zero; lines
 * and violations in the catalog's order, each (code, subject) violation once, totals as sums of lines.
 */
final class BillAssembler {

    private BillAssembler() {
    }

    static Bill assemble(Catalog catalog, Account account, FactRecorder facts, RuleLocator locator, String version) {
        check(catalog, facts, locator);
        List<ChargeLine> lines = new ArrayList<>(facts.lines.size());
        for (ChargeLine line : facts.lines) {
            if (line.amount().signum() != 0 || line.isCredit() || catalog.alwaysShown(line.code())) {
                lines.add(line);
            }
        }
        lines.sort(Comparator.<ChargeLine>comparingInt(l -> catalog.lineOrder(l.code()))
                .thenComparing(ChargeLine::code)
                .thenComparing(ChargeLine::periodStart)
                .thenComparing(l -> String.valueOf(l.rule())));
        List<Violation> sorted = new ArrayList<>(facts.violations);
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

    /** No line is added silently: each comes from a term, once a period, with a declared code and a sign that fits. */
    private static void check(Catalog catalog, FactRecorder facts, RuleLocator locator) {
        Language lang = catalog.language();
        Map<Object, List<Integer>> byTerm = new IdentityHashMap<>();
        for (int i = 0; i < facts.lines.size(); i++) {
            ChargeLine line = facts.lines.get(i);
            String by = facts.insertedBy.get(i);
            if (line.term() == null) {
                throw failure(locator, by, Messages.of(lang).format("error.lineWithoutTerm", by, line.code()));
            }
            if (catalog.line(line.code()) == null) {
                throw failure(locator, line.rule(), Messages.of(lang).format("error.lineUndeclared", line.code(), line.rule()));
            }
            if (line.amount().signum() < 0 && !line.isCredit()) {
                throw failure(locator, line.rule(), Messages.of(lang).format("error.negative", line.code(), line.rule(),
                        line.amount().toPlainString()));
            }
            List<Integer> same = byTerm.computeIfAbsent(line.term(), k -> new ArrayList<>(1));
            for (int j : same) {
                ChargeLine other = facts.lines.get(j);
                if (other.periodStart().equals(line.periodStart()) && other.billingMode() == line.billingMode()
                        && other.code().equals(line.code())) {
                    throw failure(locator, line.rule(), Messages.of(lang).format("error.chargedTwice", line.rule(),
                            line.periodStart(), facts.insertedBy.get(j), by));
                }
            }
            same.add(i);
        }
    }

    private static EvaluationException failure(RuleLocator locator, String rule, String reason) {
        var at = rule == null ? null : locator.where(rule);
        String where = at == null || at.file() == null ? "" : at.where() + ": ";
        return new EvaluationException(where + reason, null, rule, at == null ? null : at.file(),
                at == null ? 0 : at.line(), at == null ? null : at.column(), reason);
    }

}
