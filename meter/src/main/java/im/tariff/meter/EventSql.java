package im.tariff.meter;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one definition of metering in SQL, for both engines ({@link Dialect} spells their few differences): how a
 * raw record is checked (a bad row's reason, in plain words), which natural day of the tariff's zone its time
 * falls on, and how each measured meter aggregates the good rows. Knows no engine and no tariff name.
 *
 * <p>A source's checked rows have the columns {@code file, split, idx, day, reason, appId} and one per event
 * column; {@code reason} is null for a good row in the month, {@link #OUTSIDE} for a good row outside it, else
 * why the row is refused. The text of a refused row is read again from the raw records ({@link #details}).
 */
final class EventSql {

    static final String OUTSIDE = "outside the month";
    static final String BAD_COLUMNS = "wrong number of columns";
    static final String BAD_JSON = "not a JSON object";
    static final String BAD_TIME = "unparseable time";
    static final int DECIMAL_SCALE = 18;
    static final String DECIMAL = "DECIMAL(38," + DECIMAL_SCALE + ")";
    private static final long DAY_MS = 86_400_000L;

    private static final String EPOCH_MILLIS = "-?[0-9]{1,16}";
    private static final String ISO = "[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]{1,9})?)?"
            + "(Z|[+-](0[0-9]|1[0-8]):[0-5][0-9])";
    private static final String WHOLE = "[+-]?[0-9]+([.]0*)?";
    private static final String NUMBER = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)";
    private static final String PRECISE = "[+-]?0*[0-9]{0,20}([.][0-9]{0,18})?";
    /** Splits a CSV line with quoted fields (RFC 4180 quotes, no line break inside a field). */
    private static final String CSV_FIELD = "(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)";

    private final Dialect d;
    private final YearMonth month;
    private final ZoneId zone;

    EventSql(Dialect dialect, YearMonth month, ZoneId zone) {
        this.d = dialect;
        this.month = month;
        this.zone = zone;
    }

    static String reasonEmpty(String column) {
        return "empty " + column;
    }

    static String reasonNotWhole(String column) {
        return column + " is not a whole number";
    }

    static String reasonNotNumber(String column) {
        return column + " is not a number";
    }

    static String reasonNegative(String column) {
        return "negative " + column;
    }

    static String reasonPrecision(String column) {
        return column + " has more than 18 decimal places or 20 integer digits";
    }

    static String reasonUnknown(String column) {
        return "unknown " + column;
    }

    // ---- checking -----------------------------------------------------------------------------------------

    /** The checked rows of a source, read from the raw view {@code rawView}. */
    String checked(Metering.Source source, RawInput in, String rawView) {
        List<String> cols = source.allColumns();
        int t = cols.indexOf(Metering.TIME);
        RawInput.ParquetColumn pt = in.format() == RawInput.Format.PARQUET ? in.columns().get(Metering.TIME) : null;
        boolean textTime = pt == null || pt.type() == RawInput.ColType.TEXT;
        // 1: the records to read, each once: the fields of a text line, the columns of a Parquet row
        List<String[]> l1 = cols("file", "split", "idx");
        String from;
        switch (in.format()) {
            case CSV -> {
                l1.add(new String[] {"instr(line, ' ') > 0", "spaced"});
                l1.add(new String[] {"CASE WHEN instr(line, '\"') > 0 THEN " + d.transform("regexp_extract_all(line, "
                        + d.str(CSV_FIELD) + ", 1)", "CASE WHEN substr(x, 1, 1) = '\"' THEN replace(substr(x, 2, "
                        + "length(x) - 2), '\"\"', '\"') ELSE x END") + " ELSE " + d.splitCommas("line") + " END", "f"});
                from = "SELECT * FROM " + rawView + " WHERE line IS NOT NULL AND line <> '' AND (ascii(line) <> 32 OR "
                        + d.trim("line") + " <> '') AND NOT (split = 0 AND idx = 0)";
            }
            case JSONL -> {
                l1.add(new String[] {"line", "line"});
                l1.add(new String[] {d.isJsonObject("line"), "okjson"});
                from = "SELECT * FROM " + rawView + " WHERE line IS NOT NULL AND " + d.trim("line") + " <> ''";
            }
            default -> {
                for (int i = 0; i < cols.size(); i++) {
                    String v = d.id(in.columns().get(cols.get(i)).physical());
                    if (i == t && !textTime) {
                        l1.add(new String[] {pt.type() == RawInput.ColType.INTEGER ? "CAST(" + v + " AS BIGINT)"
                                : "CAST(" + d.epochMillis(v) + " AS BIGINT)", "ms0"});
                    } else {
                        l1.add(new String[] {in.columns().get(cols.get(i)).type() == RawInput.ColType.TEXT ? d.trim(v)
                                : "CAST(" + v + " AS STRING)", v(i)});
                    }
                }
                from = "SELECT * FROM " + rawView;
            }
        }
        // 2: the text of every column, and whether the record has the columns at all
        List<String[]> l2 = cols("file", "split", "idx");
        switch (in.format()) {
            case CSV -> {
                l2.add(new String[] {csvWidth(in, d.size("f")), "shape_bad"});
                for (int i = 0; i < cols.size(); i++) {
                    String field = csvField(in, "f", cols.get(i));
                    l2.add(new String[] {"CASE WHEN spaced THEN " + d.trim(field) + " ELSE " + field + " END", v(i)});
                }
            }
            case JSONL -> {
                l2.add(new String[] {"NOT okjson", "shape_bad"});
                for (int i = 0; i < cols.size(); i++) {
                    l2.add(new String[] {"CASE WHEN okjson THEN " + d.trim(d.jsonField("line", cols.get(i))) + " END",
                            v(i)});
                }
            }
            default -> {
                l2.add(new String[] {"false", "shape_bad"});
                for (int i = 0; i < cols.size(); i++) {
                    l2.add(i == t && !textTime ? new String[] {"ms0", "ms0"} : new String[] {v(i), v(i)});
                }
            }
        }
        // 3: the parsed values
        List<String[]> l3 = cols("file", "split", "idx", "shape_bad");
        for (int i = 0; i < cols.size(); i++) {
            if (i != t) {
                l3.add(new String[] {v(i), v(i)});
            }
        }
        l3.add(new String[] {textTime ? millis(v(t)) : "ms0", "ms"});
        for (Metering.Column c : source.columns()) {
            int i = cols.indexOf(c.name());
            switch (c.kind()) {
                case WHOLE -> l3.add(new String[] {"CASE WHEN " + d.matches(v(i), WHOLE) + " THEN TRY_CAST("
                        + "regexp_extract(" + v(i) + ", '^[+-]?[0-9]+', 0) AS BIGINT) END", n(i)});
                case DECIMAL -> {
                    l3.add(new String[] {"CASE WHEN " + d.matches(v(i), NUMBER) + " THEN TRY_CAST(" + v(i) + " AS "
                            + DECIMAL + ") END", n(i)});
                    l3.add(new String[] {d.matches(v(i), PRECISE), p(i)});
                }
                default -> {
                }
            }
        }
        // 4: the natural day in the zone (integer arithmetic, inlined where it is read)
        String day = "CAST(CASE WHEN ms >= 0 THEN " + d.intDiv(local("ms"), Long.toString(DAY_MS)) + " ELSE -1 END AS INT)";
        // 5: the reason of a refusal, or outside the month, or null
        StringBuilder reason = new StringBuilder("CASE WHEN shape_bad THEN ")
                .append(d.str(in.format() == RawInput.Format.JSONL ? BAD_JSON : BAD_COLUMNS));
        for (int i = 0; i < cols.size(); i++) {
            String c = cols.get(i);
            if (i == t) {
                reason.append(" WHEN ms IS NULL THEN ").append(d.str(BAD_TIME));
                continue;
            }
            Metering.Column col = c.equals(Metering.APP_ID) ? null : column(source, c);
            if (col == null || col.kind() == Metering.Kind.ID) {
                reason.append(" WHEN ").append(v(i)).append(" IS NULL OR ").append(v(i)).append(" = '' THEN ")
                        .append(d.str(reasonEmpty(c)));
                continue;
            }
            switch (col.kind()) {
                case DIMENSION -> reason.append(" WHEN ").append(v(i)).append(" IS NULL OR ").append(v(i))
                        .append(" NOT IN (").append(col.values().stream().map(d::str).collect(Collectors.joining(", ")))
                        .append(") THEN ").append(d.str(reasonUnknown(c)));
                case WHOLE -> reason.append(" WHEN ").append(n(i)).append(" IS NULL THEN ")
                        .append(d.str(reasonNotWhole(c))).append(" WHEN ").append(n(i)).append(" < 0 THEN ")
                        .append(d.str(reasonNegative(c)));
                case DECIMAL -> reason.append(" WHEN ").append(n(i)).append(" IS NULL THEN ")
                        .append(d.str(reasonNotNumber(c))).append(" WHEN ").append(n(i)).append(" < 0 THEN ")
                        .append(d.str(reasonNegative(c))).append(" WHEN NOT ").append(p(i)).append(" THEN ")
                        .append(d.str(reasonPrecision(c)));
                default -> {
                }
            }
        }
        int first = (int) month.atDay(1).toEpochDay();
        int last = (int) month.atEndOfMonth().toEpochDay();
        reason.append(" WHEN ").append(day).append(" NOT BETWEEN ").append(first).append(" AND ").append(last).append(" THEN ")
                .append(d.str(OUTSIDE)).append(" END");
        List<String[]> l5 = cols("file", "split", "idx");
        l5.add(new String[] {day, "day"});
        l5.add(new String[] {reason.toString(), "reason"});
        l5.add(new String[] {v(0), Metering.APP_ID});
        for (Metering.Column c : source.columns()) {
            int i = cols.indexOf(c.name());
            l5.add(new String[] {c.kind() == Metering.Kind.WHOLE || c.kind() == Metering.Kind.DECIMAL ? n(i) : v(i),
                    c.name()});
        }
        // boundaries where a costly expression is read more than once: a CSV line's fields, the text of every
        // column of a text line, a text time
        boolean text = in.format() != RawInput.Format.PARQUET;
        return d.layer(l5, d.layer(l3, d.layer(l2, d.layer(l1, from, in.format() == RawInput.Format.CSV), text),
                textTime), false);
    }

    /** Columns passed through a layer as they are. */
    private static List<String[]> cols(String... names) {
        List<String[]> l = new ArrayList<>();
        for (String n : names) {
            l.add(new String[] {n, n});
        }
        return l;
    }

    private static Metering.Column column(Metering.Source s, String name) {
        return s.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String v(int i) {
        return "v" + i;
    }

    private static String n(int i) {
        return "n" + i;
    }

    private static String p(int i) {
        return "p" + i;
    }

    /** A CSV field by the file's header (the same position in every file, or per file). */
    private String csvField(RawInput in, String list, String column) {
        List<String> common = in.commonHeader();
        if (common != null) {
            return d.elem(list, common.indexOf(column) + 1);
        }
        StringBuilder b = new StringBuilder("CASE");
        for (Map.Entry<String, List<String>> e : in.headers().entrySet()) {
            b.append(" WHEN file = ").append(in.fileKey(e.getKey(), d)).append(" THEN ")
                    .append(d.elem(list, e.getValue().indexOf(column) + 1));
        }
        return b.append(" END").toString();
    }

    /** True when a line's number of fields is not its header's. */
    private String csvWidth(RawInput in, String width) {
        List<String> common = in.commonHeader();
        if (common != null) {
            return "(" + width + " <> " + common.size() + ")";
        }
        StringBuilder b = new StringBuilder("(" + width + " <> CASE");
        for (Map.Entry<String, List<String>> e : in.headers().entrySet()) {
            b.append(" WHEN file = ").append(in.fileKey(e.getKey(), d)).append(" THEN ").append(e.getValue().size());
        }
        return b.append(" END)").toString();
    }

    /** Epoch milliseconds of a time's text: epoch milliseconds, or ISO-8601 with an offset; else null. */
    String millis(String v) {
        // one regular expression a row: a date has its first dash fifth, epoch milliseconds never do
        return "CASE WHEN substr(" + v + ", 5, 1) = '-' THEN (CASE WHEN " + d.matches(v, ISO) + " THEN CAST("
                + d.isoMillis(v) + " AS BIGINT) END) ELSE (CASE WHEN " + d.matches(v, EPOCH_MILLIS) + " THEN TRY_CAST("
                + v + " AS BIGINT) END) END";
    }

    /**
     * The local time (epoch milliseconds shifted by the zone's offset at that instant) of an instant: a fixed
     * offset when the zone keeps one over the month (and two days either side), else one step per transition.
     */
    String local(String ms) {
        ZoneRules rules = zone.getRules();
        Instant from = month.atDay(1).minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.atEndOfMonth().plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ZoneOffsetTransition> steps = new ArrayList<>();
        for (ZoneOffsetTransition tr = rules.nextTransition(from); tr != null && tr.getInstant().isBefore(to);
             tr = rules.nextTransition(tr.getInstant())) {
            steps.add(tr);
        }
        long first = rules.getOffset(from).getTotalSeconds() * 1000L;
        if (steps.isEmpty()) {
            return "(" + ms + " + " + first + ")";
        }
        StringBuilder b = new StringBuilder("(" + ms + " + CASE");
        long before = first;
        for (ZoneOffsetTransition tr : steps) {
            b.append(" WHEN ").append(ms).append(" < ").append(tr.getInstant().toEpochMilli()).append(" THEN ")
                    .append(before);
            before = tr.getOffsetAfter().getTotalSeconds() * 1000L;
        }
        return b.append(" ELSE ").append(before).append(" END)").toString();
    }

    // ---- what is measured and reported of a source ---------------------------------------------------------

    /** The grouping keys of a meter besides reason and appId: the day for a series, the dimension for a DAILY. */
    private List<String> keys(Metering.Meter m) {
        List<String> k = new ArrayList<>();
        if (m.daily()) {
            k.add("day");
        }
        if (m.shape() == Metering.Shape.DAILY) {
            k.add(d.id(m.dimension()));
        }
        return k;
    }

    /** Every optional grouping key of a source's meters, in a fixed order. */
    private List<String> allKeys(List<Metering.Meter> meters) {
        List<String> all = new ArrayList<>();
        for (Metering.Meter m : meters) {
            for (String k : keys(m)) {
                if (!all.contains(k)) {
                    all.add(k);
                }
            }
        }
        return all;
    }

    /** Which grouping set a meter's figures are in: a bit for each optional key that the set leaves out. */
    int groupingId(Metering.Meter m, List<Metering.Meter> meters) {
        List<String> all = allKeys(meters);
        List<String> mine = keys(m);
        int id = 0;
        for (int i = 0; i < all.size(); i++) {
            if (!mine.contains(all.get(i))) {
                id |= 1 << i;
            }
        }
        return id;
    }

    /**
     * One pass over a source's checked rows: rows by reason and, for the good ones, every meter's figure, as
     * grouping sets of (reason, appId[, day][, dimension]): columns reason, app, the optional keys, gid (see
     * {@link #groupingId}), rows, and a{@code i} for each meter i of the source.
     */
    String measured(String checkedSql, List<Metering.Meter> meters) {
        List<String> all = allKeys(meters);
        List<String> sets = new ArrayList<>();
        for (Metering.Meter m : meters) {
            List<String> set = new ArrayList<>(List.of("reason", d.id(Metering.APP_ID)));
            set.addAll(keys(m));
            String text = "(" + String.join(", ", set) + ")";
            if (!sets.contains(text)) {
                sets.add(text);
            }
        }
        StringBuilder gid = new StringBuilder("(0");
        for (int i = 0; sets.size() > 1 && i < all.size(); i++) {
            gid.append(" + GROUPING(").append(all.get(i)).append(") * ").append(1 << i);
        }
        gid.append(")");
        StringBuilder b = new StringBuilder("SELECT reason, " + d.id(Metering.APP_ID) + " AS app");
        for (String k : all) {
            b.append(", ").append(k);
        }
        b.append(", ").append(gid).append(" AS gid, count(*) AS n_rows");
        for (Metering.Meter m : meters) {
            String col = d.id(m.column());
            String value = switch (m.agg()) {
                case DISTINCT_PER_DAY, DISTINCT_PER_MONTH -> "count(DISTINCT " + col + ")";
                case DAILY_MAX -> "max(" + col + ")";
                case SUM -> "sum(" + col + ")";
            };
            b.append(", ").append(value).append(" AS a").append(m.index());
        }
        b.append(" FROM (").append(checkedSql).append(")");
        if (sets.size() == 1) { // a plain GROUP BY: DuckDB plans a distinct count in grouping sets as a self-join
            return b.append(" GROUP BY ").append(sets.get(0), 1, sets.get(0).length() - 1).toString();
        }
        return b.append(" GROUP BY GROUPING SETS (").append(String.join(", ", sets)).append(")").toString();
    }

    /** Rows by reason (null: used; {@link #OUTSIDE}: ignored; any other: bad), from one grouping set. */
    String stats(String measuredView, List<Metering.Meter> meters) {
        return "SELECT reason, sum(n_rows) AS n FROM " + measuredView + " WHERE gid = "
                + groupingId(meters.get(0), meters) + " GROUP BY reason";
    }

    /**
     * Every measured meter's figures from the good rows, one relation: (app, meter, day, dim, n, d): meter is the
     * meter's index; day the epoch day (null for a monthly figure); dim the dimension value (null without one);
     * n a whole figure, d a decimal one.
     */
    String items(Map<String, String> measuredViews, List<Metering.Meter> meters) {
        List<String> parts = new ArrayList<>();
        for (Metering.Meter m : meters) {
            String view = measuredViews.get(m.source());
            if (view == null) {
                continue;
            }
            List<Metering.Meter> ofSource = meters.stream().filter(o -> o.source().equals(m.source())).toList();
            String value = "a" + m.index();
            boolean dec = m.decimalValue();
            parts.add("SELECT app, " + m.index() + " AS meter, " + (m.daily() ? "day" : "CAST(NULL AS INT)")
                    + " AS day, " + (m.shape() == Metering.Shape.DAILY ? "CAST(" + d.id(m.dimension()) + " AS STRING)"
                    : "CAST(NULL AS STRING)") + " AS dim, "
                    + (dec ? "CAST(NULL AS BIGINT)" : "CAST(" + value + " AS BIGINT)") + " AS n, "
                    + (dec ? "CAST(" + value + " AS " + DECIMAL + ")" : "CAST(NULL AS " + DECIMAL + ")") + " AS d FROM "
                    + view + " WHERE reason IS NULL AND gid = " + groupingId(m, ofSource));
        }
        return String.join(" UNION ALL ", parts);
    }

    /** The first refused rows in input order, each with its text as read (the line, or a Parquet row's values). */
    String details(String checkedView, String rawView, RawInput in, Metering.Source source, int limit) {
        String text;
        if (in.format() == RawInput.Format.PARQUET) {
            StringBuilder b = new StringBuilder("concat_ws(','");
            for (String c : source.allColumns()) {
                b.append(", coalesce(CAST(r.").append(d.id(in.columns().get(c).physical())).append(" AS STRING), '')");
            }
            text = b.append(")").toString();
        } else {
            text = "r.line";
        }
        return "SELECT c.file, c.split, c.idx, c.reason, " + text + " AS text FROM (SELECT file, split, idx, reason FROM "
                + checkedView + " WHERE reason IS NOT NULL AND reason <> " + d.str(OUTSIDE)
                + " ORDER BY file, split, idx LIMIT " + limit + ") c JOIN " + rawView
                + " r ON r.file = c.file AND r.split = c.split AND r.idx = c.idx ORDER BY c.file, c.split, c.idx";
    }

}
