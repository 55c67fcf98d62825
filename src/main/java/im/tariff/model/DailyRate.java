package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: a price per unit per day of a daily meter, for one dimension value ({@code key}, e.g. a region) or
 * for all of them (key null), settled either monthly (POSTPAID: one line for the month, the days summed) or
 * daily (DAILY_POSTPAID: one line a day, charged the next day).
 * <pre>
 * insert(DailyRate.monthly(kcontext, "TRAFFIC", "EU", "TRAFFIC_EU", "0.05", "traffic in Europe"));
 * </pre>
 */
public record DailyRate(String meter, String key, String line, BigDecimal price, String label,
                        BillingMode settlement, LocalDate validFrom, LocalDate validTo, String rule) implements Term {

    public static DailyRate monthly(RuleContext ctx, String meter, String key, String line, String price,
                                    String label) {
        return new DailyRate(meter, key, line, new BigDecimal(price), label, BillingMode.POSTPAID, Versions.EVER,
                Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    public static DailyRate daily(RuleContext ctx, String meter, String key, String line, String price,
                                  String label) {
        return new DailyRate(meter, key, line, new BigDecimal(price), label, BillingMode.DAILY_POSTPAID,
                Versions.EVER, Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    public DailyRate from(String day) {
        return new DailyRate(meter, key, line, price, label, settlement, Versions.day(day), validTo, rule);
    }

    public DailyRate until(String day) {
        return new DailyRate(meter, key, line, price, label, settlement, validFrom, Versions.day(day), rule);
    }
}
