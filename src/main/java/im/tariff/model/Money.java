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
        BigDecimal known = text == null ? null : PARSED.get(text);
        if (known != null) {
            return known;
        }
        if (text == null || text.isBlank()) {
            throw new TermException("term.price.missing");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new TermException("term.price.notNumber", text);
        }
        if (PARSED.size() < PARSED_MAX) {
            PARSED.put(text, value);
        }
        return value;
    }

    /**
     * Prices as rules write them, parsed once: a rule says the same literal on every bill. BigDecimal is
     * immutable, so one value serves every thread. Bounded: past {@value #PARSED_MAX} texts, new ones are
     * parsed each time.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, BigDecimal> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int PARSED_MAX = 4096;

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
