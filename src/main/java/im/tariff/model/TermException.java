package im.tariff.model;

/**
 * A tariff term written wrong where a rule makes it (a negative price, a block of 0, a date that does not
 * parse): the rule fails at once, so {@code tariff check} and the bill name that rule at its file:line,
 * instead of a wrong bill. {@code key} and {@code args} name the message in {@link Wording}, so it is said in
 * the sheet's language.
 */
public final class TermException extends IllegalArgumentException {

    private final String key;
    private final Object[] args;
    private final String rule;

    public TermException(String key, Object... args) {
        this(null, key, args);
    }

    private TermException(String rule, String key, Object[] args) {
        super(Wording.say("zh", key, args) + " (" + Wording.say("en", key, args) + ")");
        this.key = key;
        this.args = args.clone();
        this.rule = rule;
    }

    /**
     * The same error, found when the library applies a term that its tariff rule made whole but wrong (a tier
     * table with a gap): it names that rule, so the failure is reported where the term is written, not at the
     * library rule that applied it.
     */
    public TermException ofTermWrittenBy(String termRule) {
        return new TermException(termRule, key, args);
    }

    /** The tariff rule that wrote the wrong term, or null when the error is where a rule makes it. */
    public String rule() {
        return rule;
    }

    /** The message in the language given ("zh", "en"). */
    public String in(String language) {
        return Wording.say(language, key, args);
    }
}
