package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/** Fact: the peak barrage bandwidth of one day in one region, in Mbps. */
public record BarrageDay(LocalDate date, Region region, BigDecimal peakMbps) {

    /** Exact sum of the days' peaks (Mbps·days); the rules price it. */
    public static BigDecimal totalMbps(Collection<?> days) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Object day : days) {
            sum = sum.add(((BarrageDay) day).peakMbps());
        }
        return sum;
    }
}
