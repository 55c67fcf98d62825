package im.tariff.model;

import java.time.LocalDate;

/**
 * Derived fact (rules/calendar.drl): the prepaid period of the plan (addOn == null) or of one prepaid
 * add-on (its code and option). It is charged on its start day.
 */
public record PrepaidPeriod(String addOn, Long option, LocalDate start, LocalDate end) {
}
