package im.tariff.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Derived fact (the library's calendar): the natural month being billed, which monthly postpaid lines cover,
 * and the day they are charged (the 3rd of the next month). Monthly prices, quotas and limits take the
 * version in force on its first day.
 */
public record BillingMonth(LocalDate start, LocalDate end, LocalDate chargeDate) {

    public static BillingMonth of(YearMonth month) {
        return new BillingMonth(month.atDay(1), month.atEndOfMonth(), month.plusMonths(1).atDay(3));
    }

    /** Days in the month. */
    public int days() {
        return end.getDayOfMonth();
    }
}
