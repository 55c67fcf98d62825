package im.tariff.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Every fact put into a session, in the order it was inserted. {@code KieSession.getObjects()} is not enough:
 * a fact whose type no rule matches (a limit the engine checks itself, for one) never reaches working memory's
 * type nodes and is left out of it.
 */
public final class Insertions implements RuleRuntimeEventListener {

    private final List<Object> facts = new ArrayList<>();

    /** Listens to the session from now on. */
    public static Insertions of(KieSession session) {
        Insertions insertions = new Insertions();
        session.addEventListener(insertions);
        return insertions;
    }

    /** The facts still in the session that pass the filter, in insertion order. */
    public List<Object> matching(Predicate<Object> filter) {
        List<Object> out = new ArrayList<>();
        for (Object f : facts) {
            if (filter.test(f)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        facts.add(event.getObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        replace(event.getOldObject(), event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        replace(event.getOldObject(), null);
    }

    private void replace(Object old, Object now) {
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) == old) {
                if (now == null) {
                    facts.remove(i);
                } else {
                    facts.set(i, now);
                }
                return;
            }
        }
        if (now != null) {
            facts.add(now);
        }
    }
}
