package im.tariff.model;

import java.math.BigDecimal;

/** Amounts as analysts write them in terms ("999.00"): exact decimals, checked where the term is made. */
final class Money {

    private Money() {
    }

    /** A price or an amount ≥ 0; a negative one is refused (a credit is a term of its own, never a sign). */
    static BigDecimal nonNegative(String text) {
        BigDecimal value = parse(text);
        if (value.signum() < 0) {
            throw new TermException("term.price.negative", text);
        }
        return value;
    }

    static BigDecimal parse(String text) {
        return PRICES.get(text);
    }

    /** Prices as rules write them, read once: a rule says the same literal on every bill. */
    private static final ReadOnce<BigDecimal> PRICES = new ReadOnce<>(Money::read);

    private static BigDecimal read(String text) {
        if (text == null || text.isBlank()) {
            throw new TermException("term.price.missing");
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new TermException("term.price.notNumber", text);
        }
    }

    /** A code (line, add-on, meter) must be written. */
    static String code(String what, String code) {
        if (code == null || code.isBlank()) {
            throw new TermException("term.code.missing", what);
        }
        return code;
    }

    static String label(String label) {
        return label == null ? "" : label;
    }
}
