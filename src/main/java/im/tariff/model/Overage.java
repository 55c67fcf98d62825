package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: a meter billed above a free quota: every started block of {@code block} units above {@code free}
 * costs {@code price} (block 1: each unit), on the line code given, for the natural month.
 * <pre>
 * insert(Overage.of(kcontext, "SEATS", "SEAT_OVERAGE", 50, 10, "5.00"));   // 5.00 a started 10 above 50
 * </pre>
 */
public record Overage(String meter, String line, long free, long block, BigDecimal price, LocalDate validFrom,
                      LocalDate validTo, String rule) implements Term {

    public static Overage of(RuleContext ctx, String meter, String line, long free, long block, String price) {
        return new Overage(meter, line, free, block, new BigDecimal(price), Versions.EVER, Versions.NEVER,
                ChargeLine.ruleName(ctx));
    }

    public Overage from(String day) {
        return new Overage(meter, line, free, block, price, Versions.day(day), validTo, rule);
    }

    public Overage until(String day) {
        return new Overage(meter, line, free, block, price, validFrom, Versions.day(day), rule);
    }

    /** Started blocks above the free quota (0 at or below it), without overflow for any long. */
    public long blocks(long used) {
        if (used <= free) {
            return 0;
        }
        long above = used - free;
        return above / block + (above % block == 0 ? 0 : 1);
    }
}
