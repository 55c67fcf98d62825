package im.tariff.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money for refunds, exact: amounts are decimals with two places (cents), rounded half-up once where a rule
 * says so, never binary floating point. The refund rules of a tariff call it:
 * <pre>
 * BigDecimal used = Cents.share($o.monthlyFee(), $o.daysUsed(), $o.periodDays()); // fee × used / days, to the cent
 * </pre>
 */
public final class Cents {

    /** Places of an amount. */
    public static final int SCALE = 2;

    private Cents() {
    }

    /** The part {@code part / whole} of an amount, rounded half-up to the cent (the product is exact first). */
    public static BigDecimal share(BigDecimal amount, long part, long whole) {
        if (whole <= 0) {
            throw new IllegalArgumentException("share of " + whole + " parts");
        }
        return amount.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }

    /** An amount rounded half-up to the cent. */
    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
