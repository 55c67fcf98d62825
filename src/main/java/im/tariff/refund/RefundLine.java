package im.tariff.refund;

import im.tariff.model.TermException;
import java.math.BigDecimal;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a tariff's refund rule says of one order: the value of the service already used and the amount given
 * back, both in cents and never negative (an amount ≤ 0 is written as 0, {@link #cleared}), in the sheet's
 * words. Exactly one line per order; the refund's total is their sum. Made by a rule:
 * <pre>
 * insert(RefundLine.returned(kcontext, $o, used, back, "…"));
 * insert(RefundLine.cleared(kcontext, $o, used, "…"));   // nothing to give back: returned 0, resources cleared
 * </pre>
 */
public record RefundLine(RefundOrder order, BigDecimal usedValue, BigDecimal returned, boolean cleared,
                         String description, String rule) {

    public RefundLine {
        usedValue = cents(usedValue);
        returned = cents(returned);
        description = description == null ? "" : description;
    }

    /** The order gives back {@code returned} (≥ 0), its used value being {@code usedValue}. */
    public static RefundLine returned(RuleContext ctx, RefundOrder order, BigDecimal usedValue, BigDecimal returned,
                                      String description) {
        return new RefundLine(order, usedValue, returned, false, description, ruleName(ctx));
    }

    /** Nothing is given back (the amount came to 0 or less) and the order's resources are cleared. */
    public static RefundLine cleared(RuleContext ctx, RefundOrder order, BigDecimal usedValue, String description) {
        return new RefundLine(order, usedValue, BigDecimal.ZERO, true, description, ruleName(ctx));
    }

    /** An amount of the refund: ≥ 0 with at most two decimals (a rule rounds, {@link Cents}), written with two. */
    private static BigDecimal cents(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new TermException("refund.amount.negative", amount);
        }
        if (amount.stripTrailingZeros().scale() > Cents.SCALE) {
            throw new TermException("refund.amount.cents", amount.toPlainString());
        }
        return amount.setScale(Cents.SCALE);
    }

    static String ruleName(RuleContext ctx) {
        return ctx == null ? null : ctx.getRule().getName();
    }
}
