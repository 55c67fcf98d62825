package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * Fact: one day of a daily series: the meter, the date, the dimension value it is keyed by (a region, an
 * API; null for a plain daily series such as a daily peak) and the value, exact.
 */
public record DailyUsage(String meter, LocalDate date, String key, BigDecimal value) {

    /** Exact sum of the days' values for one dimension value, or for all of them when key is null. */
    public static BigDecimal total(Collection<?> days, String key) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object o : days) {
            DailyUsage day = (DailyUsage) o;
            if (key == null || key.equals(day.key())) {
                sum = sum.add(day.value());
            }
        }
        return sum;
    }

    /** The highest of the days' values, as a whole number (the series of a peak meter hold whole numbers). */
    public static long peak(Collection<?> days) {
        BigDecimal max = null;
        for (Object day : days) {
            BigDecimal v = ((DailyUsage) day).value();
            if (max == null || v.compareTo(max) > 0) {
                max = v;
            }
        }
        return max == null ? 0 : max.longValueExact();
    }
}
