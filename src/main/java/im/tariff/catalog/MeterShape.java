package im.tariff.catalog;

/** The few shapes a usage figure can take in a request; the catalog says which meter has which. */
public enum MeterShape {
    /** One whole number for the month ({@code "users": 5000}). */
    COUNT,
    /** A monthly peak, given either as a number or as a daily series of whole numbers, never both. */
    PEAK,
    /** A daily series keyed by date and one dimension ({@code region}, {@code api}), whole or decimal values. */
    DAILY
}
