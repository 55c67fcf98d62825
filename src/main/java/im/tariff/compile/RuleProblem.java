package im.tariff.compile;

import im.tariff.catalog.Declared;

/**
 * One problem in a rule file, shown to an analyst as {@code file:line: message}, or {@code file:row:column: message}
 * for a cell of a decision table ({@code column} the cell's letters, null for a DRL file).
 */
public record RuleProblem(String file, int line, String column, String message) {

    public RuleProblem(String file, int line, String message) {
        this(file, line, null, message);
    }

    /** A problem at a declaration (a rule's line, a table's cell). */
    public static RuleProblem at(Declared where, String message) {
        return new RuleProblem(where.file(), where.line(), where.column(), message);
    }

    /** Same file, line and column. */
    public boolean samePlace(RuleProblem other) {
        return line == other.line && java.util.Objects.equals(file, other.file)
                && java.util.Objects.equals(column, other.column);
    }

    @Override
    public String toString() {
        return (file == null ? "rules" : file) + ":" + line + (column == null ? "" : ":" + column) + ": " + message;
    }
}
