package im.tariff.model;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates of a term's versions. A term is in force from its {@code from} day to its {@code until} day, both
 * included; without them it is in force always. The library's charge rules pick, among the versions in force
 * on the day that prices a line, the one that starts last; two that start on the same day are an error. These
 * are the bill's days, never the machine's clock (Drools' own date-effective follows the clock, so it is not
 * used).
 */
public final class Versions {

    /** "Always" as dates a rule can compare: before and after any day a bill can have. */
    public static final LocalDate EVER = LocalDate.of(-9999, 1, 1);
    public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

    private Versions() {
    }

    /** A date an analyst writes in a rule, "2024-01-01"; anything else fails the rule in plain words. */
    public static LocalDate day(String isoDate) {
        try {
            return LocalDate.parse(isoDate);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new TermException("term.date", isoDate);
        }
    }

    /** Checks that a version's first day is not after its last. */
    static void ordered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new TermException("term.dates.reversed", from, to);
        }
    }
}
