package im.tariff.model;

import java.time.LocalDate;

/**
 * A tariff term that a rule of the tariff inserts for the app's plan (a fee, an overage price, a tier table, a
 * daily rate, a limit, a minimum, a credit), and that a library rule applies. It remembers the rule that set
 * it: the line it prices names that rule, and a gap or a conflict is reported there. Every term checks its
 * own numbers and dates where it is made ({@link TermException}).
 */
public interface Term {

    /** The usage meter the term prices or checks; null for a fee. */
    String meter();

    /** First day in force. */
    LocalDate validFrom();

    /** Last day in force. */
    LocalDate validTo();

    /** The rule of the tariff that set this term. */
    String rule();

    /**
     * What the term prices or checks, as one key: two versions of the same thing share it, and two of them
     * in force from the same day are a conflict ("plan fee", "add-on X option 90", "overage of DAU", …).
     */
    String identity();

    /** True for a version with a first day ({@code .from}): only such a version can supersede another. */
    default boolean dated() {
        return !Versions.EVER.equals(validFrom());
    }

    /** True when the term is in force on the day. */
    default boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom()) && !day.isAfter(validTo());
    }
}
