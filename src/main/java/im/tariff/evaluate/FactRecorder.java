package im.tariff.evaluate;

import im.tariff.model.AddOn;
import im.tariff.model.ChargeLine;
import im.tariff.model.DailyUsage;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.Term;
import im.tariff.model.Usage;
import im.tariff.model.Violation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    /** The rule that inserted each line (null for the engine itself). */
    final Map<ChargeLine, String> insertedBy = new IdentityHashMap<>();
    final List<Violation> violations = new ArrayList<>();
    final List<Term> terms = new ArrayList<>();
    final List<AddOn> addOns = new ArrayList<>();
    final List<PrepaidPeriod> periods = new ArrayList<>();
    final List<Usage> usage = new ArrayList<>();
    final List<DailyUsage> daily = new ArrayList<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        Object fact = event.getObject();
        keep(fact);
        if (fact instanceof ChargeLine line) {
            insertedBy.put(line, event.getRule() == null ? null : event.getRule().getName());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        forget(event.getOldObject());
        keep(event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        forget(event.getOldObject());
    }

    private void keep(Object fact) {
        List<Object> list = listOf(fact);
        if (list != null) {
            list.add(fact);
        }
    }

    private void forget(Object fact) {
        List<Object> list = listOf(fact);
        if (list != null) {
            list.remove(fact);
        }
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
