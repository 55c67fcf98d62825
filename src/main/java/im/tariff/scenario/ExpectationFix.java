package im.tariff.scenario;

/**
 * A value written in a scenario file that differs from the bill: {@code field: expected} on {@code line}
 * of {@code file} would have to read {@code field: actual}. Used by {@code tariff test --accept}.
 */
public record ExpectationFix(String file, int line, String field, String expected, String actual) {
}
