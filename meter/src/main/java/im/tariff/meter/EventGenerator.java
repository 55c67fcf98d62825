package im.tariff.meter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Seeded raw events with known answers, for tests and benchmarks. Every (app, day) draws from its own random
 * stream, so the events do not depend on how Spark splits the work, and the expected figures are known by
 * construction: a day's DAU is the number of distinct users the generator lets log in that day (each 1 to 3
 * times, one of them at 00:00:00 and at 23:59:59 local time); its group count and barrage peaks are the largest
 * values it wrote. Two logins per app fall just outside the month (the second before it, the second after it).
 *
 * <p>Writes logins, groups and barrage as {@code NAME.csv} / {@code NAME.parquet} (folders of part files, as Spark
 * writes them; the meter reads such folders), {@code accounts.jsonl} (about half of the apps, plans drawn from
 * the tariff's catalog) and {@code expected-requests.jsonl} (one request per app, ordered by appId, the same text
 * the meter writes to requests.jsonl).
 */
final class EventGenerator {

    record Settings(int apps, long events, YearMonth month, long seed, ZoneId zone, String defaultPlan)
            implements Serializable {
    }

    record Totals(long logins, long loginsOutside, long groups, long barrage) {
    }

    private final SparkSession spark;
    private final Settings s;

    EventGenerator(SparkSession spark, Settings s) {
        this.spark = spark;
        this.s = s;
    }

    static String appId(int a) {
        return String.valueOf(1_400_000_001L + a);
    }

    /** What one (app, day) writes, and the figures that follow from it. */
    interface Sink {
        void login(String user, long millis);

        void group(long millis, long groups);

        void barrage(long millis, String region, BigDecimal mbps);
    }

    /** Per app: its size, user pool, which inputs it has, its account's plan (or null). */
    record App(double weight, int pool, boolean groups, boolean barrage, String plan) implements Serializable {
    }

    static App app(Settings s, int a, List<String> plans) {
        SplittableRandom r = new SplittableRandom(mix(s.seed(), a, -1));
        double w = 0.2 + 1.6 * r.nextDouble();
        int pool = (int) Math.max(10, Math.ceil(meanDau(s) * w * 3));
        boolean g = r.nextDouble() < 0.6;
        boolean b = r.nextDouble() < 0.3;
        String plan = r.nextDouble() < 0.5 ? plans.get(r.nextInt(plans.size())) : null;
        return new App(w, pool, g, b, plan);
    }

    private static double meanDau(Settings s) {
        // about 2 logins per active user, about 0.9 of the days active
        return Math.max(1.0, s.events() / (s.apps() * (double) s.month().lengthOfMonth() * 2.0 * 0.9));
    }

    /**
     * Writes the events of app a on day index d (0 = the 1st) into sink and returns the day's expected figures:
     * [dau, groups or -1]; barrage peaks are added to peaks (region → peak) when given.
     */
    static long[] day(Settings s, int a, App app, int d, List<String> regions, Sink sink,
                      java.util.Map<String, BigDecimal> peaks) {
        SplittableRandom r = new SplittableRandom(mix(s.seed(), a, d));
        LocalDate date = s.month().atDay(d + 1);
        long start = date.atStartOfDay(s.zone()).toInstant().toEpochMilli();
        long end = date.plusDays(1).atStartOfDay(s.zone()).toInstant().toEpochMilli();
        long span = end - start;
        boolean active = d == 0 || r.nextDouble() < 0.9;
        int dau = 0;
        if (active) {
            dau = (int) Math.min(app.pool(), Math.max(1, Math.round(meanDau(s) * app.weight() * (0.5 + r.nextDouble()))));
            int offset = r.nextInt(app.pool());
            for (int k = 0; k < dau; k++) {
                String user = "u" + ((offset + k) % app.pool());
                int times = 1 + r.nextInt(3);
                for (int t = 0; t < times; t++) {
                    long at;
                    if (k == 0 && t == 0) {
                        at = start;                      // 00:00:00
                    } else if (k == 0 && t == 1) {
                        at = end - 1000;                 // 23:59:59
                    } else {
                        at = start + r.nextLong(span / 1000) * 1000 + r.nextInt(1000);
                    }
                    sink.login(user, at);
                }
            }
        }
        if (d == 0) {
            sink.login("u0", start - 1000);              // the last second before the month
        }
        if (d == s.month().lengthOfMonth() - 1) {
            sink.login("u0", end);                       // the first second after it
        }
        long groups = -1;
        if (app.groups()) {
            long base = 50 + r.nextInt(5000) * (long) Math.max(1, app.pool() / 10);
            for (int i = 0; i < 3; i++) {
                long v = base + r.nextInt(1000);
                groups = Math.max(groups, v);
                sink.group(start + r.nextLong(span), v);
            }
        }
        if (app.barrage()) {
            for (String region : regions) {
                if (r.nextDouble() < 0.5) {
                    BigDecimal peak = null;
                    for (int i = 0; i < 3; i++) {
                        BigDecimal v = BigDecimal.valueOf(r.nextInt(5001), 2);
                        peak = peak == null || v.compareTo(peak) > 0 ? v : peak;
                        sink.barrage(start + r.nextLong(span), region, v);
                    }
                    if (peaks != null) {
                        peaks.put(region, peak);
                    }
                }
            }
        }
        return new long[] {dau, groups};
    }

    private static long mix(long seed, long a, long d) {
        return seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + d * 0x165667B19E3779F9L;
    }

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** A time as text: mostly ISO-8601 with the zone's offset, some in UTC ("…Z"), some epoch milliseconds. */
    static String timeText(long millis, ZoneId zone, long selector) {
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

    Totals write(String out, boolean csv, boolean parquet) throws IOException {
        Settings st = s;
        int days = s.month().lengthOfMonth();
        List<String> regions;
        List<String> plans;
        try {
            // events for the bundled tariff: its barrage regions and its plans
            regions = BillingBridge.regions(BillingBridge.Rules.bundled());
            plans = BillingBridge.planCodes(BillingBridge.Rules.bundled());
        } catch (BillingBridge.BadRulesException e) {
            throw new IllegalStateException(e);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        long cells = (long) s.apps() * days;
        int slices = (int) Math.max(1, Math.min(256, Math.max(jsc.defaultParallelism(), s.events() / 3_000_000)));
        List<Long> bounds = new ArrayList<>();
        for (int i = 0; i <= slices; i++) {
            bounds.add(cells * i / slices);
        }
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i < slices; i++) {
            ranges.add(new long[] {bounds.get(i), bounds.get(i + 1)});
        }
        JavaRDD<long[]> work = jsc.parallelize(ranges, slices);

        for (String kind : List.of("logins", "groups", "barrage")) {
            for (boolean text : new boolean[] {true, false}) {
                if (text ? !csv : !parquet) {
                    continue;
                }
                JavaRDD<Row> rows = work.flatMap(cells(st, days, regions, plans, kind, text));
                var df = spark.createDataFrame(rows, schema(kind, text));
                String path = new Path(out, kind + (text ? ".csv" : ".parquet")).toString();
                if (text) {
                    df.write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
                } else {
                    df.write().mode(SaveMode.Overwrite).parquet(path);
                }
            }
        }
        return expected(out, regions, plans);
    }

    private static org.apache.spark.api.java.function.FlatMapFunction<long[], Row> cells(
            Settings st, int days, List<String> regions, List<String> plans, String kind, boolean text) {
        return rg -> new java.util.Iterator<Row>() {
            private final java.util.ArrayDeque<Row> buf = new java.util.ArrayDeque<>();
            private long next = rg[0];

            @Override
            public boolean hasNext() {
                while (buf.isEmpty() && next < rg[1]) {
                    cell(st, next++, days, regions, plans, kind, text, buf);
                }
                return !buf.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return buf.poll();
            }
        };
    }

    /** The rows of one input that one (app, day) cell writes. */
    private static void cell(Settings st, long c, int days, List<String> regions, List<String> plans, String kind,
                             boolean text, java.util.Collection<Row> rs) {
        int a = (int) (c / days);
        int d = (int) (c % days);
        App app = app(st, a, plans);
        String id = appId(a);
        long[] n = {0};
        day(st, a, app, d, regions, new Sink() {
            @Override
            public void login(String user, long millis) {
                if (kind.equals("logins")) {
                    rs.add(RowFactory.create(id, user, text ? timeText(millis, st.zone(), c * 31 + n[0]++)
                            : (Object) millis));
                }
            }

            @Override
            public void group(long millis, long groups) {
                if (kind.equals("groups")) {
                    rs.add(RowFactory.create(id, text ? timeText(millis, st.zone(), c * 7 + n[0]++)
                            : (Object) millis, groups));
                }
            }

            @Override
            public void barrage(long millis, String region, BigDecimal mbps) {
                if (kind.equals("barrage")) {
                    rs.add(RowFactory.create(id, text ? timeText(millis, st.zone(), c * 5 + n[0]++)
                            : (Object) millis, region, text ? (Object) mbps.toPlainString() : mbps));
                }
            }
        }, null);
    }

    private static StructType schema(String kind, boolean text) {
        DataType time = text ? DataTypes.StringType : DataTypes.LongType;
        return switch (kind) {
            case "logins" -> new StructType(new StructField[] {
                    DataTypes.createStructField("appId", DataTypes.StringType, false),
                    DataTypes.createStructField("userId", DataTypes.StringType, false),
                    DataTypes.createStructField("time", time, false)});
            case "groups" -> new StructType(new StructField[] {
                    DataTypes.createStructField("appId", DataTypes.StringType, false),
                    DataTypes.createStructField("time", time, false),
                    DataTypes.createStructField("groups", DataTypes.LongType, false)});
            default -> new StructType(new StructField[] {
                    DataTypes.createStructField("appId", DataTypes.StringType, false),
                    DataTypes.createStructField("time", time, false),
                    DataTypes.createStructField("region", DataTypes.StringType, false),
                    DataTypes.createStructField("mbps", text ? DataTypes.StringType : DataTypes.createDecimalType(10, 2),
                            false)});
        };
    }

    /** accounts.jsonl and expected-requests.jsonl, computed on the driver from the same random streams. */
    private Totals expected(String out, List<String> regions, List<String> plans) throws IOException {
        FileSystem fs = new Path(out).getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.setWriteChecksum(false);
        long[] totals = new long[4];
        Sink counter = new Sink() {
            @Override
            public void login(String user, long millis) {
                totals[0]++;
            }

            @Override
            public void group(long millis, long groups) {
                totals[2]++;
            }

            @Override
            public void barrage(long millis, String region, BigDecimal mbps) {
                totals[3]++;
            }
        };
        try (Writer acc = writer(fs, new Path(out, "accounts.jsonl"));
             Writer exp = writer(fs, new Path(out, "expected-requests.jsonl"))) {
            for (int a = 0; a < s.apps(); a++) {
                App app = app(s, a, plans);
                RequestJson.Series series = new RequestJson.Series();
                for (int d = 0; d < s.month().lengthOfMonth(); d++) {
                    java.util.TreeMap<String, BigDecimal> peaks = new java.util.TreeMap<>();
                    long[] f = day(s, a, app, d, regions, counter, peaks);
                    int epochDay = (int) s.month().atDay(d + 1).toEpochDay();
                    if (f[0] > 0) {
                        series.dau.put(epochDay, f[0]);
                    }
                    if (f[1] >= 0) {
                        series.groups.put(epochDay, f[1]);
                    }
                    if (!peaks.isEmpty()) {
                        series.barrage.put(epochDay, peaks);
                    }
                }
                ObjectNode account = null;
                if (app.plan() != null) {
                    account = RequestJson.MAPPER.createObjectNode();
                    account.put("appId", appId(a));
                    account.put("billingMonth", s.month().toString());
                    account.put("plan", app.plan());
                    acc.write(RequestJson.text(account));
                    acc.write('\n');
                }
                exp.write(RequestJson.text(RequestJson.request(appId(a), account, s.month(), s.defaultPlan(), series)));
                exp.write('\n');
            }
        }
        long outside = 2L * s.apps();
        return new Totals(totals[0], outside, totals[2], totals[3]);
    }

    private static Writer writer(FileSystem fs, Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8), 1 << 16);
    }
}
