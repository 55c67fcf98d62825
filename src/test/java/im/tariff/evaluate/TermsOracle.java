package im.tariff.evaluate;

import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import im.tariff.model.Credit;
import im.tariff.model.DailyRate;
import im.tariff.model.DailyUsage;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Minimum;
import im.tariff.model.Overage;
import im.tariff.model.PlanPrice;
import im.tariff.model.Term;
import im.tariff.model.Tiers;
import im.tariff.model.Usage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The library's charge models written a second time, plainly, in the tests: given the terms the tariff's rules
 * set for a request (their numbers, read from the rules themselves, never restated here), the lines and the
 * limit violations the bill must have. It shares no code with the library's rules or the engine's closed world
 * beyond the term records, so a wrong library rule, a wrong calendar or a term applied on the wrong day shows up
 * as a difference on random requests of any sheet, and a deliberate price edit moves both sides alike.
 * <p>
 * Not covered (pinned by scenarios instead): plan changes in the month on prorated sheets, and the tariff's own
 * restrictions (their violations are allowed beside the oracle's).
 */
final class TermsOracle {

    /** A line as comparable text: code, billing mode, amount, period and charge day. */
    static String text(ChargeLine l) {
        return l.code() + " " + l.billingMode() + " " + l.amount().toPlainString() + " " + l.periodStart() + ".."
                + l.periodEnd() + "@" + l.chargeDate();
    }

    /** What the oracle expects: the lines (sorted texts), the limit violations, and the subjects with a gap. */
    record Expected(List<String> lines, Set<String> limits, Set<String> gapSubjects, boolean planChanged) {
    }

    private TermsOracle() {
    }

    static Expected bill(Catalog cat, BillRequest req, List<Term> terms) {
        Account a = req.account();
        LocalDate first = a.billingMonth().atDay(1);
        LocalDate end = a.billingMonth().atEndOfMonth();
        LocalDate charged = a.billingMonth().plusMonths(1).atDay(3);
        boolean prorated = cat.isProrated();
        boolean changed = prorated && a.previousPlan() != null && !a.previousPlan().equals(a.plan());
        Map<String, Long> used = usage(cat, req);
        List<ChargeLine> lines = new ArrayList<>();
        Set<String> gaps = new TreeSet<>();

        // the plan's period and its fee
        LocalDate t = a.planStartDate() != null ? a.planStartDate() : first;
        LocalDate periodEnd = prorated ? t.withDayOfMonth(t.lengthOfMonth()) : anniversaryEnd(t);
        int days = (int) (periodEnd.toEpochDay() - t.toEpochDay()) + 1;
        int of = t.lengthOfMonth();
        boolean part = prorated && days != of;
        Term planFee = latest(terms, x -> x instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity()), t);
        if (planFee == null) {
            gaps.add(a.plan());
        } else if (!changed) {
            if (planFee instanceof Fee f) {
                lines.add(line(f.line(), BillingMode.PREPAID, part ? prorate(f.price(), days, of) : money(f.price()),
                        t, periodEnd, t));
            } else {
                Tiers tiers = (Tiers) planFee;
                BigDecimal fee = tiers.amountAt(used.getOrDefault(tiers.meter(), 0L));
                if (tiers.minimumPrepaid()) {
                    BigDecimal min = tiers.minimumFee();
                    lines.add(line(tiers.line(), BillingMode.PREPAID, part ? prorate(min, days, of) : money(min), t,
                            periodEnd, t));
                    BigDecimal rest = fee.subtract(min);
                    lines.add(line(tiers.line(), BillingMode.POSTPAID, part ? prorate(rest, days, of) : money(rest),
                            t, periodEnd, charged));
                } else {
                    lines.add(line(tiers.line(), BillingMode.POSTPAID, part ? prorate(fee, days, of) : money(fee), t,
                            periodEnd, charged));
                }
            }
        }

        // add-ons: prepaid ones for their own period from their start day, postpaid ones for the month
        for (AddOn addOn : req.addOns()) {
            boolean prepaid = addOn.billing() == BillingMode.PREPAID;
            LocalDate start = prepaid ? (addOn.startDate() != null ? addOn.startDate() : t) : first;
            Term fee = latest(terms, x -> x instanceof Fee f && addOn.type().equals(f.addOn())
                    && (f.option() == null || Objects.equals(f.option(), addOn.option())), start);
            if (fee == null) {
                gaps.add(addOn.type());
                continue;
            }
            Fee f = (Fee) fee;
            if (prepaid) {
                LocalDate e = prorated ? start.withDayOfMonth(start.lengthOfMonth()) : anniversaryEnd(start);
                int d = (int) (e.toEpochDay() - start.toEpochDay()) + 1;
                boolean partial = prorated && d != start.lengthOfMonth();
                lines.add(line(f.line(), BillingMode.PREPAID, partial ? prorate(f.price(), d, start.lengthOfMonth())
                        : money(f.price()), start, e, start));
            } else {
                lines.add(line(f.line(), BillingMode.POSTPAID, money(f.price()), first, end, charged));
            }
        }

        // usage charges for the month, at the versions in force on its first day
        for (String meter : meters(terms)) {
            long u = used.getOrDefault(meter, 0L);
            Term o = latest(terms, x -> x instanceof Overage ov && ov.meter().equals(meter), first);
            if (o instanceof Overage ov && u > ov.free()) {
                long blocks = ceil(u - ov.free(), ov.block());
                lines.add(line(ov.line(), BillingMode.POSTPAID, money(ov.price().multiply(BigDecimal.valueOf(blocks))),
                        first, end, charged));
            }
            Term ti = latest(terms, x -> x instanceof Tiers tt && !tt.isPlanFee() && tt.meter().equals(meter), first);
            if (ti instanceof Tiers tt) {
                lines.add(line(tt.line(), BillingMode.POSTPAID, money(graduatedOrVolume(tt, u)), first, end, charged));
            }
        }
        Set<String> limits = new TreeSet<>();
        for (Map.Entry<String, Long> e : used.entrySet()) {
            if (e.getValue() > 0 && terms.stream().noneMatch(x -> e.getKey().equals(x.meter()))) {
                gaps.add(e.getKey());
            }
            Term l = latest(terms, x -> x instanceof Limit li && li.meter().equals(e.getKey()), first);
            if (l instanceof Limit li && e.getValue() > li.cap()) {
                limits.add("LIMIT_EXCEEDED " + e.getKey());
            }
        }

        // daily meters: summed for the month, or one line a day
        Map<String, List<DailyUsage>> byMeter = new TreeMap<>();
        for (DailyUsage d : req.daily()) {
            byMeter.computeIfAbsent(d.meter(), k -> new ArrayList<>()).add(d);
        }
        for (Term term : terms) {
            if (term instanceof DailyRate r && r.settlement() == BillingMode.POSTPAID && byMeter.containsKey(r.meter())
                    && latest(terms, x -> x instanceof DailyRate rr && rr.settlement() == BillingMode.POSTPAID
                    && rr.meter().equals(r.meter()) && Objects.equals(rr.key(), r.key()), first) == r) {
                BigDecimal q = BigDecimal.ZERO;
                for (DailyUsage d : byMeter.get(r.meter())) {
                    if (r.key() == null || r.key().equals(d.key())) {
                        q = q.add(d.value());
                    }
                }
                lines.add(line(r.line(), BillingMode.POSTPAID, money(q.multiply(r.price())), first, end, charged));
            }
        }
        for (DailyUsage d : req.daily()) {
            MeterDef m = cat.meter(d.meter());
            if (m != null && m.shape() == MeterShape.DAILY && d.value().signum() > 0 && terms.stream().noneMatch(x ->
                    x instanceof DailyRate r ? r.meter().equals(d.meter()) && (r.key() == null || r.key().equals(d.key()))
                            : d.meter().equals(x.meter()))) {
                gaps.add(d.meter());
            }
        }
        for (Map.Entry<String, List<DailyUsage>> e : byMeter.entrySet()) {
            Map<LocalDate, BigDecimal> perDay = new TreeMap<>();
            for (DailyUsage d : e.getValue()) {
                if (d.value().signum() > 0) {
                    perDay.put(d.date(), BigDecimal.ZERO);
                }
            }
            for (LocalDate day : perDay.keySet()) {
                Term r = latest(terms, x -> x instanceof DailyRate rr && rr.settlement() == BillingMode.DAILY_POSTPAID
                        && rr.meter().equals(e.getKey()), day);
                if (r instanceof DailyRate rate) {
                    BigDecimal q = BigDecimal.ZERO;
                    for (DailyUsage d : e.getValue()) {
                        if (d.date().equals(day) && (rate.key() == null || rate.key().equals(d.key()))) {
                            q = q.add(d.value());
                        }
                    }
                    lines.add(line(rate.line(), BillingMode.DAILY_POSTPAID, money(q.multiply(rate.price())), day, day,
                            day.plusDays(1)));
                }
            }
        }

        // a minimum spend, then the credits, on what the lines add up to
        Term min = latest(terms, x -> x instanceof Minimum, first);
        if (min instanceof Minimum m) {
            BigDecimal sum = lines.stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(m.amount()) < 0) {
                lines.add(line(m.line(), BillingMode.POSTPAID, money(m.amount().subtract(sum)), first, end, charged));
            }
        }
        List<Credit> credits = new ArrayList<>();
        for (Term term : terms) {
            if (term instanceof Credit c && c.inForceOn(first)) {
                credits.add(c);
            }
        }
        credits.sort(Comparator.comparing(Credit::rule).thenComparing(Credit::line));
        BigDecimal owed = lines.stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (Credit c : credits) {
            BigDecimal given = c.amount().min(owed.max(BigDecimal.ZERO));
            owed = owed.subtract(given);
            lines.add(line(c.line(), BillingMode.CREDIT, money(given).negate(), first, end, charged));
        }

        List<String> texts = new ArrayList<>();
        for (ChargeLine l : lines) {
            if (l.amount().signum() != 0 || l.billingMode() == BillingMode.CREDIT || cat.alwaysShown(l.code())) {
                texts.add(text(l));
            }
        }
        texts.sort(null);
        return new Expected(texts, limits, gaps, changed);
    }

    /** The bill's lines as the oracle compares them (a changed plan's fee lines left out when it skips them). */
    static List<String> lines(Bill bill, Expected e, Catalog cat) {
        List<String> out = new ArrayList<>();
        for (ChargeLine l : bill.lines()) {
            if (e.planChanged() && l.term() instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity())) {
                continue;
            }
            out.add(text(l));
        }
        out.sort(null);
        return out;
    }

    /** The month's figure of every meter: a count or peak as given, a peak from its series. */
    private static Map<String, Long> usage(Catalog cat, BillRequest req) {
        Map<String, Long> used = new HashMap<>();
        for (Usage u : req.usage()) {
            used.put(u.meter(), u.value());
        }
        for (DailyUsage d : req.daily()) {
            MeterDef m = cat.meter(d.meter());
            if (m != null && m.shape() == MeterShape.PEAK) {
                used.merge(d.meter(), d.value().longValueExact(), Math::max);
            }
        }
        return used;
    }

    private static Set<String> meters(List<Term> terms) {
        Set<String> out = new TreeSet<>();
        for (Term t : terms) {
            if (t.meter() != null) {
                out.add(t.meter());
            }
        }
        return out;
    }

    /** The version in force on the day that starts last, or null. */
    private static Term latest(List<Term> terms, Predicate<Term> which, LocalDate day) {
        Term best = null;
        for (Term t : terms) {
            if (which.test(t) && !day.isBefore(t.validFrom()) && !day.isAfter(t.validTo())
                    && (best == null || t.validFrom().isAfter(best.validFrom()))) {
                best = t;
            }
        }
        return best;
    }

    /** A tier table's amount, computed band by band here (not with the term's own arithmetic). */
    private static BigDecimal graduatedOrVolume(Tiers t, long q) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Tiers.Band b : t.bands()) {
            boolean inBand = q >= b.from() && (b.to() == null || q <= b.to());
            if (t.kind() == Tiers.Kind.GRADUATED) {
                if (q < b.from()) {
                    break;
                }
                long top = b.to() == null ? q : Math.min(q, b.to());
                long units = b.from() == 0 ? top : top - b.from() + 1;
                sum = sum.add(b.flat()).add(b.price().multiply(BigDecimal.valueOf(ceil(units, t.per()))));
                if (b.to() == null && b.furtherPrice().signum() > 0) {
                    sum = sum.add(b.furtherPrice().multiply(BigDecimal.valueOf(ceil(q - b.from() + 1, b.furtherBlock()))));
                }
            } else if (inBand) {
                sum = b.price().multiply(BigDecimal.valueOf(ceil(q, t.per()))).add(b.flat());
                if (b.to() == null && b.furtherPrice().signum() > 0) {
                    sum = sum.add(b.furtherPrice().multiply(BigDecimal.valueOf(ceil(q - b.from() + 1, b.furtherBlock()))));
                }
            }
        }
        return sum;
    }

    private static long ceil(long units, long size) {
        return units <= 0 ? 0 : (units - 1) / size + 1;
    }

    private static LocalDate anniversaryEnd(LocalDate t) {
        if (t.getDayOfMonth() == 1) {
            return t.withDayOfMonth(t.lengthOfMonth());
        }
        LocalDate next = t.plusMonths(1);
        int day = Math.min(t.getDayOfMonth() - 1, next.lengthOfMonth());
        return next.withDayOfMonth(day);
    }

    private static BigDecimal prorate(BigDecimal monthly, int days, int of) {
        return monthly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static ChargeLine line(String code, BillingMode mode, BigDecimal amount, LocalDate from, LocalDate to,
                                   LocalDate charge) {
        return new ChargeLine(code, mode, BigDecimal.ONE, amount, amount, from, to, charge, null, null, null, null);
    }
}
