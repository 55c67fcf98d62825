package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: an amount taken off the month's bill (a promotion, a service credit), written as a positive amount:
 * the library bills it as a line with a negative amount, billing mode CREDIT, totalled apart. A credit never
 * takes the bill below zero: it is cut to what the other lines add up to, and the line says so. A negative
 * price anywhere else is a slip of the sign and is refused where it is written.
 * <pre>
 * insert(Credit.of(kcontext, "WELCOME_CREDIT", "50.00", "welcome credit").until("2026-12-31"));
 * </pre>
 */
public record Credit(String line, BigDecimal amount, String label, LocalDate validFrom, LocalDate validTo,
                     String rule) implements Term {

    public Credit {
        Money.code("line", line);
        if (amount == null || amount.signum() < 0) {
            throw new TermException("term.credit.negative", amount);
        }
        label = Money.label(label);
        Versions.ordered(validFrom, validTo);
    }

    public static Credit of(RuleContext ctx, String line, String amount, String label) {
        BigDecimal value = Money.parse(amount);
        if (value.signum() < 0) {
            throw new TermException("term.credit.negative", amount);
        }
        return new Credit(line, value, label, Versions.EVER, Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    public Credit from(String day) {
        return new Credit(line, amount, label, Versions.day(day), validTo, rule);
    }

    public Credit until(String day) {
        return new Credit(line, amount, label, validFrom, Versions.day(day), rule);
    }

    @Override
    public String meter() {
        return null;
    }

    @Override
    public String identity() {
        return "credit " + rule + " " + line;
    }
}
