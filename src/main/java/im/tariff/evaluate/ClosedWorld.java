package im.tariff.evaluate;

import im.tariff.catalog.Catalog;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillingMode;
import im.tariff.model.DailyRate;
import im.tariff.model.DailyUsage;
import im.tariff.model.Fee;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.PriceGap;
import im.tariff.model.PriceGap.Kind;
import im.tariff.model.Term;
import im.tariff.model.Usage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The closed world, checked once after the tariff's rules have fired: what the request uses that no term
 * prices, each gap named as a {@link PriceGap} for the {@code @closedWorld} rules to report in the tariff's
 * own words. The conditions are those the rules used to state as patterns ({@code AddOn} with
 * {@code not Fee(addOn == $type)}, {@code Usage} with {@code not Term(meter == $meter)}, ...): as patterns they
 * made every term and usage figure of every bill enter five more join nodes, a fifth of an evaluation, to
 * find gaps a complete tariff never has. Here they cost a few comparisons, and the rules fire a second time
 * only for a bill that has a gap.
 */
final class ClosedWorld {

    private ClosedWorld() {
    }

    /**
     * The gaps of the bill of {@code account}, in the order the request and the rules brought their facts;
     * empty for a complete tariff. Names come from {@code catalog}.
     */
    static List<PriceGap> of(FactRecorder facts, Catalog catalog, Account account) {
        Gaps gaps = new Gaps(catalog, account);
        List<Term> terms = facts.terms;
        for (AddOn a : facts.addOns) {
            if (!hasFee(terms, a.type(), null, false, null)) {
                gaps.addOn(Kind.ADD_ON, a.type(), a.option(), null);
            } else if (a.option() != null && !hasFee(terms, a.type(), a.option(), true, null)) {
                gaps.addOn(Kind.OPTION, a.type(), a.option(), null);
            }
        }
        for (PrepaidPeriod p : facts.periods) {
            if (p.addOn() != null && hasFee(terms, p.addOn(), p.option(), true, null)
                    && !hasFee(terms, p.addOn(), p.option(), true, p.start())) {
                gaps.addOn(Kind.ADD_ON_NOT_IN_FORCE, p.addOn(), p.option(), p.start());
            }
        }
        for (Usage u : facts.usage) {
            if (u.value() > 0 && !named(terms, u.meter()) && !gaps.has(Kind.USAGE, u.meter())) {
                gaps.meter(Kind.USAGE, u.meter(), null);
            }
        }
        for (DailyUsage d : facts.daily) {
            if (d.value().signum() > 0 && !named(terms, d.meter()) && !gaps.has(Kind.DAILY_USAGE, d.meter())) {
                gaps.meter(Kind.DAILY_USAGE, d.meter(), null);
            }
        }
        for (DailyUsage d : facts.daily) {
            if (d.value().signum() > 0 && settledDaily(terms, d.meter()) && !rateInForce(terms, d)) {
                gaps.meter(Kind.DAY_NOT_IN_FORCE, d.meter(), d.date());
            }
        }
        return gaps.list;
    }

    /**
     * Whether the add-on has a Fee; with {@code forOption}, one for that option or for any option; with a
     * {@code day}, one in force on that day.
     */
    private static boolean hasFee(List<Term> terms, String addOn, Long option, boolean forOption, LocalDate day) {
        for (Term t : terms) {
            if (t instanceof Fee f && addOn.equals(f.addOn())
                    && (!forOption || f.option() == null || Objects.equals(f.option(), option))
                    && (day == null || f.inForceOn(day))) {
                return true;
            }
        }
        return false;
    }

    /** Whether some term (a price or a limit) names the meter. */
    private static boolean named(List<Term> terms, String meter) {
        for (Term t : terms) {
            if (meter.equals(t.meter())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a meter is settled day by day (DailyRate.daily) on this bill. */
    private static boolean settledDaily(List<Term> terms, String meter) {
        for (Term t : terms) {
            if (t instanceof DailyRate r && meter.equals(r.meter()) && r.settlement() == BillingMode.DAILY_POSTPAID) {
                return true;
            }
        }
        return false;
    }

    /** Whether a rate of the day's meter is in force on its day. */
    private static boolean rateInForce(List<Term> terms, DailyUsage d) {
        for (Term t : terms) {
            if (t instanceof DailyRate r && d.meter().equals(r.meter()) && r.inForceOn(d.date())) {
                return true;
            }
        }
        return false;
    }

    /** The gaps found so far, each with the names its message needs. */
    private static final class Gaps {
        final List<PriceGap> list = new ArrayList<>(0);
        final Catalog catalog;
        final Account account;

        Gaps(Catalog catalog, Account account) {
            this.catalog = catalog;
            this.account = account;
        }

        boolean has(Kind kind, String subject) {
            for (PriceGap g : list) {
                if (g.kind() == kind && g.subject().equals(subject)) {
                    return true;
                }
            }
            return false;
        }

        void addOn(Kind kind, String addOn, Long option, LocalDate day) {
            list.add(new PriceGap(kind, addOn, catalog.addOnName(addOn), option, day, account.plan(),
                    catalog.planName(account.plan())));
        }

        void meter(Kind kind, String meter, LocalDate day) {
            list.add(new PriceGap(kind, meter, catalog.meterLabel(meter), null, day, account.plan(),
                    catalog.planName(account.plan())));
        }
    }
}
