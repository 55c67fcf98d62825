package im.tariff.model;

import java.math.BigDecimal;

/** Sums of the bill's lines by billing mode. */
public record Totals(BigDecimal prepaid, BigDecimal postpaid, BigDecimal total) {
}
