package im.tariff.compile;


import im.tariff.catalog.Declared;
import im.tariff.model.TermException;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Turns whatever a firing rule threw into a {@link RuleFailure} that names the rule and its
 * file:line, in words: a failing then-part names its rule directly; a failing condition names it inside
 * the message ("... in [Rule "name" in file]").
 */
public final class RuleFailures {

    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}\\]");
    private static final Pattern RULE_IN_MESSAGE = Pattern.compile("[Rr]ule[:]?\\s*\\\\?\"([^\"\\\\]+)\\\\?\"");

    private RuleFailures() {
    }

    public static RuleFailure explain(RuntimeException e, RuleLocator locator) {
        return explain(e, locator, Language.DEFAULT);
    }

    /** As {@link #explain(RuntimeException, RuleLocator)}, a term's own error said in the sheet's language. */
    public static RuleFailure explain(RuntimeException e, RuleLocator locator, Language language) {
        String rule = null;
        for (Throwable t = e; t != null && rule == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TermException te && te.rule() != null) {
                rule = te.rule(); // a term written wrong: its own rule, not the library rule that applied it
            }
        }
        for (Throwable t = e; t != null && rule == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConsequenceException ce && ce.getMatch() != null) {
                rule = ce.getMatch().getRule().getName();
            } else if (t.getMessage() != null) {
                Matcher m = RULE_IN_MESSAGE.matcher(t.getMessage());
                if (m.find()) {
                    rule = m.group(1);
                }
            }
        }
        String cause = rootCause(e, language);
        Declared at = rule == null ? null : locator.where(rule);
        if (rule == null) {
            // a condition that failed: Drools names only its text; the rule holding that text is the culprit
            for (Throwable t = e; t != null && at == null; t = t.getCause() == t ? null : t.getCause()) {
                Matcher m = t.getMessage() == null ? null : NEAR.matcher(t.getMessage());
                if (m != null && m.find()) {
                    at = locator.ruleWith(m.group(1).trim());
                }
            }
            if (at == null) {
                String reason = Messages.of(language).format("error.failed", cause);
                return new RuleFailure(null, null, 0, null, reason, reason);
            }
            rule = at.rule();
        }
        String termRule = termRule(e);
        if (termRule != null) {
            // a library rule failed on a term written wrong: the tariff's rule that wrote it is the one to edit
            rule = termRule;
            at = locator.where(termRule);
        } else {
            at = atTheTerm(e, at, locator);
        }
        String where = at.file() == null ? "" : at.where() + ": ";
        String reason = Messages.of(language).format("error.ruleFailed", rule, cause);
        return new RuleFailure(rule, at.file(), at.line(), at.column(), reason, where + reason);
    }

    private static String termRule(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TermException te && te.rule() != null) {
                return te.rule();
            }
        }
        return null;
    }

    /**
     * A term written wrong is reported at the line that writes it (the one holding the wrong price or date),
     * not at the first line of its rule.
     */
    private static Declared atTheTerm(Throwable e, Declared rule, RuleLocator locator) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TermException te) {
                for (Object arg : te.args()) {
                    if (arg != null && !String.valueOf(arg).isBlank()) {
                        return locator.statementWriting(rule, String.valueOf(arg));
                    }
                }
            }
        }
        return rule;
    }

    /** The innermost message, which says what went wrong (a wrong type, a null). */
    private static String rootCause(Throwable e, Language language) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TermException te) {
                return te.in(language);
            }
        }
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return RuleMessages.explain(msg == null ? t.getClass().getSimpleName() : msg);
    }
}
