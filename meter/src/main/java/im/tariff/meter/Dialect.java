package im.tariff.meter;

/**
 * The few places where DuckDB's SQL and Spark's SQL spell the same thing differently. Everything else in
 * {@link EventSql} is written once and runs on both engines.
 */
interface Dialect {

    /** A quoted identifier. */
    String id(String name);

    /** A string literal. */
    String str(String s);

    /** True when the whole text matches the regular expression (patterns use no backslash). */
    String matches(String expr, String regex);

    /** The text split at every comma (empty fields kept). */
    String splitCommas(String expr);

    /** The number of elements of a list. */
    String size(String list);

    /** The k-th element (1-based) of a list, or null. */
    String elem(String list, int k);

    /** Days since 1970-01-01 of a date. */
    String epochDay(String date);

    /** Whole-number division of two non-negative numbers. */
    String intDiv(String a, String b);

    /** The text without spaces at either end. */
    String trim(String expr);

    /** True when the line is a JSON object. */
    String isJsonObject(String line);

    /** The text of a member of a JSON object (a string's content, a number's digits), or null. */
    String jsonField(String line, String name);

    /** Epoch milliseconds of a timestamp column. */
    String epochMillis(String timestamp);

    /**
     * Epoch milliseconds of an ISO-8601 text with an offset that {@link EventSql} has already matched (so both
     * engines' own parsers read it the same way).
     */
    String isoMillis(String text);

    /** Each element of a list through an expression of the variable x. */
    String transform(String list, String body);

    /**
     * {@code SELECT e1 AS n1, … FROM (from)}. With boundary, each expression is computed once per row even where a
     * later layer reads its column many times (DuckDB would otherwise inline a costly expression at every use);
     * without, the engine may inline it (cheaper for cheap expressions: no row is copied).
     */
    String layer(java.util.List<String[]> columns, String from, boolean boundary);

    /** A plain projection. */
    interface Plain {
        String apply(java.util.List<String[]> columns, String from, Dialect d);
    }

    Plain SPARK_LAYER = (columns, from, d) -> {
        StringBuilder b = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(columns.get(i)[0]).append(" AS ").append(d.id(columns.get(i)[1]));
        }
        return b.append(" FROM (").append(from).append(")").toString();
    };

    Dialect DUCKDB = new Dialect() {
        @Override
        public String id(String name) {
            return '"' + name.replace("\"", "\"\"") + '"';
        }

        @Override
        public String str(String s) {
            return "'" + s.replace("'", "''") + "'";
        }

        @Override
        public String matches(String expr, String regex) {
            return "regexp_full_match(" + expr + ", " + str(regex) + ")";
        }

        @Override
        public String splitCommas(String expr) {
            return "string_split(" + expr + ", ',')";
        }

        @Override
        public String size(String list) {
            return "len(" + list + ")";
        }

        @Override
        public String elem(String list, int k) {
            return "list_extract(" + list + ", " + k + ")";
        }

        @Override
        public String epochDay(String date) {
            return "CAST(" + date + " - DATE '1970-01-01' AS BIGINT)";
        }

        @Override
        public String intDiv(String a, String b) {
            return "(" + a + " // " + b + ")";
        }

        @Override
        public String trim(String expr) {
            return "trim(" + expr + ")";
        }

        @Override
        public String isJsonObject(String line) {
            return "(CASE WHEN json_valid(" + line + ") THEN json_type(" + line + ") = 'OBJECT' ELSE false END)";
        }

        @Override
        public String jsonField(String line, String name) {
            return "json_extract_string(" + line + ", " + str("$.\"" + name + "\"") + ")";
        }

        @Override
        public String epochMillis(String timestamp) {
            return "epoch_ms(" + timestamp + ")";
        }

        @Override
        public String isoMillis(String text) {
            return "epoch_ms(TRY_CAST(" + text + " AS TIMESTAMPTZ))";
        }

        @Override
        public String transform(String list, String body) {
            return "list_transform(" + list + ", lambda x: " + body + ")";
        }

        @Override
        public String layer(java.util.List<String[]> columns, String from, boolean boundary) {
            if (!boundary) {
                return SPARK_LAYER.apply(columns, from, this);
            }
            StringBuilder b = new StringBuilder("SELECT s.* FROM (SELECT unnest([{");
            for (int i = 0; i < columns.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(str(columns.get(i)[1])).append(": ").append(columns.get(i)[0]);
            }
            return b.append("}]) AS s FROM (").append(from).append("))").toString();
        }
    };

    Dialect SPARK = new Dialect() {
        @Override
        public String id(String name) {
            return '`' + name.replace("`", "``") + '`';
        }

        @Override
        public String str(String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }

        @Override
        public String matches(String expr, String regex) {
            return "(" + expr + " RLIKE " + str("^(?:" + regex + ")$") + ")";
        }

        @Override
        public String splitCommas(String expr) {
            return "split(" + expr + ", ',', -1)";
        }

        @Override
        public String size(String list) {
            return "size(" + list + ")";
        }

        @Override
        public String elem(String list, int k) {
            return "try_element_at(" + list + ", " + k + ")";
        }

        @Override
        public String epochDay(String date) {
            return "CAST(unix_date(" + date + ") AS BIGINT)";
        }

        @Override
        public String intDiv(String a, String b) {
            return "(" + a + " DIV " + b + ")";
        }

        @Override
        public String trim(String expr) {
            return "trim(" + expr + ")";
        }

        @Override
        public String isJsonObject(String line) {
            return "(json_object_keys(" + line + ") IS NOT NULL)";
        }

        @Override
        public String jsonField(String line, String name) {
            return "get_json_object(" + line + ", " + str("$." + name) + ")";
        }

        @Override
        public String epochMillis(String timestamp) {
            return "unix_millis(" + timestamp + ")";
        }

        @Override
        public String isoMillis(String text) {
            return "unix_millis(TRY_CAST(" + text + " AS TIMESTAMP))";
        }

        @Override
        public String transform(String list, String body) {
            return "transform(" + list + ", x -> " + body + ")";
        }

        @Override
        public String layer(java.util.List<String[]> columns, String from, boolean boundary) {
            return SPARK_LAYER.apply(columns, from, this); // Spark computes a projection once per row anyway
        }
    };
}
