package im.tariff.model;

/** Fact: one usage figure of the month in whole units (a count, or a peak), by meter code. */
public record Usage(String meter, long value) {
}
