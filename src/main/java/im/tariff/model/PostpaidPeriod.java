package im.tariff.model;

import java.time.LocalDate;

/** Derived fact (inserted by rules/calendar.drl): the natural month that postpaid lines cover, and their charge day. */
public record PostpaidPeriod(LocalDate start, LocalDate end, LocalDate chargeDate) {
}
