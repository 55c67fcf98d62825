package im.tariff.refund;

import im.tariff.model.BillingMode;
import im.tariff.model.PrepaidPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Fact the engine inserts for each order of a refund, for the tariff's refund rules: the order, its period on
 * the library's calendar, the refund day, and the tariff's own monthly fee for it. The engine only counts and
 * looks up; what is returned is the rules' to say ({@link RefundLine}).
 * <ul>
 *   <li>{@code periodStart} … {@code periodEnd}: T to day T-1 of the next month
 *   ({@link PrepaidPeriod#anniversaryEnd}); {@link #periodDays()} counts it, both ends included;</li>
 *   <li>{@link #daysUsed()}: from T to the refund day, both included; 0 before T, the whole period after it;</li>
 *   <li>{@code monthlyFee}: the price the tariff's rules set for the item, in force on T (never the request's);
 *   {@code feeRule} the rule that set it;</li>
 *   <li>{@code paid}: what the request says was paid.</li>
 * </ul>
 *
 * @param label the item's name in the catalog (the plan's, or the add-on's)
 */
public record RefundOrder(int index, String plan, String addOn, Long option, BillingMode billing, String label,
                          LocalDate periodStart, LocalDate periodEnd, LocalDate refundDate, BigDecimal paid,
                          BigDecimal monthlyFee, String feeRule) {

    /** The order's fact: its period from T on the library's calendar, its fee as the engine found it. */
    static RefundOrder of(RefundRequest.Order o, LocalDate refundDate, String label, BigDecimal monthlyFee,
                          String feeRule) {
        return new RefundOrder(o.index(), o.plan(), o.addOn(), o.option(), o.billing(), label, o.periodStart(),
                PrepaidPeriod.anniversaryEnd(o.periodStart()), refundDate, o.paid(), monthlyFee, feeRule);
    }

    /** "orders[i]", the JSON path of the order in the request. */
    public String path() {
        return "orders[" + index + "]";
    }

    /** True for a plan's order, false for an add-on's. */
    public boolean isPlan() {
        return addOn == null;
    }

    /** True when the catalog bills the item prepaid (a plan always is). */
    public boolean prepaid() {
        return billing == BillingMode.PREPAID;
    }

    /** Days of the period T … T-1, both ends included (the vendor's 购买月的时间). */
    public int periodDays() {
        return days(periodStart, periodEnd);
    }

    /** Days from T to the refund day, both included (the vendor's 当月使用的时间); 0 before T, all after the end. */
    public int daysUsed() {
        if (notStarted()) {
            return 0;
        }
        return ended() ? periodDays() : days(periodStart, refundDate);
    }

    /** The refund day is before T: the order has not started (未开始订单). */
    public boolean notStarted() {
        return refundDate.isBefore(periodStart);
    }

    /** The refund day is after the period's last day: the order has ended. */
    public boolean ended() {
        return refundDate.isAfter(periodEnd);
    }

    /** The refund day lies in the period: the order in force (当前有效订单). */
    public boolean current() {
        return !notStarted() && !ended();
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    }
}
