package im.tariff.evaluate;

import im.tariff.compile.RuleFailure;

/**
 * A valid request could not be evaluated because a rule failed while firing (a rule bug, not bad input).
 * It names the rule and where it is declared when the engine could tell which rule it was.
 */
public class EvaluationException extends RuntimeException {

    private final String reason;
    private final String rule;
    private final String file;
    private final int line;

    public EvaluationException(String message, Throwable cause) {
        this(message, cause, null, null, 0, message);
    }

    public EvaluationException(String message, Throwable cause, String rule, String file, int line, String reason) {
        super(message, cause);
        this.reason = reason;
        this.rule = rule;
        this.file = file;
        this.line = line;
    }

    /** A rule that failed while firing, as the compiler's locator found it. */
    public EvaluationException(RuleFailure failure, Throwable cause) {
        this(failure.message(), cause, failure.rule(), failure.file(), failure.line(), failure.reason());
    }

    /** What went wrong, without where (for lists that print file:line themselves). */
    public String reason() {
        return reason;
    }

    /** The failing rule's name, or null when unknown. */
    public String rule() {
        return rule;
    }

    /** The file of the failing rule, or null when unknown. */
    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** "rules/plans.drl:12" when the rule is known. */
    public String where() {
        return file == null ? null : file + ":" + line;
    }
}
