package im.tariff.model;

import java.math.BigDecimal;

/**
 * Sums of the bill's lines by billing mode: prepaid, postpaid (daily postpaid lines included), credits (the
 * negative lines of credit terms, zero when none) and the total of all three.
 */
public record Totals(BigDecimal prepaid, BigDecimal postpaid, BigDecimal credits, BigDecimal total) {
}
