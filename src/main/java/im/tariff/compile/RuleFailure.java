package im.tariff.compile;

/**
 * A rule that failed while firing, located: its name, file and line when the engine could tell which rule it
 * was (null and 0 otherwise), the column of the cell for a rule made from a table's row (else null), and the
 * reason in words.
 *
 * @param message the whole message, "file:line: reason" when the rule is known
 */
public record RuleFailure(String rule, String file, int line, String column, String reason, String message) {
}
