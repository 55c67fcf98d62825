package im.tariff.model;

import java.time.LocalDate;

/**
 * Derived fact (the library's calendar): the prepaid period of the plan (addOn == null) or of one prepaid
 * add-on (its code and option), charged on its start day T.
 * <ul>
 *   <li>Without proration (the default): from T to day T-1 of the next month; T on the 1st ends on the month's
 *   last day; when the next month has no day T-1, the period ends on its last day.</li>
 *   <li>On a sheet that prorates by days ({@code $c.prorateByDays()}): from T to the end of T's month, paying
 *   the days from T (included) of the month's days; {@code proration} is null for a whole month.</li>
 * </ul>
 * {@code change} is the plan changed from in the month, on a prorated sheet, for the plan's period (null otherwise):
 * the library prices such a period as the difference of the two plans' fees.
 */
public record PrepaidPeriod(String addOn, Long option, LocalDate start, LocalDate end, Proration proration,
                            PlanChange change) {

    public PrepaidPeriod(String addOn, Long option, LocalDate start, LocalDate end, Proration proration) {
        this(addOn, option, start, end, proration, null);
    }

    /** The same period of a plan changed from another in the month. */
    public PrepaidPeriod changedFrom(PlanChange from) {
        return new PrepaidPeriod(addOn, option, start, end, proration, from);
    }


    /** The plan's period: from the plan's start day, or the 1st of the billing month when none is given. */
    public static PrepaidPeriod ofPlan(Account account, boolean prorated) {
        LocalDate t = account.planStartDate() != null ? account.planStartDate() : account.billingMonth().atDay(1);
        return starting(null, null, t, prorated);
    }

    /** A prepaid add-on's period: from its own start day, or the plan's when it has none. */
    public static PrepaidPeriod ofAddOn(AddOn addOn, PrepaidPeriod plan, boolean prorated) {
        LocalDate t = addOn.startDate() != null ? addOn.startDate() : plan.start();
        return starting(addOn.type(), addOn.option(), t, prorated);
    }

    private static PrepaidPeriod starting(String addOn, Long option, LocalDate t, boolean prorated) {
        if (prorated) {
            int of = t.lengthOfMonth();
            int days = of - t.getDayOfMonth() + 1;
            return new PrepaidPeriod(addOn, option, t, t.withDayOfMonth(of), days == of ? null : new Proration(days, of));
        }
        return new PrepaidPeriod(addOn, option, t, anniversaryEnd(t), null);
    }

    /** The last day of a period from T: day T-1 of the next month, or the month's end when T is the 1st. */
    public static LocalDate anniversaryEnd(LocalDate t) {
        if (t.getDayOfMonth() == 1) {
            return t.withDayOfMonth(t.lengthOfMonth());
        }
        // day T-1 of the next month; plusMonths lands on that month's last day when it has no such day
        return t.minusDays(1).plusMonths(1);
    }

    /** Days of the period, both ends included. */
    public int days() {
        return (int) (end.toEpochDay() - start.toEpochDay()) + 1;
    }
}
