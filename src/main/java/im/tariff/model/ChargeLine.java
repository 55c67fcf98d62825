package im.tariff.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Result fact: one line of the bill. Rules insert it through {@link #prepaid} or {@link #postpaid},
 * which stamp the firing rule's name and round the amount half-up to 0.01 (SPEC 1.6).
 */
public record ChargeLine(LineCode code, BillingMode billingMode, BigDecimal quantity, BigDecimal unitPrice,
                         BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, LocalDate chargeDate,
                         String rule, String description) {

    /** Money scale of every amount: fen (0.01 CNY). */
    public static final int MONEY_SCALE = 2;

    /** One prepaid item for its period, charged on the period's first day. */
    public static ChargeLine prepaid(RuleContext ctx, LineCode code, PrepaidPeriod period, String unitPrice,
                                     String label) {
        BigDecimal price = new BigDecimal(unitPrice);
        return new ChargeLine(code, BillingMode.PREPAID, BigDecimal.ONE, price, money(price),
                period.start(), period.end(), period.start(), ruleName(ctx),
                label + " " + period.start() + " 至 " + period.end());
    }

    /** quantity × unitPrice for the natural month, charged on the period's charge day. */
    public static ChargeLine postpaid(RuleContext ctx, LineCode code, PostpaidPeriod period, BigDecimal quantity,
                                      String unitPrice, String description) {
        BigDecimal price = new BigDecimal(unitPrice);
        return postpaid(ctx, code, period, quantity, price, description);
    }

    public static ChargeLine postpaid(RuleContext ctx, LineCode code, PostpaidPeriod period, BigDecimal quantity,
                                      BigDecimal unitPrice, String description) {
        return new ChargeLine(code, BillingMode.POSTPAID, quantity, unitPrice, money(quantity.multiply(unitPrice)),
                period.start(), period.end(), period.chargeDate(), ruleName(ctx), description);
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static String ruleName(RuleContext ctx) {
        return ctx == null ? null : ctx.getRule().getName();
    }
}
