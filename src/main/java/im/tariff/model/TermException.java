package im.tariff.model;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;

/**
 * A tariff term written wrong where a rule makes it (a negative price, a block of 0, a date that does not
 * parse): the rule fails at once, so {@code tariff check} and the bill name that rule at its file:line,
 * instead of a wrong bill. {@code key} and {@code args} name the message in {@link Messages}, so it is said in
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
        super(Messages.of(Language.ZH).format(key, args) + " (" + Messages.of(Language.EN).format(key, args) + ")");
        this.key = key;
        this.args = args.clone();
        this.rule = rule;
    }

    /**
     * The same error, found when a library rule applied the term (a tier table with a gap): it names the tariff's
     * rule that wrote the term, so the error is reported there and not at the library's rule.
     */
    public TermException of(String termRule) {
        return new TermException(termRule, key, args);
    }

    /** The tariff rule that wrote the wrong term, when known apart from the failing rule; else null. */
    public String rule() {
        return rule;
    }

    /** What the message names (the wrong price, date or number), as written. */
    public Object[] args() {
        return args.clone();
    }

    /** The message in the language given. */
    public String in(Language language) {
        return Messages.of(language).format(key, args);
    }
}
