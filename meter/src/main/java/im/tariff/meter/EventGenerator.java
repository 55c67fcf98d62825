package im.tariff.meter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Seeded raw events with known figures, for any catalog: for every event source its measured meters read, the
 * events of N apps over a month, and the requests that metering them must give. A source whose meters count
 * distinct ids gets about 1-3 events per active id and day (one at 00:00:00 and one at 23:59:59 local time);
 * any other source gets three snapshots a day (per dimension value, on about half of the days). Each app has one
 * event just before and one just after the month in each of its sources. The expected figures are computed from
 * the very events written (a reference aggregation in Java), and the request is built by the same code as the
 * meter's, so a metered request and an expected one are the same text.
 *
 * <p>Writes {@code NAME.csv} and/or {@code NAME.parquet} (folders of part files) for each source, {@code
 * accounts.jsonl} (about half of the apps, plans drawn from the catalog) and {@code expected-requests.jsonl}.
 */
final class EventGenerator {

    record Settings(int apps, long events, YearMonth month, long seed, String zone, String defaultPlan) {
    }

    record Totals(Map<String, Long> rows, long outside) {
    }

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final long ROWS_PER_PART = 2_500_000;

    private final Settings s;
    private final Metering metering;
    private final ZoneId zone;
    private final List<String> plans;
    private final String defaultPlan;

    EventGenerator(Settings s, Metering metering, List<String> plans) {
        this.s = s;
        this.metering = metering;
        this.zone = ZoneId.of(s.zone() != null ? s.zone() : metering.timeZone());
        this.plans = plans;
        this.defaultPlan = s.defaultPlan() != null ? s.defaultPlan() : metering.defaultPlan();
    }

    /** {@code tariff meter-generate}: the exit status. */
    static int command(Settings s, Path rulesDir, Path out, boolean csv, boolean parquet, PrintStream err)
            throws IOException {
        BillingBridge.Rules rules;
        Metering metering;
        List<String> plans;
        try {
            rules = rulesDir == null ? BillingBridge.Rules.bundled() : BillingBridge.Rules.fromDirectory(rulesDir);
            metering = BillingBridge.metering(rules);
            plans = BillingBridge.planCodes(rules);
        } catch (BillingBridge.BadRulesException e) {
            err.println(e.getMessage());
            err.println("error: the rules do not compile");
            return MeterJob.BAD_RULES;
        }
        if (metering.meters().isEmpty()) {
            err.println("error: the catalog of these rules declares no meter measured from raw events");
            return MeterJob.BAD_INPUT;
        }
        if (s.zone() == null && metering.timeZone() == null) {
            err.println("error: the catalog declares no time zone; give --zone");
            return MeterJob.BAD_INPUT;
        }
        Totals t = new EventGenerator(s, metering, plans).write(out, csv, parquet);
        StringBuilder b = new StringBuilder();
        t.rows().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(" ").append(v));
        err.printf("meter-generate: %d apps; events: %s (%d outside the month); in %s%n", s.apps(), b, t.outside(), out);
        return MeterJob.OK;
    }

    static String appId(int a) {
        return String.valueOf(1_400_000_001L + a);
    }

    private static long mix(long seed, long a, long d) {
        return seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + d * 0x165667B19E3779F9L;
    }

    private boolean counted(Metering.Source src) {
        return src.columns().stream().anyMatch(c -> c.kind() == Metering.Kind.ID);
    }

    private double meanIds() {
        long countedSources = Math.max(1, metering.sources().stream().filter(this::counted).count());
        // about 2 events per active id, about 0.9 of the days active
        return Math.max(1.0, s.events() / (countedSources * s.apps() * (double) s.month().lengthOfMonth() * 2.0 * 0.9));
    }

    /** One event: the values of the source's columns (after appId and time). */
    private record Event(long millis, Object[] values) {
    }

    /** The events of one app and day in one source (the day index -1 / length: the events outside the month). */
    private List<Event> events(int a, int d, int srcIndex, Metering.Source src, double weight, int pool) {
        List<Event> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(mix(s.seed() + 31L * srcIndex, a, d));
        int days = s.month().lengthOfMonth();
        long start = s.month().atDay(1).plusDays(d).atStartOfDay(zone).toInstant().toEpochMilli();
        long end = s.month().atDay(1).plusDays(d + 1L).atStartOfDay(zone).toInstant().toEpochMilli();
        long span = end - start;
        List<Metering.Column> cols = src.columns();
        Metering.Column dim = cols.stream().filter(c -> c.kind() == Metering.Kind.DIMENSION).findFirst().orElse(null);
        if (counted(src)) {
            boolean active = d == 0 || r.nextDouble() < 0.9;
            if (active) {
                int ids = (int) Math.min(pool, Math.max(1, Math.round(meanIds() * weight * (0.5 + r.nextDouble()))));
                int offset = r.nextInt(pool);
                for (int k = 0; k < ids; k++) {
                    String id = "u" + ((offset + k) % pool);
                    int times = 1 + r.nextInt(3);
                    for (int t = 0; t < times; t++) {
                        long at = k == 0 && t == 0 ? start : k == 0 && t == 1 ? end - 1000
                                : start + r.nextLong(span / 1000) * 1000 + r.nextInt(1000);
                        out.add(new Event(at, values(cols, id, r, pool, null)));
                    }
                }
            }
        } else {
            List<String> keys = dim == null ? java.util.Collections.singletonList(null) : new ArrayList<>(dim.values());
            long base = 50 + r.nextInt(5000) * (long) Math.max(1, pool / 10);
            for (String key : keys) {
                if (dim != null && r.nextDouble() >= 0.5) {
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    out.add(new Event(start + r.nextLong(span), values(cols, null, r, base, key)));
                }
            }
        }
        if (d == 0) {
            out.add(new Event(start - 1000, values(cols, "u0", r, pool, dim == null ? null : dim.values().iterator().next())));
        }
        if (d == days - 1) {
            out.add(new Event(end, values(cols, "u0", r, pool, dim == null ? null : dim.values().iterator().next())));
        }
        return out;
    }

    private static Object[] values(List<Metering.Column> cols, String id, SplittableRandom r, long base, String key) {
        Object[] v = new Object[cols.size()];
        for (int i = 0; i < v.length; i++) {
            Metering.Column c = cols.get(i);
            v[i] = switch (c.kind()) {
                case ID -> id != null ? id : "u" + r.nextInt(1000);
                case DIMENSION -> key != null ? key : new ArrayList<>(c.values()).get(r.nextInt(c.values().size()));
                case WHOLE -> base + r.nextInt(1000);
                case DECIMAL -> BigDecimal.valueOf(r.nextInt(5001), 2);
            };
        }
        return v;
    }

    /** A time as text: mostly ISO-8601 with the zone's offset, some in UTC ("…Z"), some epoch milliseconds. */
    private String timeText(long millis, long selector) {
        int k = (int) Math.floorMod(selector, 10);
        Instant i = Instant.ofEpochMilli(millis);
        if (k < 6) {
            return OFFSET.format(i.atZone(zone));
        }
        if (k < 8) {
            return UTC.format(i.atOffset(ZoneOffset.UTC));
        }
        return Long.toString(millis);
    }

    Totals write(Path out, boolean csv, boolean parquet) throws IOException {
        Files.createDirectories(out);
        List<Metering.Source> sources = metering.sources();
        int days = s.month().lengthOfMonth();
        int first = (int) s.month().atDay(1).toEpochDay();
        long totalRows = (long) (meanIds() * 2 * 0.9 * days * s.apps());
        int parts = (int) Math.max(1, Math.min(64, totalRows / ROWS_PER_PART));
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        long outside = 0;
        List<Writer> csvParts = new ArrayList<>();
        Map<String, Writer[]> csvBySource = new HashMap<>();
        Connection duck = null;
        Map<String, DuckDBAppender> appenders = new HashMap<>();
        try {
            for (Metering.Source src : sources) {
                rows.put(src.name(), 0L);
                if (csv) {
                    Path dir = Files.createDirectories(out.resolve(src.name() + ".csv"));
                    Writer[] ws = new Writer[counted(src) ? parts : 1];
                    for (int p = 0; p < ws.length; p++) {
                        ws[p] = new BufferedWriter(Files.newBufferedWriter(dir.resolve(String.format("part-%05d.csv", p)),
                                StandardCharsets.UTF_8), 1 << 16);
                        ws[p].write(String.join(",", header(src)) + "\n");
                        csvParts.add(ws[p]);
                    }
                    csvBySource.put(src.name(), ws);
                }
            }
            if (parquet) {
                duck = DriverManager.getConnection("jdbc:duckdb:");
                for (Metering.Source src : sources) {
                    try (Statement st = duck.createStatement()) {
                        st.execute("CREATE TABLE " + Dialect.DUCKDB.id(src.name()) + " (" + ddl(src) + ")");
                    }
                    appenders.put(src.name(), duck.unwrap(DuckDBConnection.class).createAppender(
                            DuckDBConnection.DEFAULT_SCHEMA, src.name()));
                }
            }
            try (Writer acc = Files.newBufferedWriter(out.resolve("accounts.jsonl"), StandardCharsets.UTF_8);
                 Writer exp = new BufferedWriter(Files.newBufferedWriter(out.resolve("expected-requests.jsonl"),
                         StandardCharsets.UTF_8), 1 << 16)) {
                for (int a = 0; a < s.apps(); a++) {
                    SplittableRandom r = new SplittableRandom(mix(s.seed(), a, -1));
                    double weight = 0.2 + 1.6 * r.nextDouble();
                    int pool = (int) Math.max(10, Math.ceil(meanIds() * weight * 3));
                    boolean[] has = new boolean[sources.size()];
                    int snapshots = 0;
                    for (int i = 0; i < sources.size(); i++) {
                        has[i] = counted(sources.get(i)) || r.nextDouble() < (snapshots++ == 0 ? 0.6 : 0.3);
                    }
                    String plan = r.nextDouble() < 0.5 ? plans.get(r.nextInt(plans.size())) : null;
                    String id = appId(a);
                    Expected expected = new Expected(sources);
                    int part = (int) ((long) a * parts / s.apps());
                    for (int i = 0; i < sources.size(); i++) {
                        if (!has[i]) {
                            continue;
                        }
                        Metering.Source src = sources.get(i);
                        long n = 0;
                        for (int d = 0; d < days; d++) {
                            for (Event e : events(a, d, i, src, weight, pool)) {
                                int day = (int) Math.floorDiv(e.millis() + zone.getRules()
                                        .getOffset(Instant.ofEpochMilli(e.millis())).getTotalSeconds() * 1000L,
                                        86_400_000L);
                                if (day < first || day >= first + days) {
                                    outside++;
                                } else {
                                    expected.add(src, day, e.values());
                                }
                                if (csv) {
                                    Writer[] ws = csvBySource.get(src.name());
                                    csvRow(ws[ws.length == 1 ? 0 : part], id, timeText(e.millis(), (long) a * 7919 + n), e.values());
                                }
                                if (parquet) {
                                    DuckDBAppender ap = appenders.get(src.name());
                                    ap.beginRow().append(id).append(e.millis());
                                    for (Object v : e.values()) {
                                        if (v instanceof String t) {
                                            ap.append(t);
                                        } else if (v instanceof Long l) {
                                            ap.append(l.longValue());
                                        } else {
                                            ap.append((BigDecimal) v);
                                        }
                                    }
                                    ap.endRow();
                                }
                                n++;
                            }
                        }
                        rows.merge(src.name(), n, Long::sum);
                    }
                    ObjectNode account = null;
                    if (plan != null) {
                        account = RequestJson.MAPPER.createObjectNode();
                        account.put("appId", id);
                        account.put("billingMonth", s.month().toString());
                        account.put("plan", plan);
                        acc.write(RequestJson.text(account));
                        acc.write('\n');
                    }
                    exp.write(RequestJson.text(RequestJson.request(id, account, s.month(), defaultPlan,
                            metering.meters(), expected.usage(metering.meters()))));
                    exp.write('\n');
                }
            }
            for (Writer w : csvParts) {
                w.close();
            }
            if (parquet) {
                for (Metering.Source src : sources) {
                    appenders.get(src.name()).close();
                    Path dir = Files.createDirectories(out.resolve(src.name() + ".parquet"));
                    try (Statement st = duck.createStatement()) {
                        st.execute("COPY " + Dialect.DUCKDB.id(src.name()) + " TO " + Dialect.DUCKDB.str(
                                dir.resolve("part-00000.parquet").toString()) + " (FORMAT parquet)");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("writing Parquet: " + e.getMessage(), e);
        } finally {
            for (Writer w : csvParts) {
                w.close();
            }
            if (duck != null) {
                try {
                    duck.close();
                } catch (SQLException e) {
                    // closing only
                }
            }
        }
        return new Totals(rows, outside);
    }

    private static List<String> header(Metering.Source src) {
        List<String> h = new ArrayList<>(List.of(Metering.APP_ID, Metering.TIME));
        src.columns().forEach(c -> h.add(c.name()));
        return h;
    }

    private static String ddl(Metering.Source src) {
        StringBuilder b = new StringBuilder(Dialect.DUCKDB.id(Metering.APP_ID) + " VARCHAR, "
                + Dialect.DUCKDB.id(Metering.TIME) + " BIGINT");
        for (Metering.Column c : src.columns()) {
            b.append(", ").append(Dialect.DUCKDB.id(c.name())).append(switch (c.kind()) {
                case WHOLE -> " BIGINT";
                case DECIMAL -> " DECIMAL(18,2)";
                default -> " VARCHAR";
            });
        }
        return b.toString();
    }

    private static void csvRow(Writer w, String appId, String time, Object[] values) throws IOException {
        w.write(appId);
        w.write(',');
        w.write(time);
        for (Object v : values) {
            w.write(',');
            w.write(v instanceof BigDecimal b ? b.toPlainString() : v.toString());
        }
        w.write('\n');
    }

    /** The reference figures of one app: each source's events by day, aggregated per meter at the end. */
    private static final class Expected {
        private final Map<String, List<String>> columns = new HashMap<>();
        /** source → day → the events' values (in the source's column order) */
        private final Map<String, TreeMap<Integer, List<Object[]>>> byDay = new HashMap<>();

        Expected(List<Metering.Source> sources) {
            for (Metering.Source src : sources) {
                columns.put(src.name(), src.columns().stream().map(Metering.Column::name).toList());
            }
        }

        void add(Metering.Source src, int day, Object[] values) {
            byDay.computeIfAbsent(src.name(), k -> new TreeMap<>()).computeIfAbsent(day, k -> new ArrayList<>())
                    .add(values);
        }

        RequestJson.Usage usage(List<Metering.Meter> meters) {
            RequestJson.Usage u = new RequestJson.Usage();
            for (Metering.Meter m : meters) {
                TreeMap<Integer, List<Object[]>> days = byDay.get(m.source());
                if (days == null || days.isEmpty()) {
                    continue;
                }
                int col = columns.get(m.source()).indexOf(m.column());
                int dimCol = m.shape() == Metering.Shape.DAILY ? columns.get(m.source()).indexOf(m.dimension()) : -1;
                Set<Object> month = new HashSet<>();
                Number monthSum = null;
                for (Map.Entry<Integer, List<Object[]>> e : days.entrySet()) {
                    Set<Object> distinct = new HashSet<>();
                    Map<String, Number> agg = new TreeMap<>();
                    for (Object[] v : e.getValue()) {
                        String key = dimCol >= 0 ? (String) v[dimCol] : "";
                        Object x = v[col];
                        switch (m.agg()) {
                            case DISTINCT_PER_DAY -> distinct.add(x);
                            case DISTINCT_PER_MONTH -> month.add(x);
                            case DAILY_MAX -> agg.merge(key, (Number) x, EventGenerator::max);
                            case SUM -> {
                                if (m.daily()) {
                                    agg.merge(key, (Number) x, EventGenerator::add);
                                } else {
                                    monthSum = monthSum == null ? (Number) x : EventGenerator.add(monthSum, (Number) x);
                                }
                            }
                        }
                    }
                    if (!distinct.isEmpty()) {
                        u.put(m.index(), e.getKey(), null, (long) distinct.size());
                    }
                    agg.forEach((k, v) -> u.put(m.index(), e.getKey(), k, v));
                }
                if (!month.isEmpty()) {
                    u.put(m.index(), null, null, (long) month.size());
                }
                if (monthSum != null) {
                    u.put(m.index(), null, null, monthSum);
                }
            }
            return u;
        }
    }

    private static Number max(Number a, Number b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b) >= 0 ? x : b;
        }
        return Math.max(a.longValue(), b.longValue());
    }

    private static Number add(Number a, Number b) {
        if (a instanceof BigDecimal x) {
            return x.add((BigDecimal) b);
        }
        return a.longValue() + b.longValue();
    }
}
