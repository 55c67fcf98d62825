package im.tariff.model;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.time.LocalDate;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: the cap of a meter on the app's plan, or "unlimited". Usage above the cap is a violation. A meter
 * the plan neither prices nor caps is reported as unpriced usage, so "unlimited" is said, not left out. The
 * cap is ≥ 0.
 */
public record Limit(String meter, long cap, LocalDate validFrom, LocalDate validTo, String rule) implements Term {

    /** The cap of an unlimited meter: no whole-number usage exceeds it. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** The word for "unlimited" in each language, read once: a limits table says it on every bill. */
    private static final java.util.List<String> UNLIMITED_WORDS = java.util.Arrays.stream(Language.values())
            .map(l -> Messages.of(l).format("term.unlimited")).toList();

    public Limit {
        Money.code("meter", meter);
        if (cap < 0) {
            throw new TermException("term.cap.negative", cap);
        }
        Versions.ordered(validFrom, validTo);
    }

    public static Limit of(RuleContext ctx, String meter, long cap) {
        return new Limit(meter, cap, Versions.EVER, Versions.NEVER, ChargeLine.ruleName(ctx));
    }

    /**
     * The cap as a table writes it: a whole number, or the word for "unlimited" in either language of the
     * product ("无限制", "unlimited"), as the vendor's page says it.
     */
    public static Limit of(RuleContext ctx, String meter, String cap) {
        return of(ctx, meter, CAPS.get(cap));
    }

    /** Caps as a table's cells write them, read once: a limits table says the same cells on every bill. */
    private static final ReadOnce<Long> CAPS = new ReadOnce<>(Limit::readCap);

    /** A cell's cap: the word for unlimited, or a whole number (a negative one is refused where the limit is made). */
    private static long readCap(String cap) {
        String text = cap == null ? "" : cap.strip();
        for (String word : UNLIMITED_WORDS) {
            if (text.equalsIgnoreCase(word)) {
                return UNLIMITED;
            }
        }
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new TermException("term.cap.notNumber", text);
        }
    }

    public static Limit unlimited(RuleContext ctx, String meter) {
        return of(ctx, meter, UNLIMITED);
    }

    public Limit from(String day) {
        return new Limit(meter, cap, Versions.day(day), validTo, rule);
    }

    public Limit until(String day) {
        return new Limit(meter, cap, validFrom, Versions.day(day), rule);
    }

    @Override
    public String identity() {
        return "limit of " + meter;
    }

    public boolean isUnlimited() {
        return cap == UNLIMITED;
    }
}
