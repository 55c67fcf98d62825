package im.tariff.catalog;

/** Where a catalog entry or a tariff term was declared: the rule, its file and line (0 when unknown). */
public record Declared(String rule, String file, int line) {

    public static final Declared UNKNOWN = new Declared(null, null, 0);

    /** file:line as an analyst reads it; the rule's name when no file is known. */
    public String where() {
        if (file == null) {
            return rule == null ? "(unknown)" : "规则 \"" + rule + "\"";
        }
        return file + ":" + line;
    }
}
