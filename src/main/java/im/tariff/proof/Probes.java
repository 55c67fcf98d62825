package im.tariff.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.Declared;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.compile.RuleLocator;
import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.Explained;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Overage;
import im.tariff.model.PlanPrice;
import im.tariff.model.PriceGap;
import im.tariff.model.Term;
import im.tariff.model.Tiers;
import im.tariff.model.Versions;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bills {@code tariff check} makes to prove a tariff, not one per plan: for every plan, every meter at 0, at
 * every number the tariff writes (its quotas, block and band boundaries, limits, and every whole number in its
 * rules' conditions) and one either side, and at a very large value; every add-on with every option any plan
 * prices; every dated version's first day and the day before; and each peak meter given as a daily series
 * beside the same peak given as a number. Each bill that fails a rule, misses or doubles a plan fee, or has
 * usage with nothing in force to price it is a finding at the file:line of the rule involved.
 */
final class Probes {

    /** The findings, and how many bills were made to find them. */
    record Outcome(List<RuleProblem> problems, int bills) {
    }

    /** Usage beyond any tariff's boundary: a rule that overflows or fails on large numbers shows here. */
    static final long VERY_LARGE = 1_000_000_000_000_000L;

    /** At most this many values a meter: a tariff with very many numbers is still checked in seconds. */
    private static final int MAX_VALUES = 400;

    private static final Pattern WHOLE_NUMBER = Pattern.compile("(?<![\\w.$\"])(\\d{1,18})(?![\\w.])");
    private static final Pattern STRING_OR_COMMENT = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    private final Evaluator rules;
    private final Catalog catalog;
    private final Language lang;
    private final RuleLocator locator;
    private final Map<String, RuleProblem> found = new LinkedHashMap<>();
    private int bills;

    private Probes(Evaluator rules) {
        this.rules = rules;
        this.catalog = rules.catalog();
        this.lang = catalog.language();
        this.locator = rules.locator();
    }

    static Outcome run(Evaluator rules, YearMonth month) {
        Probes p = new Probes(rules);
        p.all(month);
        return new Outcome(new ArrayList<>(p.found.values()), p.bills);
    }

    private void all(YearMonth month) {
        List<Term> everyTerm = new ArrayList<>();
        Map<String, List<Object>> termsByPlan = new LinkedHashMap<>();
        for (PlanDef plan : catalog.plans()) {
            try {
                List<Object> terms = rules.termsOf(plan.code(), month);
                termsByPlan.put(plan.code(), terms);
                terms.forEach(t -> {
                    if (t instanceof Term term) {
                        everyTerm.add(term);
                    }
                });
            } catch (EvaluationException e) {
                report("error " + e.where(), new RuleProblem(e.file(), e.line(), e.column(), e.reason()));
            }
        }
        Set<Long> literals = literals(rules.source());
        for (PlanDef plan : catalog.plans()) {
            if (plan.onRequest() || !termsByPlan.containsKey(plan.code())) {
                continue;
            }
            Set<String> feeRules = new LinkedHashSet<>();
            for (Object t : termsByPlan.get(plan.code())) {
                if (t instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity())) {
                    feeRules.add(p.rule());
                }
            }
            Context c = new Context(plan, feeRules, true);
            probe(c, say("probe.plan", plan.code()), base(plan, month));
            for (MeterDef m : catalog.meters()) {
                for (long v : values(m, everyTerm, literals)) {
                    ObjectNode r = base(plan, month);
                    use(r.putObject("usage"), m, v, month);
                    probe(c, say("probe.meter", plan.code(), m.label(), v), r);
                }
                if (m.shape() == MeterShape.PEAK && m.seriesField() != null) {
                    series(c, m, month, values(m, everyTerm, Set.of()));
                }
            }
            addOns(c, month, everyTerm);
        }
        dates(month, everyTerm);
    }

    /** Every add-on on the plan, with each option value any plan prices, one at a time and all together. */
    private void addOns(Context c, YearMonth month, List<Term> everyTerm) {
        ObjectNode all = base(c.plan, month);
        ArrayNode allAddOns = all.putArray("addOns");
        for (AddOnDef a : catalog.addOns()) {
            Set<Long> options = new TreeSet<>();
            for (Term t : everyTerm) {
                if (t instanceof Fee f && a.code().equals(f.addOn()) && f.option() != null) {
                    options.add(f.option());
                }
            }
            if (a.hasOption() && options.isEmpty()) {
                options.add(1L);
            }
            if (!a.hasOption()) {
                ObjectNode r = base(c.plan, month);
                r.putArray("addOns").addObject().put("type", a.code());
                probe(c, say("probe.addOn", c.plan.code(), a.code()), r);
                allAddOns.addObject().put("type", a.code());
            } else {
                for (long o : options) {
                    ObjectNode r = base(c.plan, month);
                    r.putArray("addOns").addObject().put("type", a.code()).put(a.optionField(), o);
                    probe(c, say("probe.addOnOption", c.plan.code(), a.code(), a.optionField(), o), r);
                }
                allAddOns.addObject().put("type", a.code()).put(a.optionField(), options.iterator().next());
            }
        }
        if (!catalog.addOns().isEmpty()) {
            probe(c, say("probe.plan", c.plan.code()), all);
        }
    }

    /**
     * The first day of every dated version and the day before, on every plan, with every add-on starting that
     * day and every meter above its boundaries: a plan fee, a price or a rule that breaks across a version's
     * first day shows. Before a version starts nothing may be in force on purpose (a service not yet sold), so
     * only failing rules and plan periods without a fee are findings here.
     */
    private void dates(YearMonth current, List<Term> everyTerm) {
        Set<LocalDate> days = new TreeSet<>();
        for (Term t : everyTerm) {
            if (t.dated()) {
                days.add(t.validFrom());
                days.add(t.validFrom().minusDays(1));
            }
            if (!t.validTo().equals(Versions.NEVER)) {
                days.add(t.validTo());
                days.add(t.validTo().plusDays(1));
            }
        }
        for (LocalDate day : days) {
            if (day.getYear() < 1 || day.getYear() > 9999 || YearMonth.from(day).isAfter(YearMonth.of(9999, 11))) {
                continue;
            }
            for (PlanDef plan : catalog.plans()) {
                if (plan.onRequest()) {
                    continue;
                }
                ObjectNode r = base(plan, YearMonth.from(day));
                r.put("planStartDate", day.toString());
                ArrayNode addOns = r.putArray("addOns");
                for (AddOnDef a : catalog.addOns()) {
                    ObjectNode o = addOns.addObject().put("type", a.code()).put("startDate", day.toString());
                    if (a.hasOption()) {
                        o.put(a.optionField(), firstOption(a, everyTerm));
                    }
                }
                ObjectNode usage = r.putObject("usage");
                for (MeterDef m : catalog.meters()) {
                    List<Long> values = values(m, everyTerm, Set.of());
                    use(usage, m, values.get(values.size() - 2), YearMonth.from(day));
                }
                probe(new Context(plan, Set.of(), false), say("probe.day", plan.code(), day), r);
            }
        }
    }

    /** A peak meter given as a daily series must bill as its peak given as a number. */
    private void series(Context c, MeterDef m, YearMonth month, List<Long> values) {
        for (long v : values) {
            if (v < 2 || v >= VERY_LARGE) {
                continue;
            }
            ObjectNode asPeak = base(c.plan, month);
            asPeak.putObject("usage").put(m.field(), v);
            ObjectNode asSeries = base(c.plan, month);
            ArrayNode days = asSeries.putObject("usage").putArray(m.seriesField());
            days.addObject().put("date", month.atDay(1).toString()).put(m.valueField(), v / 2);
            days.addObject().put("date", month.atDay(2).toString()).put(m.valueField(), v);
            Bill peak = probe(c, say("probe.meter", c.plan.code(), m.label(), v), asPeak);
            Bill series = probe(c, say("probe.series", c.plan.code(), m.label()), asSeries);
            if (peak != null && series != null && !same(peak, series)) {
                report("series " + m.code(), TariffCheck.at(locator.statementNaming(m.declared(), m.code()),
                        say("check.probe.series", say("probe.series", c.plan.code(), m.label()), m.code(), v,
                                peak.totals().total(), series.totals().total())));
                return;
            }
        }
    }

    private static boolean same(Bill a, Bill b) {
        if (a.lines().size() != b.lines().size() || !a.totals().equals(b.totals())) {
            return false;
        }
        for (int i = 0; i < a.lines().size(); i++) {
            ChargeLine x = a.lines().get(i);
            ChargeLine y = b.lines().get(i);
            if (!x.code().equals(y.code()) || x.amount().compareTo(y.amount()) != 0) {
                return false;
            }
        }
        return a.violations().stream().map(v -> v.code() + v.subject()).toList()
                .equals(b.violations().stream().map(v -> v.code() + v.subject()).toList());
    }

    /** What a probe is about: its plan, the rules that price the plan's fee, and whether gaps are findings. */
    private record Context(PlanDef plan, Set<String> feeRules, boolean gapsAreFindings) {
    }

    /** Makes one bill; its failure, a plan period without a fee, or a gap is a finding. Returns the bill. */
    private Bill probe(Context c, String what, ObjectNode request) {
        bills++;
        Explained e;
        try {
            e = rules.explain(rules.reader().read(request));
        } catch (InvalidRequestException x) {
            report("refused", new RuleProblem(catalog.plans().isEmpty() ? null
                    : catalog.plans().get(0).declared().file(), 0, say("check.probe.refused", x.getMessage())));
            return null;
        } catch (EvaluationException x) {
            report("error " + x.where() + " " + x.rule(),
                    new RuleProblem(x.file(), x.line(), x.column(), say("check.probe.failed", what, x.reason())));
            return null;
        }
        for (PriceGap g : e.gaps()) {
            // a tariff rule that already said something about the subject (add-ons are not sold on the free
            // plan) speaks for it: the gap's own violation stays silent on the bill, and so does check
            boolean spoken = e.bill().violations().stream().anyMatch(v -> v.subject().equals(g.subject())
                    && !rules.closedWorldRules().contains(v.rule()));
            if (!spoken || g.kind() == PriceGap.Kind.NO_PLAN_PRICE) {
                gap(c, what, g);
            }
        }
        return e.bill();
    }

    private void gap(Context c, String what, PriceGap g) {
        switch (g.kind()) {
            case NO_PLAN_PRICE -> {
                Declared at = c.feeRules.isEmpty() ? locator.statementNaming(c.plan.declared(), c.plan.code())
                        : locator.where(c.feeRules.iterator().next());
                report("no plan fee " + c.plan.code() + " " + at.where(), TariffCheck.at(at, say("check.probe.noPlanFee",
                        what, c.plan.code(), c.plan.name(), g.detail())));
            }
            case USAGE, DAILY_USAGE -> {
                if (c.gapsAreFindings) {
                    report("unpriced " + c.plan.code() + " " + g.subject(), TariffCheck.at(
                            locator.statementNaming(c.plan.declared(), c.plan.code()), say("check.meterUnpriced",
                                    c.plan.code(), c.plan.name(), g.subject(), g.subjectName())));
                }
            }
            case USAGE_NOT_IN_FORCE, DAY_NOT_IN_FORCE, ADD_ON_NOT_IN_FORCE -> {
                boolean offered = g.kind() != PriceGap.Kind.ADD_ON_NOT_IN_FORCE
                        || catalog.addOn(g.subject()) != null && catalog.addOn(g.subject()).offeredOn(c.plan.code());
                if (c.gapsAreFindings && offered) {
                    String rule = g.detail() == null ? null : g.detail().split("\", \"")[0];
                    Declared at = rule != null ? locator.where(rule)
                            : locator.statementNaming(c.plan.declared(), c.plan.code());
                    report("not in force " + c.plan.code() + " " + g.subject(), TariffCheck.at(at,
                            say("check.probe.gap", what, gapWords(g))));
                }
            }
            default -> {
                // an add-on or option a plan does not offer is the closed world working: its violation is the answer
            }
        }
    }

    private String gapWords(PriceGap g) {
        return switch (g.kind()) {
            case USAGE_NOT_IN_FORCE -> say("gap.usageNotInForce", g.planName(), g.subjectName(), g.day(), g.detail());
            case DAY_NOT_IN_FORCE -> say("gap.dayNotInForce", g.planName(), g.subjectName(), g.day());
            default -> say("gap.addOnNotInForce", g.planName(), g.subjectName(), g.day());
        };
    }

    private void report(String key, RuleProblem p) {
        found.putIfAbsent(key, p);
    }

    // ---- the values and the requests ----

    /**
     * The values a meter is probed at, ascending: 0, 1, every boundary the terms write for it (quota, quota plus
     * one and two blocks, limits, band edges) and every whole number of the rules' conditions, each with its two
     * neighbours, and a very large value.
     */
    static List<Long> values(MeterDef m, List<Term> terms, Set<Long> literals) {
        TreeSet<Long> base = new TreeSet<>(literals);
        for (Term t : terms) {
            if (!m.code().equals(t.meter())) {
                continue;
            }
            if (t instanceof Overage o) {
                base.add(o.free());
                base.add(safeAdd(o.free(), o.block()));
                base.add(safeAdd(o.free(), safeAdd(o.block(), o.block())));
            } else if (t instanceof Limit l && !l.isUnlimited()) {
                base.add(l.cap());
            } else if (t instanceof Tiers tiers) {
                for (Tiers.Band b : tiers.bands()) {
                    base.add(b.from());
                    if (b.to() != null) {
                        base.add(b.to());
                    }
                    if (b.to() == null && b.furtherBlock() > 1) {
                        base.add(safeAdd(b.from() - 1, b.furtherBlock()));
                    }
                }
            }
        }
        TreeSet<Long> values = new TreeSet<>(List.of(0L, 1L, VERY_LARGE));
        for (long v : base) {
            for (long n : new long[] {v - 1, v, v + 1}) {
                if (n >= 0 && n < VERY_LARGE) {
                    values.add(n);
                }
            }
        }
        List<Long> out = new ArrayList<>(values);
        if (out.size() > MAX_VALUES) {
            out = new ArrayList<>(out.subList(0, MAX_VALUES - 1));
            out.add(VERY_LARGE);
        }
        return out;
    }

    private static long safeAdd(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    /** Every whole number written in the tariff's rules (outside strings and comments): a condition's bound. */
    static Set<Long> literals(RuleSource source) {
        Set<Long> out = new TreeSet<>();
        for (String text : source.files().values()) {
            String code = STRING_OR_COMMENT.matcher(text).replaceAll(" ");
            Matcher m = WHOLE_NUMBER.matcher(code);
            while (m.find()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }

    private static long firstOption(AddOnDef a, List<Term> terms) {
        for (Term t : terms) {
            if (t instanceof Fee f && a.code().equals(f.addOn()) && f.option() != null) {
                return f.option();
            }
        }
        return 1;
    }

    private ObjectNode base(PlanDef plan, YearMonth month) {
        ObjectNode r = Json.MAPPER.createObjectNode();
        r.put("appId", "probe");
        r.put("billingMonth", month.toString());
        r.put("plan", plan.code());
        return r;
    }

    /** The meter at a value: the count or the peak, or every dimension value of a daily meter on the 1st. */
    private static void use(ObjectNode usage, MeterDef m, long v, YearMonth month) {
        switch (m.shape()) {
            case COUNT, PEAK -> usage.put(m.field(), v);
            case DAILY -> {
                ArrayNode days = usage.putArray(m.seriesField());
                for (String key : m.dimensionValues().keySet()) {
                    days.addObject().put("date", month.atDay(1).toString()).put(m.dimension(), key)
                            .put(m.valueField(), v);
                }
            }
        }
    }

    private String say(String key, Object... args) {
        return Messages.of(lang).format(key, args);
    }
}
