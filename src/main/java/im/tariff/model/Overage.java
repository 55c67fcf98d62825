package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: a meter billed above a free quota: every started block of {@code block} units above {@code free}
 * costs {@code price} (block 1: each unit), on the line code given, for the natural month. The quota is ≥ 0,
 * the block ≥ 1, the price ≥ 0.
 * <pre>
 * insert(Overage.of(kcontext, "SEATS", "SEAT_OVERAGE", 50, 10, "5.00"));   // 5.00 a started 10 above 50
 * </pre>
 */
public record Overage(String meter, String line, long free, long block, BigDecimal price, LocalDate validFrom,
                      LocalDate validTo, String rule) implements Term {

    public Overage {
        Money.code("meter", meter);
        Money.code("line", line);
        if (free < 0) {
            throw new TermException("term.quota.negative", free);
        }
        if (block < 1) {
            throw new TermException("term.block.tooSmall", block);
        }
        if (price == null || price.signum() < 0) {
            throw new TermException("term.price.negative", price);
        }
        Versions.ordered(validFrom, validTo);
    }

    public static Overage of(RuleContext ctx, String meter, String line, long free, long block, String price) {
        return new Overage(meter, line, free, block, Money.nonNegative(price), Versions.EVER, Versions.NEVER,
                ChargeLine.ruleName(ctx));
    }

    public Overage from(String day) {
        return new Overage(meter, line, free, block, price, Versions.day(day), validTo, rule);
    }

    public Overage until(String day) {
        return new Overage(meter, line, free, block, price, validFrom, Versions.day(day), rule);
    }

    @Override
    public String identity() {
        return "usage charge of " + meter;
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
