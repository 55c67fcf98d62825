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
    private final String column;

    public EvaluationException(String message, Throwable cause) {
        this(message, cause, null, null, 0, message);
    }

    public EvaluationException(String message, Throwable cause, String rule, String file, int line, String reason) {
        this(message, cause, rule, file, line, null, reason);
    }

    /** As above, at a table's cell when {@code column} is not null (line is then the table's row). */
    public EvaluationException(String message, Throwable cause, String rule, String file, int line, String column,
                               String reason) {
        super(message, cause);
        this.reason = reason;
        this.rule = rule;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** A rule that failed while firing, as the compiler's locator found it. */
    public EvaluationException(RuleFailure failure, Throwable cause) {
        this(failure.message(), cause, failure.rule(), failure.file(), failure.line(), failure.column(),
                failure.reason());
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

    /** The column of the table's cell, for a rule made from a row of a decision table; else null. */
    public String column() {
        return column;
    }

    /** "rules/plans.drl:12" ("rules/addons.drl.csv:7:E" for a table's cell) when the rule is known. */
    public String where() {
        return file == null ? null : file + ":" + line + (column == null ? "" : ":" + column);
    }
}
