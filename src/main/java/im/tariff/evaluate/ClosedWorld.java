package im.tariff.evaluate;

import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.compile.RuleLocator;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillingMode;
import im.tariff.model.DailyRate;
import im.tariff.model.DailyUsage;
import im.tariff.model.Limit;
import im.tariff.model.LimitBreach;
import im.tariff.model.Fee;
import im.tariff.model.PlanPrice;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.PriceGap;
import im.tariff.model.PriceGap.Kind;
import im.tariff.model.Term;
import im.tariff.model.Usage;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The closed world, checked once after the tariff's rules have fired, by one mechanism: every thing the bill
 * must price (the plan's period, each ordered add-on, each meter used, each day of a daily meter) is matched
 * with the terms that price it on the day that prices it.
 * <ul>
 *   <li>none at all, or none in force that day: a {@link PriceGap}, which the library's {@code @closedWorld}
 *   rules report as a violation in the sheet's words (a plan period without a plan fee included);</li>
 *   <li>two versions in force that start on the same day (a rule pasted twice, two versions dated alike): an
 *   error naming both rules — the bill would be charged twice, or by chance.</li>
 * </ul>
 * It also finds each meter above its limit ({@link LimitBreach}), which the library's limit rule reports. A complete
 * tariff has no gap, and a bill within its limits then fires its rules only once.
 */
final class ClosedWorld {

    private ClosedWorld() {
    }

    /**
     * The gaps of the bill of {@code account}, in the order the request and the rules brought their facts;
     * empty for a complete tariff. Throws when two terms for the same thing are in force from the same day.
     */
    static List<Object> of(FactRecorder facts, Catalog catalog, Account account, RuleLocator locator) {
        Gaps gaps = new Gaps(catalog, account);
        LocalDate first = account.billingMonth().atDay(1);
        // the terms sorted once by what they price: a bill asks for them period by period, add-on by add-on and
        // meter by meter, and looking through all of them each time (an add-on fee's identity made afresh at
        // every look) was 6 % of a month-end batch
        List<Term> planFees = new ArrayList<>(2);
        java.util.Map<String, List<Term>> byAddOn = new java.util.HashMap<>();
        java.util.Map<String, List<Term>> byMeter = new java.util.HashMap<>();
        for (Term t : facts.terms) {
            if (t instanceof Fee f && f.addOn() != null) {
                byAddOn.computeIfAbsent(f.addOn(), k -> new ArrayList<>(4)).add(t);
            } else if (t instanceof PlanPrice pp && PlanPrice.IDENTITY.equals(pp.identity())) {
                planFees.add(t);
            }
            if (t.meter() != null) {
                byMeter.computeIfAbsent(t.meter(), k -> new ArrayList<>(2)).add(t);
            }
        }
        for (PrepaidPeriod p : facts.periods) {
            if (p.addOn() == null) {
                plan(planFees, p.start(), gaps, locator, catalog);
            }
        }
        for (AddOn a : facts.addOns) {
            addOn(byAddOn.getOrDefault(a.type(), List.of()), a, pricingDay(a, facts.periods, first), gaps, locator,
                    catalog);
        }
        for (Usage u : facts.usage) {
            List<Term> named = byMeter.getOrDefault(u.meter(), List.of());
            if (u.value() > 0 && !gaps.has(u.meter())) {
                meter(named, u.meter(), first, gaps, locator, catalog);
            }
            limit(named, u, first, gaps, locator, catalog);
        }
        List<DailyUsage> checked = new ArrayList<>(2);
        for (DailyUsage d : facts.daily) {
            // a month of samples is checked once per meter and dimension value (once per day where settled daily)
            if (d.value().signum() > 0 && !gaps.has(d.meter()) && indexOfSeries(checked, d) < 0) {
                checked.add(d);
                day(byMeter.getOrDefault(d.meter(), List.of()), d, first, gaps, locator, catalog, checked);
            }
        }
        return gaps.list;
    }

    /** The plan's period: exactly one plan fee ({@code fees}: every version the rules set) in force on its first day. */
    private static void plan(List<Term> fees, LocalDate t, Gaps gaps, RuleLocator locator, Catalog catalog) {
        List<Term> inForce = latest(fees, t, locator, catalog);
        if (inForce.isEmpty()) {
            String why = fees.isEmpty() ? Messages.of(catalog.language()).format("gap.planFee.none")
                    : Messages.of(catalog.language()).format("gap.planFee.notInForce", rules(fees));
            gaps.plan(t, why);
        }
    }

    /** An ordered add-on: a fee for it ({@code any}: the add-on's fees), for its option, in force on its pricing day. */
    private static void addOn(List<Term> any, AddOn a, LocalDate day, Gaps gaps, RuleLocator locator,
                              Catalog catalog) {
        List<Term> forOption = select(any, x -> ((Fee) x).option() == null
                || Objects.equals(((Fee) x).option(), a.option()));
        if (any.isEmpty()) {
            gaps.addOn(Kind.ADD_ON, a.type(), a.option(), null);
        } else if (forOption.isEmpty()) {
            gaps.addOn(Kind.OPTION, a.type(), a.option(), null);
        } else if (latest(forOption, day, locator, catalog).isEmpty()) {
            gaps.addOn(Kind.ADD_ON_NOT_IN_FORCE, a.type(), a.option(), day);
        }
    }

    /** Where the series of d's meter and dimension value stands in the list; -1 when it is not there. */
    private static int indexOfSeries(List<DailyUsage> checked, DailyUsage d) {
        for (int i = 0; i < checked.size(); i++) {
            DailyUsage c = checked.get(i);
            if (c.meter().equals(d.meter()) && Objects.equals(c.key(), d.key())) {
                return i;
            }
        }
        return -1;
    }

    /** A meter used in the month: a price or a limit naming it ({@code named}), in force on the month's first day. */
    private static void meter(List<Term> named, String meter, LocalDate first, Gaps gaps, RuleLocator locator,
                              Catalog catalog) {
        if (named.isEmpty()) {
            gaps.meter(Kind.USAGE, meter, null, null);
            return;
        }
        boolean inForce = false;
        for (List<Term> same : byIdentity(named)) {
            inForce |= !latest(same, first, locator, catalog).isEmpty();
        }
        if (!inForce) {
            gaps.meter(Kind.USAGE_NOT_IN_FORCE, meter, first, rules(named));
        }
    }

    /** A meter above its limit in force on the month's first day (the latest version); {@code named}: its terms. */
    private static void limit(List<Term> named, Usage u, LocalDate first, Gaps gaps, RuleLocator locator,
                              Catalog catalog) {
        List<Term> limits = select(named, x -> x instanceof Limit);
        if (limits.isEmpty()) {
            return;
        }
        List<Term> inForce = latest(limits, first, locator, catalog);
        if (!inForce.isEmpty() && u.value() > ((Limit) inForce.get(0)).cap()) {
            Limit l = (Limit) inForce.get(0);
            gaps.list.add(new LimitBreach(u.meter(), catalog.meterLabel(u.meter()), u.value(), l.cap(), l.rule(),
                    catalog.planName(gaps.account.plan())));
        }
    }

    /**
     * A day of a daily meter: a rate for its dimension value (or a limit), in force on the day that prices it;
     * {@code named}: the meter's terms.
     */
    private static void day(List<Term> named, DailyUsage d, LocalDate first, Gaps gaps, RuleLocator locator,
                            Catalog catalog, List<DailyUsage> checked) {
        List<Term> limits = select(named, x -> !(x instanceof DailyRate));
        List<Term> rates = select(named, x -> x instanceof DailyRate r && r.prices(d));
        if (rates.isEmpty()) {
            if (limits.isEmpty()) {
                gaps.meter(Kind.DAILY_USAGE, d.meter(), null, null);
            }
            return;
        }
        boolean daily = rates.stream().anyMatch(r -> ((DailyRate) r).settlement() == BillingMode.DAILY_POSTPAID);
        if (daily) {
            checked.remove(indexOfSeries(checked, d)); // settled day by day: each day is checked on its own
        }
        LocalDate day = daily ? d.date() : first;
        boolean inForce = false;
        for (List<Term> same : byIdentity(rates)) {
            inForce |= !latest(same, day, locator, catalog).isEmpty();
        }
        if (!inForce) {
            if (daily) {
                gaps.meter(Kind.DAY_NOT_IN_FORCE, d.meter(), d.date(), null);
            } else {
                gaps.meter(Kind.USAGE_NOT_IN_FORCE, d.meter(), first, rules(rates));
            }
        }
    }

    /**
     * The versions in force on the day that start last (one for a sound tariff, none when nothing is in force);
     * two or more that start on the same day are the same thing priced twice: an error naming their rules.
     */
    static List<Term> latest(List<Term> versions, LocalDate day, RuleLocator locator, Catalog catalog) {
        List<Term> best = new ArrayList<>(1);
        for (Term t : versions) {
            if (!t.inForceOn(day)) {
                continue;
            }
            if (best.isEmpty() || t.validFrom().isAfter(best.get(0).validFrom())) {
                best.clear();
                best.add(t);
            } else if (t.validFrom().equals(best.get(0).validFrom()) && !t.equals(best.get(0))) {
                best.add(t);
            }
        }
        if (best.size() > 1) {
            throw conflict(best, day, locator, catalog);
        }
        return best;
    }

    private static EvaluationException conflict(List<Term> same, LocalDate day, RuleLocator locator,
                                                Catalog catalog) {
        Term a = same.get(0);
        Term b = same.get(1);
        var at = locator.where(a.rule());
        var bt = locator.where(b.rule());
        Language lang = catalog.language();
        String from = a.dated() ? Messages.of(lang).format("conflict.from", a.validFrom()) : Messages.of(lang).format("conflict.always");
        String reason = a.rule().equals(b.rule())
                ? Messages.of(lang).format("error.conflict.sameRule", a.rule(), what(a, catalog), from, day)
                : Messages.of(lang).format("error.conflict", a.rule(), b.rule(), bt.where(), what(a, catalog), from, day);
        String where = at.file() == null ? "" : at.where() + ": ";
        return new EvaluationException(where + reason, null, a.rule(), at.file(), at.line(), at.column(), reason);
    }

    /** What a term prices, in the sheet's words: the plan fee, an add-on (option), a meter's charge, a limit. */
    static String what(Term t, Catalog catalog) {
        Language lang = catalog.language();
        if (t instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity())) {
            return Messages.of(lang).format("what.planFee");
        }
        if (t instanceof Fee f) {
            return f.option() == null ? Messages.of(lang).format("what.addOn", catalog.addOnName(f.addOn()))
                    : Messages.of(lang).format("what.addOnOption", catalog.addOnName(f.addOn()), f.option());
        }
        if (t instanceof DailyRate r) {
            return Messages.of(lang).format("what.dailyRate", catalog.meterLabel(r.meter()), r.key() == null ? "" : r.key());
        }
        if (t instanceof im.tariff.model.Limit) {
            return Messages.of(lang).format("what.limit", catalog.meterLabel(t.meter()));
        }
        if (t.meter() != null) {
            return Messages.of(lang).format("what.usage", catalog.meterLabel(t.meter()));
        }
        return t.identity();
    }

    /** The terms grouped by what they price (overage and limit of one meter are two things). */
    private static List<List<Term>> byIdentity(List<Term> terms) {
        List<List<Term>> groups = new ArrayList<>(2);
        List<String> identities = new ArrayList<>(2); // each made once: a term's identity is a new string
        for (Term t : terms) {
            String identity = t.identity();
            int g = identities.indexOf(identity);
            if (g < 0) {
                identities.add(identity);
                groups.add(new ArrayList<>(2));
                g = groups.size() - 1;
            }
            groups.get(g).add(t);
        }
        return groups;
    }

    /** The day an add-on is priced on: its prepaid period's first day, or the month's first day (postpaid). */
    private static LocalDate pricingDay(AddOn a, List<PrepaidPeriod> periods, LocalDate first) {
        if (a.billing() == BillingMode.PREPAID) {
            for (PrepaidPeriod p : periods) {
                if (a.type().equals(p.addOn())) {
                    return p.start();
                }
            }
        }
        return first;
    }

    private static List<Term> select(List<Term> terms, Predicate<Term> which) {
        List<Term> out = new ArrayList<>(2);
        for (Term t : terms) {
            if (which.test(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The rules of the terms, quoted, each once. */
    private static String rules(List<Term> terms) {
        Set<String> names = new LinkedHashSet<>();
        terms.forEach(t -> names.add(t.rule()));
        return String.join("\", \"", names);
    }

    /** The gaps found so far, each with the names its message needs. */
    private static final class Gaps {
        final List<Object> list = new ArrayList<>(0);
        final Catalog catalog;
        final Account account;

        Gaps(Catalog catalog, Account account) {
            this.catalog = catalog;
            this.account = account;
        }

        boolean has(String subject) {
            for (Object g : list) {
                if (g instanceof PriceGap p && p.subject().equals(subject)) {
                    return true;
                }
            }
            return false;
        }

        void plan(LocalDate t, String why) {
            list.add(new PriceGap(Kind.NO_PLAN_PRICE, account.plan(), catalog.planName(account.plan()), null, t,
                    account.plan(), catalog.planName(account.plan()), why));
        }

        void addOn(Kind kind, String addOn, Long option, LocalDate day) {
            list.add(new PriceGap(kind, addOn, catalog.addOnName(addOn), option, day, account.plan(),
                    catalog.planName(account.plan()), null));
        }

        void meter(Kind kind, String meter, LocalDate day, String detail) {
            list.add(new PriceGap(kind, meter, catalog.meterLabel(meter), null, day, account.plan(),
                    catalog.planName(account.plan()), detail));
        }
    }
}
