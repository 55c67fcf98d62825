package im.tariff.catalog;

/**
 * Where a catalog entry or a tariff term was declared: the rule, its file and line (0 when unknown). A rule made
 * from a row of a decision table is declared at a cell: {@code line} is then the table's row and {@code column}
 * the cell's column letters (null for a line of a DRL file).
 */
public record Declared(String rule, String file, int line, String column) {

    public static final Declared UNKNOWN = new Declared(null, null, 0);

    public Declared(String rule, String file, int line) {
        this(rule, file, line, null);
    }

    /** file:line as an analyst reads it (file:row:column for a table's cell); the rule's name when no file is known. */
    public String where() {
        if (file == null) {
            return rule == null ? "(unknown)" : "规则 \"" + rule + "\"";
        }
        return file + ":" + line + (column == null ? "" : ":" + column);
    }

    /** True for a cell of a decision table (a rule made from a row). */
    public boolean inTable() {
        return column != null;
    }
}
