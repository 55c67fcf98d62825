package im.tariff.refund;

import im.tariff.model.BillingMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A valid refund request (docs/FORMAT.md, "Refund"): one app, the day of the refund, and the orders it gives
 * back. {@link RefundReader} makes it; the refund rules see it as a fact (the app's state afterwards is said
 * once a refund).
 */
public record RefundRequest(String appId, LocalDate refundDate, List<Order> orders) {

    public RefundRequest {
        orders = List.copyOf(orders);
    }

    /**
     * One order as the request gives it.
     *
     * @param index      its place in {@code orders} (0 first), for messages naming {@code orders[i]}
     * @param plan       the plan bought, or, for an add-on, the plan it was bought on (given or taken from the
     *                   plan's order whose period holds the add-on's start)
     * @param addOn      the add-on bought, or null for a plan
     * @param option     the add-on's option value (its catalog option field), or null
     * @param billing    how the catalog bills it (a plan is prepaid)
     * @param periodStart T, the first day of the order's period
     * @param paid       what the customer paid for the order, in cents
     */
    public record Order(int index, String plan, String addOn, Long option, BillingMode billing, LocalDate periodStart,
                        BigDecimal paid) {

        /** "orders[i]", the JSON path of the order. */
        public String path() {
            return "orders[" + index + "]";
        }

        public boolean isPlan() {
            return addOn == null;
        }
    }
}
