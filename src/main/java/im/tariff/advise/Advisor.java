package im.tariff.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.Insertions;
import im.tariff.i18n.Messages;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.JsonInput;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Usage;
import im.tariff.model.Violation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * The plan advisor (the plan advisor, docs/PERFORMANCE-ADVISOR.md). It knows no tariff: it enumerates the plans and add-ons of the catalog, takes
 * the option values each plan prices from {@link PlanProbe#termsOf}, evaluates candidate combinations
 * through the rules and keeps those whose bill has no violation. The search is documented, with its
 * assumptions, in docs/PERFORMANCE-ADVISOR.md:
 * <ul>
 *   <li>{@link Mode#EXHAUSTIVE}: every combination of the offered, priced add-ons and option values that holds
 *   what is wanted; dominated combinations (same plan, a superset of another feasible one with options no
 *   lower, and no cheaper) are left out.</li>
 *   <li>{@link Mode#PRUNED} (default): per plan, the most generous combination, then each add-on left out of
 *   it once, then the minimal combinations; the same answer as EXHAUSTIVE when adding an add-on (or raising
 *   its option) never adds a violation and never lowers the total.</li>
 * </ul>
 * One advisor serves one request on one rule set; not thread-safe (it memoises its evaluations).
 */
public final class Advisor {

    public enum Mode { PRUNED, EXHAUSTIVE }

    /** Far above what a tariff needs; a rule that loops is reported by the engine's evaluation anyway. */
    private static final int PROBE_FIRINGS = 5_000;

    private final Evaluator rules;
    private final Catalog catalog;
    private final Mode mode;
    /** Sees every rule firing of every evaluation (a service's time limit), or null. */
    private final AgendaEventListener listener;
    private final Map<String, Bill> evaluated = new HashMap<>();
    private BillRequest request;
    private Map<String, AddOn> wanted;

    private Advisor(Evaluator rules, Mode mode, AgendaEventListener listener) {
        this.rules = rules;
        this.catalog = rules.catalog();
        this.mode = mode;
        this.listener = listener;
    }

    /** Advises on one request (docs/FORMAT.md, plan optional); the same validation and messages as evaluate. */
    public static Advice advise(Evaluator rules, String json, int top, Mode mode) throws InvalidRequestException {
        return advise(rules, JsonInput.parse(json, rules.reader().messages()), top, mode);
    }

    public static Advice advise(Evaluator rules, JsonNode root, int top, Mode mode) throws InvalidRequestException {
        return advise(rules, root, top, mode, null);
    }

    /**
     * As {@link #advise(Evaluator, JsonNode, int, Mode)}; listener (may be null) sees every rule firing of every
     * evaluation the advice makes, which is how a service stops an advice past its time limit.
     */
    public static Advice advise(Evaluator rules, JsonNode root, int top, Mode mode, AgendaEventListener listener)
            throws InvalidRequestException {
        if (top < 1) {
            throw new InvalidRequestException("top", rules.reader().messages().format("advise.top", top));
        }
        Advisor advisor = new Advisor(rules, mode, listener);
        advisor.read(root);
        return advisor.run(top);
    }

    /**
     * Validates the request through the reader; a missing plan, or a plan whose price is given on request (which
     * the reader refuses for a bill), is replaced by a priced one only to validate the rest.
     */
    private void read(JsonNode root) throws InvalidRequestException {
        JsonNode checked = root;
        PlanDef priced = catalog.plans().stream().filter(p -> !p.onRequest()).findFirst().orElse(null);
        if (root != null && root.isObject() && priced != null && needsStandIn(root.get("plan"))) {
            ObjectNode copy = ((ObjectNode) root).deepCopy();
            copy.put("plan", priced.code());
            checked = copy;
        }
        request = rules.reader().read(checked);
        wanted = new LinkedHashMap<>();
        for (AddOn a : request.addOns()) {
            wanted.put(a.type(), a);
        }
    }

    /** True when the request's plan is absent, or names a plan whose price is given on request. */
    private boolean needsStandIn(JsonNode plan) {
        if (plan == null || plan.isNull()) {
            return true;
        }
        PlanDef def = plan.isTextual() ? catalog.plan(plan.asText()) : null;
        return def != null && def.onRequest();
    }

    private Advice run(int top) {
        List<Candidate> feasible = new ArrayList<>();
        List<Advice.Rejected> rejected = new ArrayList<>();
        List<Advice.OnRequest> onRequest = new ArrayList<>();
        for (PlanDef plan : catalog.plans()) {
            if (plan.onRequest()) {
                onRequest.add(new Advice.OnRequest(plan.code(), plan.name())); // no bill: listed apart
                continue;
            }
            List<Candidate> found = new ArrayList<>();
            Candidate closest = mode == Mode.PRUNED ? pruned(plan.code(), found) : exhaustive(plan.code(), found);
            if (found.isEmpty()) {
                rejected.add(new Advice.Rejected(plan.code(), reasons(closest.bill)));
            }
            feasible.addAll(found);
        }
        feasible.sort(ranking());
        List<Advice.Option> options = new ArrayList<>();
        for (Candidate c : feasible) {
            if (options.size() == top) {
                break;
            }
            List<String> explained = new ArrayList<>();
            List<String> why = why(c, explained);
            options.add(new Advice.Option(options.size() + 1, c.plan, c.choices, why, explained, c.bill));
        }
        return new Advice(options, rejected, onRequest, evaluated.size());
    }

    // ---- the two searches ----

    /** What one add-on may be on a plan: absent (when not wanted) or one of these option values. */
    private record Levels(AddOnDef def, boolean wanted, List<Long> values, boolean usable) {
    }

    /**
     * The add-ons to consider on a plan, in catalog order: the wanted ones (usable when offered and priced
     * at an option value at least the wanted one) and the offered, priced ones.
     */
    private List<Levels> levelsOn(String plan) {
        List<Levels> result = new ArrayList<>();
        for (AddOnDef def : catalog.addOns()) {
            AddOn want = wanted.get(def.code());
            if (want == null && !def.offeredOn(plan)) {
                continue;
            }
            List<Long> values = new ArrayList<>();
            boolean priced = false;
            TreeSet<Long> options = new TreeSet<>();
            YearMonth month = request.account().billingMonth();
            for (Object term : PlanProbe.termsOf(rules, plan, month, listener)) {
                if (term instanceof Fee f && def.code().equals(f.addOn()) && inForce(f, month)) {
                    priced = true;
                    if (f.option() != null) {
                        options.add(f.option());
                    }
                }
            }
            if (def.hasOption()) {
                long min = want == null || want.option() == null ? Long.MIN_VALUE : want.option();
                values.addAll(options.tailSet(min, true));
            } else {
                values.add(null);
            }
            boolean usable = def.offeredOn(plan) && priced && !values.isEmpty();
            if (want != null && !usable) {
                values = new ArrayList<>();
                values.add(want.option()); // as asked: the rules say why it cannot be had
            }
            if (want != null || usable) {
                result.add(new Levels(def, want != null, values, usable));
            }
        }
        return result;
    }

    private static boolean inForce(Fee f, YearMonth month) {
        return !f.validFrom().isAfter(month.atEndOfMonth()) && !f.validTo().isBefore(month.atDay(1));
    }

    /**
     * Every combination; the feasible ones that no other feasible one dominates go to found. Returns the
     * closest combination (fewest violations, then fewest add-ons).
     */
    private Candidate exhaustive(String plan, List<Candidate> found) {
        List<Levels> levels = levelsOn(plan);
        List<List<Choice>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Levels l : levels) {
            List<List<Choice>> next = new ArrayList<>();
            for (List<Choice> c : combos) {
                if (!l.wanted) {
                    next.add(c);
                }
                for (Long v : l.values) {
                    List<Choice> with = new ArrayList<>(c);
                    with.add(new Choice(l.def.code(), v));
                    next.add(with);
                }
            }
            combos = next;
        }
        List<Candidate> all = new ArrayList<>();
        for (List<Choice> c : combos) {
            all.add(evaluate(plan, c));
        }
        List<Candidate> ok = all.stream().filter(Candidate::feasible).toList();
        for (Candidate c : ok) {
            boolean dominated = ok.stream().anyMatch(o -> o != c && dominates(o, c));
            if (!dominated) {
                found.add(c);
            }
        }
        return all.stream().min(closeness()).orElseThrow();
    }

    /** a dominates b: fewer or the same add-ons at options no higher, no dearer, and not the same combination. */
    private static boolean dominates(Candidate a, Candidate b) {
        if (a.choices.equals(b.choices) || a.total().compareTo(b.total()) > 0) {
            return false;
        }
        for (Choice ca : a.choices) {
            Choice cb = b.choices.stream().filter(x -> x.type().equals(ca.type())).findFirst().orElse(null);
            if (cb == null || (ca.option() != null && cb.option() != null && ca.option() > cb.option())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The pruned search of one plan (see the class comment and docs/PERFORMANCE-ADVISOR.md). Returns the
     * closest combination evaluated.
     */
    private Candidate pruned(String plan, List<Candidate> found) {
        List<Levels> levels = levelsOn(plan);
        List<Choice> base = new ArrayList<>();
        List<Choice> full = new ArrayList<>();
        boolean wantedUsable = true;
        for (Levels l : levels) {
            if (l.wanted) {
                base.add(new Choice(l.def.code(), l.values.get(0)));
                wantedUsable &= l.usable;
            }
            full.add(new Choice(l.def.code(), l.values.get(l.values.size() - 1)));
        }
        if (!wantedUsable) {
            return evaluate(plan, base); // a wanted add-on the plan does not sell: nothing else can help
        }
        Candidate most = evaluate(plan, full);
        if (!most.feasible()) {
            Candidate least = evaluate(plan, base);
            return closeness().compare(least, most) <= 0 ? least : most;
        }
        // each optional add-on left out of the most generous combination once: needed when a violation appears
        List<Choice> needed = new ArrayList<>();
        List<Choice> optional = new ArrayList<>();
        for (Choice c : full) {
            if (wanted.containsKey(c.type())) {
                needed.add(c);
                continue;
            }
            List<Choice> without = new ArrayList<>(full);
            without.remove(c);
            if (evaluate(plan, without).feasible()) {
                optional.add(c);
            } else {
                needed.add(c);
            }
        }
        List<List<Choice>> minimal = new ArrayList<>();
        if (evaluate(plan, needed).feasible()) {
            minimal.add(needed);
        } else {
            // add-ons that stand in for one another: the smallest sets of optional ones that make it feasible
            // (a subset holding a minimal set found before is skipped unevaluated: it can only cost more)
            for (int size = 1; size <= optional.size(); size++) {
                for (List<Choice> subset : subsets(optional, size)) {
                    if (minimal.stream().anyMatch(m -> subset.containsAll(minus(m, needed)))) {
                        continue;
                    }
                    List<Choice> combo = inCatalogOrder(union(needed, subset));
                    if (evaluate(plan, combo).feasible()) {
                        minimal.add(combo);
                    }
                }
            }
        }
        for (List<Choice> combo : minimal) {
            found.add(lowestOptions(plan, combo, levels));
        }
        return most;
    }

    /** Lowers each option, in catalog order, to the lowest value that keeps the combination feasible. */
    private Candidate lowestOptions(String plan, List<Choice> combo, List<Levels> levels) {
        List<Choice> current = new ArrayList<>(combo);
        for (int i = 0; i < current.size(); i++) {
            Choice c = current.get(i);
            if (c.option() == null) {
                continue;
            }
            Levels l = levels.stream().filter(x -> x.def.code().equals(c.type())).findFirst().orElseThrow();
            for (Long v : l.values) {
                if (v >= c.option()) {
                    break;
                }
                List<Choice> lower = new ArrayList<>(current);
                lower.set(i, new Choice(c.type(), v));
                if (evaluate(plan, lower).feasible()) {
                    current = lower;
                    break;
                }
            }
        }
        return evaluate(plan, current);
    }

    private static List<List<Choice>> subsets(List<Choice> items, int size) {
        List<List<Choice>> out = new ArrayList<>();
        collect(items, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<Choice> items, int size, int from, List<Choice> acc, List<List<Choice>> out) {
        if (acc.size() == size) {
            out.add(List.copyOf(acc));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            acc.add(items.get(i));
            collect(items, size, i + 1, acc, out);
            acc.remove(acc.size() - 1);
        }
    }

    private static List<Choice> union(List<Choice> a, List<Choice> b) {
        List<Choice> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Choice> minus(List<Choice> a, List<Choice> b) {
        List<Choice> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }

    private List<Choice> inCatalogOrder(List<Choice> choices) {
        List<Choice> out = new ArrayList<>(choices);
        out.sort(Comparator.comparingInt(c -> addOnIndex(c.type())));
        return out;
    }

    // ---- evaluation ----

    /** One evaluated combination. */
    private record Candidate(String plan, List<Choice> choices, Bill bill) {
        boolean feasible() {
            return bill.violations().isEmpty();
        }

        java.math.BigDecimal total() {
            return bill.totals().total();
        }
    }

    private Candidate evaluate(String plan, List<Choice> choices) {
        String key = plan + "|" + choices;
        Bill bill = evaluated.get(key);
        if (bill == null) {
            bill = rules.evaluate(requestFor(plan, choices), listener);
            evaluated.put(key, bill);
        }
        return new Candidate(plan, List.copyOf(choices), bill);
    }

    /**
     * The customer's request on another plan with these add-ons (a wanted add-on keeps its start date). On a
     * sheet that prorates by days the previous plan is left out: a change in the month would bill only the
     * difference of two fees, and staying the whole fee, so each plan is priced as bought on the start day.
     */
    private BillRequest requestFor(String plan, List<Choice> choices) {
        Account a = request.account();
        String previous = catalog.isProrated() ? null : a.previousPlan();
        Account account = new Account(a.appId(), a.billingMonth(), plan, a.planStartDate(), previous,
                a.requestedPlan());
        List<AddOn> addOns = new ArrayList<>();
        for (Choice c : choices) {
            AddOn want = wanted.get(c.type());
            LocalDate start = want == null ? null : want.startDate();
            addOns.add(new AddOn(c.type(), catalog.addOn(c.type()).billing(), c.option(), start));
        }
        return new BillRequest(account, addOns, request.usage(), request.daily());
    }

    // ---- ranking and words ----

    private Comparator<Candidate> ranking() {
        return Comparator.comparing(Candidate::total)
                .thenComparingInt(c -> c.choices.size())
                .thenComparingInt(c -> planIndex(c.plan))
                .thenComparing(c -> c.choices, this::compareChoices);
    }

    private static Comparator<Candidate> closeness() {
        return Comparator.<Candidate>comparingInt(c -> c.bill.violations().size())
                .thenComparingInt(c -> c.choices.size());
    }

    private int compareChoices(List<Choice> a, List<Choice> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int d = Integer.compare(addOnIndex(a.get(i).type()), addOnIndex(b.get(i).type()));
            if (d == 0) {
                d = Long.compare(a.get(i).option() == null ? 0 : a.get(i).option(),
                        b.get(i).option() == null ? 0 : b.get(i).option());
            }
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private int planIndex(String code) {
        List<PlanDef> plans = catalog.plans();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private int addOnIndex(String code) {
        List<AddOnDef> addOns = catalog.addOns();
        for (int i = 0; i < addOns.size(); i++) {
            if (addOns.get(i).code().equals(code)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static List<String> reasons(Bill bill) {
        Set<String> out = new LinkedHashSet<>();
        for (Violation v : bill.violations()) {
            out.add(v.code() + " " + v.subject());
        }
        return new ArrayList<>(out);
    }

    /**
     * Why each add-on is in the combination: "wanted", or the violations that appear when it is left out,
     * a meter's limit written as "field used > cap on plan: ADD_ON".
     */
    private List<String> why(Candidate c, List<String> explained) {
        List<String> out = new ArrayList<>();
        Messages words = rules.reader().messages();
        String planName = catalog.planName(c.plan);
        Set<String> present = new LinkedHashSet<>(reasons(c.bill));
        for (Choice choice : c.choices) {
            String addOnName = catalog.addOnName(choice.type());
            if (wanted.containsKey(choice.type())) {
                out.add("wanted: " + choice.type());
                explained.add(words.format("advise.why.wanted", addOnName));
                continue;
            }
            List<Choice> without = new ArrayList<>(c.choices);
            without.remove(choice);
            Candidate w = evaluate(c.plan, without);
            Probe probe = null;
            boolean said = false;
            for (Violation v : w.bill.violations()) {
                if (present.contains(v.code() + " " + v.subject())) {
                    continue;
                }
                MeterDef meter = catalog.meter(v.subject());
                if (meter != null) {
                    if (probe == null) {
                        probe = probe(requestFor(c.plan, without));
                    }
                    Long used = probe.used.get(meter.code());
                    Limit cap = probe.limits.get(meter.code());
                    if (used != null && cap != null) {
                        String field = meter.shape() == MeterShape.DAILY ? meter.seriesField() : meter.field();
                        out.add(field + " " + used + " > " + cap.cap() + " on " + planName + ": " + choice.type());
                        explained.add(words.format("advise.why.limit", meter.label(), used, planName, cap.cap(),
                                addOnName));
                        said = true;
                        continue;
                    }
                }
                out.add(v.code() + " " + v.subject() + " on " + planName + ": " + choice.type());
                explained.add(words.format("advise.why.violation", addOnName, reasonText(catalog, words,
                        v.code() + " " + v.subject())));
                said = true;
            }
            if (!said) {
                boolean cheaper = w.total().compareTo(c.total()) > 0;
                out.add((cheaper ? "cheaper with it" : "not needed") + " on " + planName + ": " + choice.type());
                explained.add(words.format(cheaper ? "advise.why.cheaper" : "advise.why.notNeeded", addOnName,
                        planName));
            }
        }
        return out;
    }

    /**
     * A reason "CODE SUBJECT" in words: the violation's label and the subject's (a meter's label, an add-on's or
     * a plan's name, or the subject itself).
     */
    static String reasonText(Catalog catalog, Messages words, String reason) {
        int space = reason.indexOf(' ');
        String code = space < 0 ? reason : reason.substring(0, space);
        String subject = space < 0 ? "" : reason.substring(space + 1);
        String label = catalog.violation(code) == null ? code : catalog.violation(code).label();
        String what = catalog.meter(subject) != null ? catalog.meter(subject).label()
                : catalog.addOn(subject) != null ? catalog.addOn(subject).name()
                : catalog.plan(subject) != null ? catalog.plan(subject).name() : subject;
        return words.format("advise.reason", label, what);
    }

    /** The usage figures and the limits in force that the rules derive for a request. */
    private record Probe(Map<String, Long> used, Map<String, Limit> limits) {
    }

    private Probe probe(BillRequest r) {
        Map<String, Long> used = new HashMap<>();
        Map<String, Limit> limits = new HashMap<>();
        LocalDate first = r.account().billingMonth().atDay(1);
        KieSession session = rules.kieBase().newKieSession();
        Insertions inserted = Insertions.of(session);
        if (listener != null) {
            session.addEventListener(listener);
        }
        used.putAll(rules.monthlyUsage(r));
        try {
            session.setGlobal("catalog", catalog);
            session.insert(catalog);
            session.insert(r.account());
            r.addOns().forEach(session::insert);
            r.usage().forEach(session::insert);
            session.fireAllRules(PROBE_FIRINGS);
            for (Object o : inserted.matching(o -> o instanceof Limit)) {
                if (o instanceof Limit l && !l.validFrom().isAfter(first) && !l.validTo().isBefore(first)) {
                    limits.merge(l.meter(), l, (x, y) -> y.validFrom().isAfter(x.validFrom()) ? y : x);
                }
            }
        } catch (RuntimeException e) {
            // the words then come from the violation itself
        } finally {
            session.dispose();
        }
        return new Probe(used, limits);
    }
}
