package im.tariff.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The part of a month a prorated line pays for: {@code days} of the month's {@code of} days, the start day
 * counted. The amount is the full price × days / of, rounded half-up to the cent once.
 */
public record Proration(int days, int of) {

    public Proration {
        if (days < 0 || of <= 0 || days > of) {
            throw new IllegalArgumentException("proration " + days + "/" + of);
        }
    }

    /** The amount for these days of a monthly price, rounded half-up to 0.01. */
    public BigDecimal of(BigDecimal monthly) {
        return monthly.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(of), ChargeLine.MONEY_SCALE, RoundingMode.HALF_UP);
    }

    public boolean whole() {
        return days == of;
    }
}
