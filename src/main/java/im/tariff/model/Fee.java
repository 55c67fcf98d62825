package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: the price of the plan (addOn == null) or of an add-on (with one option value, or any when option is
 * null), with the line code it is charged on and the words the line says. Prepaid items are charged for
 * their period from day T at the version in force on T; postpaid add-ons a whole month at the version in
 * force on the month's first day. The price is ≥ 0 (a credit is a term of its own, {@link Credit}).
 * <pre>
 * insert(Fee.plan(kcontext, "FEE", "49.00", "Basic plan"));
 * insert(Fee.plan(kcontext, "FEE", "59.00", "Basic plan").from("2027-01-01"));
 * </pre>
 */
public record Fee(String addOn, Long option, String line, BigDecimal price, String label, LocalDate validFrom,
                  LocalDate validTo, String rule) implements Term, PlanPrice {

    public Fee {
        Money.code("line", line);
        if (price == null || price.signum() < 0) {
            throw new TermException("term.price.negative", price);
        }
        if (option != null && option < 0) {
            throw new TermException("term.option.negative", option);
        }
        label = Money.label(label);
        Versions.ordered(validFrom, validTo);
    }

    public static Fee plan(RuleContext ctx, String line, String price, String label) {
        return new Fee(null, null, line, Money.nonNegative(price), label, Versions.EVER, Versions.NEVER,
                ChargeLine.ruleName(ctx));
    }

    public static Fee addOn(RuleContext ctx, String addOn, String line, String price, String label) {
        return new Fee(Money.code("add-on", addOn), null, line, Money.nonNegative(price), label, Versions.EVER,
                Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    /** The price of one option value of an add-on (30 days of history). */
    public static Fee option(RuleContext ctx, String addOn, long option, String line, String price, String label) {
        return new Fee(Money.code("add-on", addOn), option, line, Money.nonNegative(price), label, Versions.EVER,
                Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    /** This version is in force from the day given (yyyy-mm-dd). */
    public Fee from(String day) {
        return new Fee(addOn, option, line, price, label, Versions.day(day), validTo, rule);
    }

    /** This version is in force until the day given, included. */
    public Fee until(String day) {
        return new Fee(addOn, option, line, price, label, validFrom, Versions.day(day), rule);
    }

    @Override
    public String meter() {
        return null;
    }

    @Override
    public String identity() {
        return addOn == null ? PlanPrice.IDENTITY : "add-on " + addOn + (option == null ? "" : " option " + option);
    }

    /** True for the plan's fee. */
    public boolean isPlan() {
        return addOn == null;
    }

    @Override
    public BigDecimal priceAt(long quantity) {
        return price;
    }

    @Override
    public String bandAt(long quantity) {
        return null;
    }
}
