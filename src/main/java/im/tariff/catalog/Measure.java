package im.tariff.catalog;

/**
 * How a meter's figure is measured from raw events (read by the metering job, not by the engine): which
 * aggregation of one event column, over the natural days or the natural month of the catalog's time zone.
 */
public enum Measure {
    /** The number of distinct values of the column per day: a PEAK meter's daily series (daily active users). */
    DISTINCT_PER_DAY,
    /** The number of distinct values of the column in the month: a COUNT meter (monthly active users). */
    DISTINCT_PER_MONTH,
    /**
     * The highest value of the column per day: a PEAK meter's daily series (the day's largest snapshot), or a
     * DAILY meter's value per day and dimension value (the day's peak per dimension value).
     */
    DAILY_MAX,
    /** The sum of the column: per month for a COUNT meter, per day (and dimension value) for PEAK and DAILY. */
    SUM
}
