package im.tariff.model;

/** Fact: one usage figure of the month (a peak, or a maximum), in whole units. */
public record UsageCount(Metric metric, long value) {
}
