package im.tariff.model;

import java.time.LocalDate;

/**
 * Derived fact (inserted by rules/calendar.drl): the prepaid period of the plan (addOn == null)
 * or of one prepaid add-on. It is charged on its start day.
 */
public record PrepaidPeriod(AddOn addOn, LocalDate start, LocalDate end) {
}
