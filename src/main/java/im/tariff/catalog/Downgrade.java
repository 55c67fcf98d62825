package im.tariff.catalog;

/** When a downgrade in mid-month takes effect on a sheet that prorates by days. */
public enum Downgrade {
    /** On the 1st of the next month: the month is already paid at the higher fee, nothing more is due. */
    NEXT_MONTH,
    /** On its day: the difference of the two fees for the days left is credited on the bill. */
    CREDITED
}
