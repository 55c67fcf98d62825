package im.tariff.model;

import java.time.LocalDate;

/**
 * Dates of a term's versions. A term is in force from its {@code from} day to its {@code until} day, both
 * included; without them it is in force always. The generic charge rules pick, among the versions in force
 * on the day that prices a line, the one that starts last. These are the bill's days, never the machine's
 * clock (Drools' own date-effective follows the clock, so it is not used).
 */
public final class Versions {

    /** "Always" as dates a rule can compare: the first and the last day a bill can have. */
    public static final LocalDate EVER = LocalDate.of(1, 1, 1);
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    private Versions() {
    }

    /** A date an analyst writes in a rule, "2024-01-01". */
    public static LocalDate day(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
