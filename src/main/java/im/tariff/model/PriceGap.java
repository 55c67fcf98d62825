package im.tariff.model;

import java.time.LocalDate;

/**
 * Fact the engine inserts after the tariff's rules have fired, only where the request uses something the
 * rules gave no price for: the library's closed-world rules ({@code @closedWorld}) turn each gap into a
 * violation in the sheet's words. A bill of a tariff without gaps never sees one. It
 * carries the catalog's names the message needs, so that a closed-world rule joins no other fact.
 *
 * @param kind        what is missing
 * @param subject     the add-on code or the meter code
 * @param subjectName the catalog's name of the add-on, or the label of the meter
 * @param option      the add-on's option (null when it has none); null for a meter
 * @param day         the day the price had to be in force on (a prepaid add-on's start day, a day of a meter
 *                    settled day by day); null when no day is involved
 * @param plan        the bill's plan code
 * @param planName    the catalog's name of the plan
 * @param detail      what the message adds (the rules whose versions are not in force); null when nothing
 */
public record PriceGap(Kind kind, String subject, String subjectName, Long option, LocalDate day, String plan,
                       String planName, String detail) {

    public enum Kind {
        /** An ordered add-on has no Fee at all on the plan. */
        ADD_ON,
        /** An ordered add-on has Fees on the plan, but none for the option chosen (nor one for any option). */
        OPTION,
        /** A prepaid add-on (and its option) has Fees, but none in force on the start day of its period. */
        ADD_ON_NOT_IN_FORCE,
        /** A usage figure above zero whose meter no term (a price or a limit) names. */
        USAGE,
        /** A daily usage above zero whose meter no term names. */
        DAILY_USAGE,
        /** A meter settled day by day (DailyRate.daily) has no rate in force on a day it was used. */
        DAY_NOT_IN_FORCE,
        /** A usage figure above zero whose meter has terms, none of them in force on the month's first day. */
        USAGE_NOT_IN_FORCE,
        /** The plan's period has no plan fee in force on its first day (none written, or none in force). */
        NO_PLAN_PRICE
    }
}
