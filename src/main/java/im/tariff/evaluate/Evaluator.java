package im.tariff.evaluate;

import im.tariff.compile.RuleFailures;
import im.tariff.compile.CompiledRuleSet;
import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleLocator;
import im.tariff.compile.RuleSource;

import im.tariff.catalog.Catalog;
import im.tariff.io.RequestReader;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillingMode;
import im.tariff.model.BillingMonth;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.PlanChange;
import im.tariff.model.PlanPrice;
import im.tariff.i18n.Messages;
import java.util.ArrayList;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.PriceGap;
import im.tariff.model.Usage;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Bills requests with one compiled, immutable rule set. Thread-safe: every evaluation takes its own session
 * from a pool (no shared globals), and the pool resets the session when it is given back.
 */
public final class Evaluator {

    /** A tariff fires a few dozen rules a bill; far more means a rule keeps re-inserting facts. */
    public static final int MAX_FIRINGS = 5_000;

    /** Rule metadata of a closed-world guard: {@code @closedWorld}. */
    public static final String CLOSED_WORLD = "closedWorld";

    /** A number per thread, given on its first evaluation: it picks the thread's lane. */
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ThreadLocal<Integer> THREAD_NO = ThreadLocal.withInitial(THREADS::getAndIncrement);

    private final RuleSource source;
    private final Catalog catalog;
    private final RuleLocator locator;
    private final RequestReader reader;
    private final CompiledRuleSet compiled;
    private final KieBase kieBase;
    private final KieSessionsPool pool;
    /**
     * One session pool per lane (as many lanes as cores), a thread always using the same lane. With one pool
     * shared by all threads, a session released by one core was taken up by the other and its working memory
     * moved between caches on every evaluation: two threads made 57-60k evaluations/s instead of 80-84k.
     * Lane 0 is the container's pool; the others are made on first use, so a single-threaded run pays nothing.
     */
    private final AtomicReferenceArray<KieSessionsPool> lanes;

    private final List<String> ruleNames;
    private final List<String> billingRules;
    /** The meters whose daily series stand for a monthly peak. */
    private final java.util.Set<String> peakMeters;
    private final java.util.Map<String, RuleKind> ruleKinds;
    private final java.util.Set<String> closedWorldRules = new java.util.HashSet<>();
    /**
     * The terms of recent (plan, month) pairs: the month comes from any client of the calculator, so the cache
     * keeps the most recently used {@value #TERM_CACHE_SIZE} and forgets the others.
     */
    private final java.util.Map<String, List<Object>> termCache = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, List<Object>> eldest) {
            return size() > TERM_CACHE_SIZE;
        }
    };

    static final int TERM_CACHE_SIZE = 256;
    private final Instant loadedAt = Instant.now();

    /** Lints and compiles the rule source (the engine's library included) into an evaluator. */
    public static Evaluator compile(RuleSource source) throws RuleCompilationException {
        return new Evaluator(RuleCompiler.compile(source));
    }

    /** True when the rules were loaded as the build compiled them (the bundled rules), not compiled from text. */
    public boolean precompiled() {
        return compiled.precompiled();
    }

    public Evaluator(CompiledRuleSet compiled) {
        this.source = compiled.source();
        this.catalog = compiled.catalog();
        this.locator = compiled.locator();
        this.reader = new RequestReader(catalog);
        this.peakMeters = java.util.Set.copyOf(catalog.meters(im.tariff.catalog.MeterShape.PEAK).stream()
                .map(im.tariff.catalog.MeterDef::code).toList());
        this.compiled = compiled;
        this.kieBase = compiled.kieBase();
        this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.lanes = new AtomicReferenceArray<>(Runtime.getRuntime().availableProcessors());
        TreeSet<String> names = new TreeSet<>();
        java.util.Set<String> queries = new java.util.HashSet<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            pkg.getQueries().forEach(q -> queries.add(q.getName()));
            for (Rule rule : pkg.getRules()) {
                names.add(rule.getName());
            }
        }
        names.removeAll(queries); // a query a rule file declares is not a rule of the tariff
        this.ruleNames = List.copyOf(names);
        java.util.Set<String> declaring = catalog.declaringRules();
        java.util.Map<String, RuleKind> kinds = new java.util.TreeMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!names.contains(rule.getName())) {
                    continue;
                }
                RuleKind kind = rule.getMetaData().containsKey(CLOSED_WORLD) ? RuleKind.CLOSED_WORLD
                        : locator.inLibrary(rule.getName()) ? RuleKind.LIBRARY
                        : declaring.contains(rule.getName()) ? RuleKind.CATALOG : RuleKind.TARIFF;
                kinds.put(rule.getName(), kind);
                if (kind == RuleKind.CLOSED_WORLD) {
                    closedWorldRules.add(rule.getName());
                    // a violation names its rule in the sheet's language (@en on an English sheet)
                    for (Object localized : rule.getMetaData().values()) {
                        if (localized instanceof String name && !name.isBlank()) {
                            closedWorldRules.add(name);
                        }
                    }
                }
            }
        }
        this.ruleKinds = java.util.Collections.unmodifiableMap(kinds);
        this.billingRules = kinds.entrySet().stream().filter(e -> e.getValue() == RuleKind.TARIFF)
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** Evaluates one valid request into a bill. */
    public Bill evaluate(BillRequest request) {
        return evaluate(request, null);
    }

    /**
     * Evaluates one valid request; {@code listener} (may be null) sees every rule firing of this evaluation
     * only, which is how scenario coverage counts rules.
     */
    public Bill evaluate(BillRequest request, AgendaEventListener listener) {
        return run(request, listener).bill();
    }

    /** Evaluates one valid request and says what the bill was made from (its terms and gaps). */
    public Explained explain(BillRequest request) {
        return run(request, null);
    }

    private Explained run(BillRequest request, AgendaEventListener listener) {
        KieSession session = lane().newKieSession();
        FactRecorder facts = new FactRecorder();
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            session.addEventListener(facts);
            session.setGlobal("catalog", catalog);
            session.insert(catalog);
            session.insert(request.account());
            for (AddOn a : request.addOns()) {
                session.insert(a);
            }
            for (Usage u : request.usage()) {
                session.insert(u);
            }
            insertDaily(session, request);
            insertCalendar(session, request);
            int fired = session.fireAllRules(MAX_FIRINGS);
            // the closed world: only a bill with a gap fires again, for the @closedWorld rules to report it
            List<Object> found = fired < MAX_FIRINGS ? ClosedWorld.of(facts, catalog, request.account(), locator)
                    : List.of();
            if (!found.isEmpty()) {
                for (Object gapOrBreach : found) {
                    session.insert(gapOrBreach);
                }
                fired += session.fireAllRules(MAX_FIRINGS - fired);
            }
            if (fired >= MAX_FIRINGS) {
                throw new EvaluationException(Messages.of(catalog.language()).format("error.loop", MAX_FIRINGS), null);
            }
            Bill bill = BillAssembler.assemble(catalog, request.account(), facts, locator, version());
            return new Explained(bill, facts.terms, found);
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationException(RuleFailures.explain(e, locator, catalog.language()), e);
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            session.removeEventListener(facts);
            session.dispose();
        }
    }

    /**
     * The calendar every tariff shares, put in by the engine before the rules fire: the billing month, the plan's
     * prepaid period and each prepaid add-on's (T … T-1, or calendar months prorated by days when the catalog
     * says so; see {@link PrepaidPeriod}). Rules read these facts; none has to fire to make them.
     */
    private void insertCalendar(KieSession session, BillRequest request) {
        session.insert(BillingMonth.of(request.account().billingMonth()));
        boolean prorated = catalog.isProrated();
        PrepaidPeriod plan = PrepaidPeriod.ofPlan(request.account(), prorated);
        PlanChange change = planChange(request);
        session.insert(change == null ? plan : plan.changedFrom(change));
        for (AddOn a : request.addOns()) {
            if (a.billing() == BillingMode.PREPAID) {
                session.insert(PrepaidPeriod.ofAddOn(a, plan, prorated));
            }
        }
    }

    /**
     * The month's figure of every meter a request uses as a count or a peak: as given, or the highest day of a
     * peak meter's daily series (what the bill is priced on).
     */
    public java.util.Map<String, Long> monthlyUsage(BillRequest request) {
        java.util.Map<String, Long> used = new java.util.LinkedHashMap<>();
        for (Usage u : request.usage()) {
            used.merge(u.meter(), u.value(), Math::max);
        }
        for (DailyUsage d : request.daily()) {
            if (peakMeters.contains(d.meter())) {
                used.merge(d.meter(), d.value().longValueExact(), Math::max);
            }
        }
        return used;
    }

    /**
     * The days of a daily meter go in one by one (rules may look at each); a peak meter's daily series goes in as
     * its monthly peak only: no rule needs its days, and a month of them was most of the facts of a month-end bill
     * (docs/PERFORMANCE.md). The reader has made sure a peak is not also given as a number.
     */
    private void insertDaily(KieSession session, BillRequest request) {
        java.util.Map<String, Long> peaks = null;
        for (DailyUsage d : request.daily()) {
            if (peakMeters.contains(d.meter())) {
                if (peaks == null) {
                    peaks = new java.util.LinkedHashMap<>(4);
                }
                peaks.merge(d.meter(), d.value().longValueExact(), Math::max);
            } else {
                session.insert(d);
            }
        }
        if (peaks != null) {
            for (java.util.Map.Entry<String, Long> p : peaks.entrySet()) {
                session.insert(new Usage(p.getKey(), p.getValue()));
            }
        }
    }

    /**
     * On a sheet that prorates by days, a plan changed in the month is priced against the previous plan's fee:
     * the engine gives the rules that plan's fee terms (the tariff's rules set them only for the app's own plan).
     */
    private PlanChange planChange(BillRequest request) {
        Account a = request.account();
        if (!catalog.isProrated() || a.previousPlan() == null || a.previousPlan().equals(a.plan())) {
            return null;
        }
        List<PlanPrice> fees = new ArrayList<>();
        for (Object t : termsOf(a.previousPlan(), a.billingMonth())) {
            if (t instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity())) {
                fees.add(p);
            }
        }
        return new PlanChange(a.previousPlan(), fees);
    }

    /** The session pool of the calling thread's lane. */
    private KieSessionsPool lane() {
        int i = THREAD_NO.get() % lanes.length();
        KieSessionsPool lane = lanes.get(i);
        return lane != null ? lane : newLane(i);
    }

    private synchronized KieSessionsPool newLane(int i) {
        KieSessionsPool lane = lanes.get(i);
        if (lane == null) {
            lane = i == 0 ? pool : kieBase.newKieSessionsPool(1);
            lanes.set(i, lane);
        }
        return lane;
    }

    /** What the tariff is made of, as these rules declare it. */
    public Catalog catalog() {
        return catalog;
    }

    /** The strict request reader for this rule set's catalog. Thread-safe. */
    public RequestReader reader() {
        return reader;
    }

    /** The terms the rules set for one plan in one month (see {@link PlanTerms}); the recent pairs are cached. */
    public List<Object> termsOf(String plan, java.time.YearMonth month) {
        String key = plan + " " + month;
        synchronized (termCache) {
            List<Object> cached = termCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // fired outside the lock: two threads may probe the same pair once each, none waits on the other
        List<Object> terms = List.copyOf(PlanTerms.termsOf(kieBase, catalog, locator, plan, month));
        synchronized (termCache) {
            termCache.put(key, terms);
            return terms;
        }
    }

    /**
     * The fee the rules set for a plan ({@code addOn} null) or for an add-on on that plan (for its option, when
     * it has one), in force on the day: among the versions in force, the one that starts last, as the library's
     * charge rules choose it; null when none is in force. Two versions from the same day are an error naming
     * both rules. The terms are found afresh by firing the rules ({@link PlanTerms}), not cached: the day may
     * come from a client, and a cache keyed by it would grow without bound.
     */
    public PlanPrice feeOn(String plan, String addOn, Long option, java.time.LocalDate day) {
        List<im.tariff.model.Term> versions = new ArrayList<>();
        for (Object t : PlanTerms.termsOf(kieBase, catalog, locator, plan, java.time.YearMonth.from(day))) {
            if (addOn == null ? t instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity())
                    : t instanceof im.tariff.model.Fee f && addOn.equals(f.addOn())
                    && (f.option() == null || f.option().equals(option))) {
                versions.add((im.tariff.model.Term) t);
            }
        }
        List<im.tariff.model.Term> inForce = ClosedWorld.latest(versions, day, locator, catalog);
        return inForce.isEmpty() ? null : (PlanPrice) inForce.get(0);
    }

    /** Where each rule of this set is declared. */
    public RuleLocator locator() {
        return locator;
    }

    public RuleSource source() {
        return source;
    }

    /** Content hash of the rule files (docs/FORMAT.md rulesVersion). */
    public String version() {
        return source.version();
    }

    /**
     * Names of the tariff's rules that bill or check a request: every rule but the catalog's declarations (they
     * fire once, when the rules are compiled) and the engine's library (shared by every tariff, tested with the
     * engine). Scenario coverage asks that each of these fires in some scenario.
     */
    public List<String> billingRules() {
        return billingRules;
    }

    /** Every rule of the set, by name, with what it is (tariff, catalog, library, closed world). */
    public java.util.Map<String, RuleKind> ruleKinds() {
        return ruleKinds;
    }

    /**
     * Names of the closed-world guards ({@code @closedWorld}), as DRL names them and as a bill in either language
     * does: they fire only where the tariff has a gap.
     */
    public java.util.Set<String> closedWorldRules() {
        return java.util.Collections.unmodifiableSet(closedWorldRules);
    }

    /** Names of every rule in the set, sorted. */
    public List<String> ruleNames() {
        return Collections.unmodifiableList(ruleNames);
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** How many (plan, month) pairs the term cache holds now (never more than its bound). */
    int cachedTermSets() {
        synchronized (termCache) {
            return termCache.size();
        }
    }

    /** Releases the session pools and what Drools holds for the rule set once no evaluation uses it any more. */
    public void close() {
        for (int i = 1; i < lanes.length(); i++) {
            KieSessionsPool lane = lanes.get(i);
            if (lane != null) {
                lane.shutdown();
            }
        }
        pool.shutdown();
        compiled.dispose();
    }
}
