package im.tariff.advise;

import im.tariff.catalog.AddOnDef;
import im.tariff.compile.RuleFailures;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.Insertions;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.Allowance;
import im.tariff.model.Term;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The terms (fees, overage prices, daily rates, limits, allowances) the rules set for an app on one plan in one
 * month with some add-ons ordered and no usage, found by firing the rules over that app. The calculator and the
 * advisor read the tariff's numbers this way (the price list, the option values a plan prices), without reading
 * rule text.
 * <p>
 * Like {@link Evaluator#termsOf}, but the probes are kept in one cache of at most {@value #CAPACITY} entries
 * for the whole process (least recently used first out), keyed by the rules' version: a service answers any
 * month a client names, and the memory this takes stays bounded. Thread-safe.
 */
public final class PlanProbe {

    /** Probes kept at most: about 12 KB each (a few dozen terms), so about 12 MB at most. */
    static final int CAPACITY = 1024;
    /** Far above what a tariff needs; a rule that loops is the engine's business. */
    private static final int FIRINGS = 5_000;

    private static final Map<String, List<Object>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Object>> eldest) {
            return size() > CAPACITY;
        }
    };

    private PlanProbe() {
    }

    /** The terms of plan in month with the add-ons given ordered (none, one or several; no option value). */
    public static List<Object> terms(Evaluator rules, String plan, YearMonth month, Collection<String> addOns) {
        return terms(rules, plan, month, addOns, null);
    }

    /**
     * As {@link #terms(Evaluator, String, YearMonth, Collection)}; listener (may be null) sees the rule firings
     * of a probe that is not cached yet, which is how a service stops it past its time limit (nothing is cached
     * then).
     */
    public static List<Object> terms(Evaluator rules, String plan, YearMonth month, Collection<String> addOns,
                                     AgendaEventListener listener) {
        String key = rules.version() + "\u0000" + plan + "\u0000" + month + "\u0000" + String.join(",", addOns);
        synchronized (CACHE) {
            List<Object> cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        List<Object> found = List.copyOf(fire(rules, plan, month, addOns, listener));
        synchronized (CACHE) {
            CACHE.put(key, found);
        }
        return found;
    }

    /**
     * Every term of plan in month: those set with no add-on and those set with every add-on of the catalog
     * ordered (so that the prices of the add-ons and the limits they extend show too), as {@link Evaluator#termsOf}.
     */
    public static List<Object> termsOf(Evaluator rules, String plan, YearMonth month) {
        return termsOf(rules, plan, month, null);
    }

    /** As {@link #termsOf(Evaluator, String, YearMonth)}, the probes seen by listener (may be null). */
    public static List<Object> termsOf(Evaluator rules, String plan, YearMonth month, AgendaEventListener listener) {
        Set<Object> all = new LinkedHashSet<>(terms(rules, plan, month, List.of(), listener));
        List<String> every = new ArrayList<>();
        for (AddOnDef a : rules.catalog().addOns()) {
            every.add(a.code());
        }
        all.addAll(terms(rules, plan, month, every, listener));
        return new ArrayList<>(all);
    }

    /** Probes held now (for a test of the bound). */
    static int size() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    private static List<Object> fire(Evaluator rules, String plan, YearMonth month, Collection<String> addOns,
                                     AgendaEventListener listener) {
        List<Object> terms = new ArrayList<>();
        KieSession session = rules.kieBase().newKieSession();
        Insertions inserted = Insertions.of(session);
        if (listener != null) {
            session.addEventListener(listener);
        }
        try {
            session.setGlobal("catalog", rules.catalog());
            session.insert(rules.catalog());
            session.insert(new Account("probe", month, plan, null, null, null));
            for (String code : addOns) {
                AddOnDef def = rules.catalog().addOn(code);
                if (def != null) {
                    session.insert(new AddOn(def.code(), def.billing(), null, null));
                }
            }
            session.fireAllRules(FIRINGS);
            terms.addAll(inserted.matching(o -> o instanceof Term || o instanceof Allowance));
        } catch (RuntimeException e) {
            throw new EvaluationException(RuleFailures.explain(e, rules.locator()), e);
        } finally {
            session.dispose();
        }
        return terms;
    }
}
