package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: a monthly minimum spend. When the bill's charges (every line but credits) add up to less than
 * {@code amount}, the library adds a true-up line for the difference, postpaid at month end. The amount is
 * ≥ 0; a month's bill has at most one minimum in force on its first day.
 * <pre>
 * insert(Minimum.monthly(kcontext, "MINIMUM_TRUE_UP", "100.00", "monthly minimum"));
 * </pre>
 */
public record Minimum(String line, BigDecimal amount, String label, LocalDate validFrom, LocalDate validTo,
                      String rule) implements Term {

    public Minimum {
        Money.code("line", line);
        if (amount == null || amount.signum() < 0) {
            throw new TermException("term.price.negative", amount);
        }
        label = Money.label(label);
        Versions.ordered(validFrom, validTo);
    }

    public static Minimum monthly(RuleContext ctx, String line, String amount, String label) {
        return new Minimum(line, Money.nonNegative(amount), label, Versions.EVER, Versions.NEVER,
                ChargeLine.ruleName(ctx));
    }

    public Minimum from(String day) {
        return new Minimum(line, amount, label, Versions.day(day), validTo, rule);
    }

    public Minimum until(String day) {
        return new Minimum(line, amount, label, validFrom, Versions.day(day), rule);
    }

    @Override
    public String meter() {
        return null;
    }

    @Override
    public String identity() {
        return "minimum spend";
    }
}
