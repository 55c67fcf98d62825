package im.tariff.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Result fact: one charge line of the bill. The library's charge rules make it from a term, so the line
 * names the tariff rule that set its price ({@code rule}) and keeps the term itself ({@code term}): the
 * engine checks that every line comes from a term and that no term is charged twice for one period. The
 * amount is quantity × unit price rounded half-up to 0.01, or, for a prorated line, that × days / days of the
 * month ({@code proration}, null otherwise); a credit's amount is negative.
 */
public record ChargeLine(String code, BillingMode billingMode, BigDecimal quantity, BigDecimal unitPrice,
                         BigDecimal amount, LocalDate periodStart, LocalDate periodEnd, LocalDate chargeDate,
                         String rule, String description, Term term, Proration proration) {

    /** Money scale of every amount: 0.01 of the currency. */
    public static final int MONEY_SCALE = 2;

    /** One prepaid item for its period, charged on the period's first day (prorated when the period says so). */
    public static ChargeLine prepaid(Term term, String line, BigDecimal price, PrepaidPeriod period,
                                     String description) {
        Proration p = period.proration();
        BigDecimal amount = p == null ? money(price) : p.of(price);
        return new ChargeLine(line, BillingMode.PREPAID, BigDecimal.ONE, price, amount, period.start(), period.end(),
                period.start(), term.rule(), description, term, p);
    }

    /** quantity × unitPrice for the natural month, charged on the month's charge day. */
    public static ChargeLine monthly(Term term, String line, BillingMonth month, BigDecimal quantity,
                                     BigDecimal unitPrice, String description) {
        return new ChargeLine(line, BillingMode.POSTPAID, quantity, unitPrice, money(quantity.multiply(unitPrice)),
                month.start(), month.end(), month.chargeDate(), term.rule(), description, term, null);
    }

    /**
     * A fee known only at month end for a prepaid period (a plan fee chosen by the band of the month's peak):
     * charged with the month's postpaid lines, for the period's days when it is prorated.
     */
    public static ChargeLine atMonthEnd(Term term, String line, BillingMonth month, BigDecimal unitPrice,
                                        PrepaidPeriod period, String description) {
        Proration p = period.proration();
        BigDecimal amount = p == null ? money(unitPrice) : p.of(unitPrice);
        return new ChargeLine(line, BillingMode.POSTPAID, BigDecimal.ONE, unitPrice, amount, period.start(),
                period.end(), month.chargeDate(), term.rule(), description, term, p);
    }

    /** quantity × unitPrice for one day, charged the next day. */
    public static ChargeLine daily(Term term, String line, LocalDate day, BigDecimal quantity, BigDecimal unitPrice,
                                   String description) {
        return new ChargeLine(line, BillingMode.DAILY_POSTPAID, quantity, unitPrice,
                money(quantity.multiply(unitPrice)), day, day, day.plusDays(1), term.rule(), description, term, null);
    }

    /** An amount taken off the month's bill: a negative line with the postpaid lines. */
    public static ChargeLine credit(Term term, String line, BillingMonth month, BigDecimal amount,
                                    String description) {
        BigDecimal a = money(amount);
        return new ChargeLine(line, BillingMode.CREDIT, BigDecimal.ONE, a.negate(), a.negate(), month.start(),
                month.end(), month.chargeDate(), term.rule(), description, term, null);
    }

    /** A credit for a prepaid period's days (a downgrade credited in mid-month), as a negative line. */
    public static ChargeLine creditFor(Term term, String line, BillingMonth month, BigDecimal amount,
                                       PrepaidPeriod period, String description) {
        Proration p = period.proration();
        BigDecimal a = p == null ? money(amount) : p.of(amount);
        return new ChargeLine(line, BillingMode.CREDIT, BigDecimal.ONE, amount.negate(), a.negate(), period.start(),
                period.end(), month.chargeDate(), term.rule(), description, term, p);
    }

    /** True for a line of a credit term (the only lines whose amount may be negative). */
    public boolean isCredit() {
        return billingMode == BillingMode.CREDIT;
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static String ruleName(RuleContext ctx) {
        return ctx == null ? null : ctx.getRule().getName();
    }
}
