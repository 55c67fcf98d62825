package im.tariff.model;

/**
 * Fact the engine inserts after the tariff's rules have fired, for each meter whose month's usage is above its
 * limit in force on the month's first day (a {@link Limit}; the latest version wins). The library's limit rule
 * reports it as a violation in the sheet's words; it never changes a charge. Found by the engine rather than by a
 * rule's join of every limit with every usage figure of every bill (docs/PERFORMANCE.md).
 *
 * @param meter     the meter
 * @param label     the catalog's label of the meter
 * @param used      the month's figure
 * @param cap       the limit
 * @param rule      the tariff rule that set the limit
 * @param planName  the catalog's name of the bill's plan
 */
public record LimitBreach(String meter, String label, long used, long cap, String rule, String planName) {
}
