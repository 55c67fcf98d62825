package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: a price per unit per day of a daily meter, for one dimension value ({@code key}, e.g. a region) or
 * for all of them (key null), settled either monthly (POSTPAID: one line for the month, the days summed) or
 * daily (DAILY_POSTPAID: one line a day, charged the next day). The price is ≥ 0.
 * <pre>
 * insert(DailyRate.monthly(kcontext, "TRAFFIC", "EU", "TRAFFIC_EU", "0.05", "traffic in Europe"));
 * </pre>
 */
public record DailyRate(String meter, String key, String line, BigDecimal price, String label,
                        BillingMode settlement, LocalDate validFrom, LocalDate validTo, String rule) implements Term {

    public DailyRate {
        Money.code("meter", meter);
        Money.code("line", line);
        if (price == null || price.signum() < 0) {
            throw new TermException("term.price.negative", price);
        }
        label = Money.label(label);
        Versions.ordered(validFrom, validTo);
    }

    public static DailyRate monthly(RuleContext ctx, String meter, String key, String line, String price,
                                    String label) {
        return new DailyRate(meter, key, line, Money.nonNegative(price), label, BillingMode.POSTPAID, Versions.EVER,
                Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    public static DailyRate daily(RuleContext ctx, String meter, String key, String line, String price,
                                  String label) {
        return new DailyRate(meter, key, line, Money.nonNegative(price), label, BillingMode.DAILY_POSTPAID,
                Versions.EVER, Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    public DailyRate from(String day) {
        return new DailyRate(meter, key, line, price, label, settlement, Versions.day(day), validTo, rule);
    }

    public DailyRate until(String day) {
        return new DailyRate(meter, key, line, price, label, settlement, validFrom, Versions.day(day), rule);
    }

    @Override
    public String identity() {
        return "daily rate of " + meter + (key == null ? "" : " " + key);
    }

    /** True when the rate prices this day's entry: its dimension value, or any when the rate has none. */
    public boolean prices(DailyUsage day) {
        return meter.equals(day.meter()) && (key == null || key.equals(day.key()));
    }
}
