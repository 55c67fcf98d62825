package im.tariff.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Result fact: one charge line of the bill. The generic charge rules make it from a term, so the line names
 * the tariff rule that set its price; the amount is quantity × unit price rounded half-up to 0.01.
 */
public record ChargeLine(String code, BillingMode billingMode, BigDecimal quantity, BigDecimal unitPrice,
                         BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, LocalDate chargeDate,
                         String rule, String description) {

    /** Money scale of every amount: 0.01 of the currency. */
    public static final int MONEY_SCALE = 2;

    /** One prepaid item for its period, charged on the period's first day; says "label T 至 end". */
    public static ChargeLine prepaid(Fee fee, PrepaidPeriod period) {
        return prepaid(fee, period, fee.label() + " " + period.start() + " 至 " + period.end());
    }

    /** One prepaid item for its period, charged on the period's first day, in the rule's own words. */
    public static ChargeLine prepaid(Fee fee, PrepaidPeriod period, String description) {
        return new ChargeLine(fee.line(), BillingMode.PREPAID, BigDecimal.ONE, fee.price(), money(fee.price()),
                period.start(), period.end(), period.start(), fee.rule(), description);
    }

    /** quantity × unitPrice for the natural month, charged on the period's charge day. */
    public static ChargeLine monthly(String code, PostpaidPeriod period, BigDecimal quantity, BigDecimal unitPrice,
                                     String rule, String description) {
        return new ChargeLine(code, BillingMode.POSTPAID, quantity, unitPrice, money(quantity.multiply(unitPrice)),
                period.start(), period.end(), period.chargeDate(), rule, description);
    }

    /** quantity × unitPrice for one day, charged the next day. */
    public static ChargeLine daily(String code, LocalDate day, BigDecimal quantity, BigDecimal unitPrice,
                                   String rule, String description) {
        return new ChargeLine(code, BillingMode.DAILY_POSTPAID, quantity, unitPrice,
                money(quantity.multiply(unitPrice)), day, day, day.plusDays(1), rule, description);
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static String ruleName(RuleContext ctx) {
        return ctx == null ? null : ctx.getRule().getName();
    }
}
