package im.tariff.evaluate;

import im.tariff.model.AddOn;
import im.tariff.model.ChargeLine;
import im.tariff.model.DailyUsage;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.Term;
import im.tariff.model.Usage;
import im.tariff.model.Violation;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * What one evaluation's rules put into the session, kept as they insert it: the bill's lines (with the rule
 * that inserted each) and violations, and what the closed world ({@link ClosedWorld}) reads: the terms, the
 * add-ons, the prepaid periods and the usage. One listener on the session, so the engine neither scans every
 * fact nor runs a query for them (a query cost about 2.5 µs a bill, 8 % of an evaluation; docs/PERFORMANCE.md).
 */
final class FactRecorder implements RuleRuntimeEventListener {

    final List<ChargeLine> lines = new ArrayList<>();
    /**
     * The rule that inserted each line (null for the engine itself), in step with {@link #lines}: a list, not an
     * identity map, which cost a table and an identity hash a bill (3 % of a month-end batch).
     */
    final List<String> insertedBy = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    final List<AddOn> addOns = new ArrayList<>();
    final List<PrepaidPeriod> periods = new ArrayList<>();
    final List<Usage> usage = new ArrayList<>();
    final List<DailyUsage> daily = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        keep(event.getObject(), event.getRule() == null ? null : event.getRule().getName());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        Object fact = event.getObject();
        if (event.getOldObject() instanceof ChargeLine old && fact instanceof ChargeLine line) {
            int i = indexOf(old);
            if (i >= 0) {
                lines.set(i, line); // modified in place: still the line its rule inserted
                return;
            }
        }
        forget(event.getOldObject());
        keep(fact, event.getRule() == null ? null : event.getRule().getName());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        forget(event.getOldObject());
    }

    private void keep(Object fact, String rule) {
        if (fact instanceof ChargeLine line) {
            lines.add(line);
            insertedBy.add(rule);
            return;
        }
        List<Object> list = listOf(fact);
        if (list != null) {
            list.add(fact);
        }
    }

    private void forget(Object fact) {
        if (fact instanceof ChargeLine) {
            int i = indexOf(fact);
            if (i >= 0) {
                lines.remove(i);
                insertedBy.remove(i);
            }
            return;
        }
        List<Object> list = listOf(fact);
        if (list != null) {
            list.remove(fact);
        }
    }

    /** Where this very line is kept (lines are records: an equal line of another rule is another line). */
    private int indexOf(Object line) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i) == line) {
                return i;
            }
        }
        return -1;
    }

    /** The list a fact of this kind is kept in; null for a fact the engine does not need back. */
    @SuppressWarnings("unchecked")
    private List<Object> listOf(Object fact) {
        List<?> list = fact instanceof ChargeLine ? lines : fact instanceof Violation ? violations
                : fact instanceof Term ? terms : fact instanceof Usage ? usage : fact instanceof DailyUsage ? daily
                : fact instanceof PrepaidPeriod ? periods : fact instanceof AddOn ? addOns : null;
        return (List<Object>) list;
    }
}
