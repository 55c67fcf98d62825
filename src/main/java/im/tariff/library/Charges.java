package im.tariff.library;

import im.tariff.catalog.Catalog;
import im.tariff.catalog.Downgrade;
import im.tariff.catalog.MeterDef;
import im.tariff.model.BillingMonth;
import im.tariff.model.ChargeLine;
import im.tariff.model.Credit;
import im.tariff.model.DailyRate;
import im.tariff.model.DailyUsage;
import im.tariff.model.Fee;
import im.tariff.model.Minimum;
import im.tariff.model.Overage;
import im.tariff.model.PlanChange;
import im.tariff.model.PlanPrice;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.Proration;
import im.tariff.model.Tiers;
import im.tariff.model.Usage;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The charge models of the engine's library, one method each, called by the library's rules
 * (src/main/resources/im/tariff/library/*.drl): each makes the line of one term, in the sheet's language.
 * Nothing here knows a tariff: prices, quotas and bands come from the term, names from the catalog.
 */
public final class Charges {

    private Charges() {
    }

    // ---- fixed fees ----

    /** A prepaid fee (plan or add-on) for its period: the whole price, or its days on a prorated sheet. */
    public static ChargeLine prepaid(Fee fee, PrepaidPeriod p, Catalog cat) {
        return ChargeLine.prepaid(fee, fee.line(), fee.price(), p, periodText(cat, fee.label(), p));
    }

    /** A postpaid add-on: the whole month at the price in force on the month's first day, never prorated. */
    public static ChargeLine postpaidAddOn(Fee fee, BillingMonth month) {
        return ChargeLine.monthly(fee, fee.line(), month, BigDecimal.ONE, fee.price(), fee.label());
    }

    // ---- usage ----

    /** Every started block above the free quota at the block price. */
    public static ChargeLine overage(Overage o, long used, BillingMonth month, Catalog cat) {
        long blocks = o.blocks(used);
        String text = o.block() == 1
                ? Messages.of(cat.language()).format("line.overage.units", cat.meterLabel(o.meter()), used, o.free(),
                        blocks, o.price(), cat.currencyLabel())
                : Messages.of(cat.language()).format("line.overage.blocks", cat.meterLabel(o.meter()), used, o.free(),
                        blocks, o.block(), o.price(), cat.currencyLabel());
        return ChargeLine.monthly(o, o.line(), month, BigDecimal.valueOf(blocks), o.price(), text);
    }

    /** A volume or graduated tier table on the month's figure of its meter. */
    public static ChargeLine tiers(Tiers t, long used, BillingMonth month, Catalog cat) {
        Tiers.Band band = t.bandOf(used);
        BigDecimal amount = t.amountAt(used);
        String label = cat.meterLabel(t.meter());
        boolean simple = t.kind() == Tiers.Kind.VOLUME && band.flat().signum() == 0
                && band.furtherPrice().signum() == 0;
        String key = t.kind() == Tiers.Kind.VOLUME ? "line.tiers.volume" : "line.tiers.graduated";
        String text = Messages.of(cat.language()).format(key, t.label(), label, used, band.range(), amount,
                cat.currencyLabel());
        if (simple) {
            long units = t.per() == 1 ? used : used / t.per() + (used % t.per() == 0 ? 0 : 1);
            return ChargeLine.monthly(t, t.line(), month, BigDecimal.valueOf(units), band.price(), text);
        }
        return ChargeLine.monthly(t, t.line(), month, BigDecimal.ONE, amount, text);
    }

    /** A daily meter's days summed for the month × the daily price. */
    public static ChargeLine dailyForMonth(DailyRate r, Collection<?> days, BillingMonth month, Catalog cat) {
        BigDecimal quantity = DailyUsage.total(days, r.key());
        String unit = cat.meter(r.meter()).unit();
        return ChargeLine.monthly(r, r.line(), month, quantity, r.price(), Messages.of(cat.language()).format("line.daily.month", r.label(), quantity, unit, r.price(), cat.currencyLabel()));
    }

    /** One day of a meter settled daily: the day's values × the daily price, charged the next day. */
    public static ChargeLine dailyForDay(DailyRate r, LocalDate day, Collection<?> entries, Catalog cat) {
        BigDecimal quantity = DailyUsage.total(entries, r.key());
        String unit = cat.meter(r.meter()).unit();
        return ChargeLine.daily(r, r.line(), day, quantity, r.price(), Messages.of(cat.language()).format("line.daily.day", r.label(), day, quantity, unit, r.price(), cat.currencyLabel()));
    }

    /** The month's figure of a meter: its one Usage fact, or 0 when the request has none. */
    public static long used(Collection<?> usages) {
        long max = 0;
        for (Object o : usages) {
            max = Math.max(max, ((Usage) o).value());
        }
        return max;
    }

    /** The month's figure of one meter among the bill's usage facts: 0 when none, or when the fee has no meter. */
    static long usedOf(Collection<?> usages, String meter) {
        long max = 0;
        for (Object o : usages) {
            Usage u = (Usage) o;
            if (u.meter().equals(meter)) {
                max = Math.max(max, u.value());
            }
        }
        return max;
    }

    // ---- plan fees chosen by band ----

    /** A plan fee chosen by the band of the month's peak, charged wholly at month end. */
    public static ChargeLine bandFee(Tiers t, long used, PrepaidPeriod p, BillingMonth month, Catalog cat) {
        BigDecimal fee = t.amountAt(used);
        return ChargeLine.atMonthEnd(t, t.line(), month, fee, p, bandText(cat, t, used, p));
    }

    /** The lowest band's fee of a plan-fee table, prepaid on the period's first day. */
    public static ChargeLine bandMinimum(Tiers t, PrepaidPeriod p, Catalog cat) {
        return ChargeLine.prepaid(t, t.line(), t.minimumFee(), p,
                Messages.of(cat.language()).format("line.band.minimum", t.label(), p.start(), p.end()) + days(cat, p));
    }

    /**
     * The difference between the band of the month's peak and the prepaid lowest fee, at month end. On a
     * prorated period the fee is still rounded once: the line is the prorated fee less the prorated prepaid line
     * (each rounded), so that the two lines add up to fee × days / days of the month, rounded half-up once.
     */
    public static ChargeLine bandDifference(Tiers t, long used, PrepaidPeriod p, BillingMonth month, Catalog cat) {
        BigDecimal difference = t.amountAt(used).subtract(t.minimumFee());
        ChargeLine line = ChargeLine.atMonthEnd(t, t.line(), month, difference, p,
                Messages.of(cat.language()).format("line.band.difference", t.label(), cat.meterLabel(t.meter()), used,
                        t.bandAt(used), t.amountAt(used), t.minimumFee()) + days(cat, p));
        Proration r = p.proration();
        if (r == null) {
            return line;
        }
        BigDecimal amount = r.of(t.amountAt(used)).subtract(r.of(t.minimumFee()));
        return new ChargeLine(line.code(), line.billingMode(), line.quantity(), line.unitPrice(), amount,
                line.periodStart(), line.periodEnd(), line.chargeDate(), line.rule(), line.description(), line.term(),
                line.proration());
    }

    // ---- plan changes in the month (prorated sheets) ----

    /**
     * The plan's period after a change in the month: an upgrade pays (new fee − previous fee) × the days
     * left / the month's days; a downgrade pays nothing more this month, or is credited that difference
     * when the sheet says so. Band fees are both taken at the month's peak.
     */
    public static ChargeLine planChange(PlanPrice fee, PlanChange change, Collection<?> usage, PrepaidPeriod p,
                                        BillingMonth month, Catalog cat) {
        PlanPrice before = change.feeOn(p.start());
        BigDecimal newFee = fee.priceAt(usedOf(usage, fee.meter()));
        BigDecimal oldFee = before == null ? BigDecimal.ZERO : before.priceAt(usedOf(usage, before.meter()));
        BigDecimal difference = newFee.subtract(oldFee);
        Language lang = cat.language();
        String text = Messages.of(lang).format(difference.signum() >= 0 ? "line.change.upgrade" : "line.change.downgrade",
                fee.label(), cat.planName(change.from()), p.start(), newFee, oldFee) + days(cat, p);
        boolean monthEnd = fee instanceof Tiers;
        if (difference.signum() < 0) {
            if (cat.proration().downgrade() == Downgrade.CREDITED) {
                return ChargeLine.creditFor(fee, fee.line(), month, difference.negate(), p, text);
            }
            difference = BigDecimal.ZERO;
            text = Messages.of(lang).format("line.change.downgradeNextMonth", fee.label(), cat.planName(change.from()),
                    p.start());
            return ChargeLine.atMonthEnd(fee, fee.line(), month, difference, p, text);
        }
        return monthEnd
                ? ChargeLine.atMonthEnd(fee, fee.line(), month, difference, p, text)
                : ChargeLine.prepaid(fee, fee.line(), difference, p, text);
    }

    // ---- minimum spend and credits ----

    /** The true-up to the month's minimum spend when the bill's charges fall below it; null when they don't. */
    public static ChargeLine minimum(Minimum m, Collection<?> lines, BillingMonth month, Catalog cat) {
        BigDecimal charged = BigDecimal.ZERO;
        for (Object o : lines) {
            ChargeLine l = (ChargeLine) o;
            if (!l.isCredit() && l.term() != m) {
                charged = charged.add(l.amount());
            }
        }
        BigDecimal missing = m.amount().subtract(charged);
        if (missing.signum() <= 0) {
            return null;
        }
        return ChargeLine.monthly(m, m.line(), month, BigDecimal.ONE, missing, Messages.of(cat.language()).format("line.minimum", m.label(), m.amount(), charged, cat.currencyLabel()));
    }

    /**
     * The month's credits as negative lines, in the order of their rules, each cut to what the bill still
     * owes so that the total never goes below zero.
     */
    public static List<ChargeLine> credits(Collection<?> creditTerms, Collection<?> lines, BillingMonth month,
                                           Catalog cat) {
        BigDecimal owed = BigDecimal.ZERO;
        for (Object o : lines) {
            ChargeLine l = (ChargeLine) o;
            if (!l.isCredit()) {
                owed = owed.add(l.amount());
            }
        }
        List<Credit> sorted = new ArrayList<>();
        for (Object o : creditTerms) {
            sorted.add((Credit) o);
        }
        sorted.sort(Comparator.comparing(Credit::rule).thenComparing(Credit::line));
        List<ChargeLine> out = new ArrayList<>();
        for (Credit c : sorted) {
            BigDecimal given = c.amount().min(owed.max(BigDecimal.ZERO));
            owed = owed.subtract(given);
            String text = given.compareTo(c.amount()) == 0
                    ? Messages.of(cat.language()).format("line.credit", c.label(), c.amount(), cat.currencyLabel())
                    : Messages.of(cat.language()).format("line.credit.cut", c.label(), c.amount(), given,
                            cat.currencyLabel());
            out.add(ChargeLine.credit(c, c.line(), month, given, text));
        }
        return out;
    }

    // ---- words ----

    private static String periodText(Catalog cat, String label, PrepaidPeriod p) {
        return Messages.of(cat.language()).format("line.prepaid", label, p.start(), p.end()) + days(cat, p);
    }

    private static String bandText(Catalog cat, Tiers t, long used, PrepaidPeriod p) {
        return Messages.of(cat.language()).format("line.band", t.label(), cat.meterLabel(t.meter()), used, t.bandAt(used),
                t.amountAt(used), cat.currencyLabel()) + days(cat, p);
    }

    /** "，17/31 天" on a prorated line, nothing on a whole one. */
    private static String days(Catalog cat, PrepaidPeriod p) {
        Proration r = p.proration();
        return r == null ? "" : Messages.of(cat.language()).format("line.days", r.days(), r.of());
    }

    /** A meter's unit as the catalog declares it. */
    static String unit(Catalog cat, String meter) {
        MeterDef m = cat.meter(meter);
        return m == null ? "" : m.unit();
    }
}
