package im.tariff.model;

import java.math.BigDecimal;

/**
 * A term that sets the plan's fee: a fixed {@link Fee}, or a fee chosen by the band of a peak meter
 * ({@link Tiers#planFee}). Exactly one is in force on a plan period's first day; the library's proration
 * compares two of them (the new plan's and the previous plan's) at the month's usage.
 */
public interface PlanPrice extends Term {

    /** The identity every plan fee shares: two plan fees in force from the same day are a conflict. */
    String IDENTITY = "plan fee";

    /** The line code the fee is charged on. */
    String line();

    String label();

    /** The fee for a month whose usage of the term's meter is {@code quantity} (ignored by a fixed fee). */
    BigDecimal priceAt(long quantity);

    /** The band the quantity falls in, as a line says it ("2,001–10,000"); null for a fixed fee. */
    String bandAt(long quantity);
}
