package im.tariff.model;

import java.time.LocalDate;

/** Fact: one day of a daily series (DAU or group count); the rules take the month's peak from these. */
public record DailyCount(Metric metric, LocalDate date, long value) {
}
