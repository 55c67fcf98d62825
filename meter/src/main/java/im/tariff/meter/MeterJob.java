package im.tariff.meter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The metering job: raw events → daily series per app → requests → bills (evaluated in the executors) →
 * requests.jsonl, bills.jsonl (ordered by appId) and summary.json in the output folder.
 */
public final class MeterJob {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int BAD_RULES = 3;

    private final SparkSession spark;
    private final PrintStream err;

    public MeterJob(SparkSession spark, PrintStream err) {
        this.spark = spark;
        this.err = err;
    }

    /** Runs the job; returns the exit status. Bad input is reported on err in plain words. */
    int run(MeterOptions o) throws IOException {
        long t0 = System.nanoTime();
        BillingBridge.Rules rules;
        try {
            rules = o.rules() == null ? BillingBridge.Rules.bundled() : BillingBridge.Rules.fromDirectory(o.rules());
            BillingBridge.check(rules);
        } catch (IOException e) {
            err.println("error: --rules " + o.rules() + ": cannot be read (" + e.getMessage() + ")");
            return BAD_INPUT;
        } catch (BillingBridge.BadRulesException e) {
            err.println(e.getMessage());
            err.println("error: the rules do not compile");
            return BAD_RULES;
        }
        StatsAccumulator stats = new StatsAccumulator();
        spark.sparkContext().register(stats, "tariff meter input stats");
        EventSources sources = new EventSources(spark, stats);
        EventTime time = new EventTime(o.month(), o.zone());
        LinkedHashSet<String> regions;
        try {
            regions = new LinkedHashSet<>(BillingBridge.regions(rules)); // compiled above: cannot fail now
        } catch (BillingBridge.BadRulesException e) {
            throw new IllegalStateException(e);
        }

        Dataset<Row> items;
        Dataset<Row> accounts = null;
        try {
            items = dau(sources.read(Input.LOGINS, o.logins(), new EventParser(Input.LOGINS, time, regions)));
            if (o.groups() != null) {
                items = items.unionByName(groups(sources.read(Input.GROUPS, o.groups(),
                        new EventParser(Input.GROUPS, time, regions))));
            }
            if (o.barrage() != null) {
                items = items.unionByName(barrage(sources.read(Input.BARRAGE, o.barrage(),
                        new EventParser(Input.BARRAGE, time, regions))));
            }
            if (o.accounts() != null) {
                accounts = sources.accounts(o.accounts());
                items = items.unionByName(accountItems(accounts));
            }
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        }

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<BillingBridge.Rules> shipped = jsc.broadcast(rules);
        Dataset<Row> perApp = items.groupBy(col("appId"))
                .agg(collect_list(struct(col("kind"), col("day"), col("region"), col("count"), col("mbps"),
                        col("line"), col("text"))).as("items"))
                .orderBy(col("appId").asc_nulls_last());
        Dataset<Row> evaluated = perApp
                .mapPartitions(new Evaluator(shipped, o.month(), o.defaultPlan()),
                        org.apache.spark.sql.Encoders.row(Evaluator.OUT))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            try {
                evaluated.count();
            } catch (Exception e) {
                String unreadable = unreadable(e);
                if (unreadable == null) {
                    throw e;
                }
                err.println("error: an input file could not be read: " + unreadable);
                return BAD_INPUT;
            }
            Configuration conf = spark.sparkContext().hadoopConfiguration();
            Path out = new Path(o.out());
            FileSystem fs = out.getFileSystem(conf);
            fs.setWriteChecksum(false);
            fs.mkdirs(out);
            Path tmp = new Path(out, ".meter-" + UUID.randomUUID());
            try {
                evaluated.filter(col("request").isNotNull()).select(col("request")).write().text(
                        new Path(tmp, "requests").toString());
                evaluated.select(col("out")).write().text(new Path(tmp, "bills").toString());
                concat(fs, new Path(tmp, "requests"), new Path(out, "requests.jsonl"));
                concat(fs, new Path(tmp, "bills"), new Path(out, "bills.jsonl"));
            } finally {
                fs.delete(tmp, true);
            }
            ObjectNode summary = summary(o, stats.value(), evaluated, accounts);
            try (OutputStream os = fs.create(new Path(out, "summary.json"), true)) {
                os.write(RequestJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
                os.write('\n');
            }
            report(summary);
            double secs = (System.nanoTime() - t0) / 1e9;
            long events = summary.path("inputs").path("logins").path("read").asLong()
                    + summary.path("inputs").path("groups").path("read").asLong()
                    + summary.path("inputs").path("barrage").path("read").asLong();
            err.printf("meter: %d apps, %d events in %.1f s (%.0f events/s); wrote %s%n",
                    summary.path("apps").asLong(), events, secs, events / secs, o.out());
            return OK;
        } finally {
            evaluated.unpersist();
        }
    }

    // --- per-app items: (appId, kind, day, region, count, mbps, line, text) -----------------------------------

    private static Dataset<Row> shape(Dataset<Row> d, int kind, Column day, Column region, Column count, Column mbps,
                                      Column line, Column text) {
        return d.select(col("appId"), lit(kind).as("kind"), day.as("day"), region.as("region"), count.as("count"),
                mbps.as("mbps"), line.as("line"), text.as("text"));
    }

    private static final Column NO_TEXT = lit(null).cast(DataTypes.StringType);
    private static final Column NO_COUNT = lit(null).cast(DataTypes.LongType);
    private static final Column NO_DAY = lit(null).cast(DataTypes.IntegerType);
    private static final Column NO_MBPS = lit(null).cast(DataTypes.createDecimalType(38, EventParser.MBPS_SCALE));

    /** Daily DAU: the exact number of distinct users of the app that logged in that day. */
    static Dataset<Row> dau(Dataset<Row> logins) {
        Dataset<Row> d = logins.groupBy(col("appId"), col("day")).agg(count_distinct(col("userId")).as("n"));
        return shape(d, Evaluator.KIND_DAU, col("day"), NO_TEXT, col("n"), NO_MBPS, NO_COUNT, NO_TEXT);
    }

    /** A day's group count: its highest snapshot. */
    static Dataset<Row> groups(Dataset<Row> snapshots) {
        Dataset<Row> d = snapshots.groupBy(col("appId"), col("day")).agg(max(col("groups")).as("n"));
        return shape(d, Evaluator.KIND_GROUPS, col("day"), NO_TEXT, col("n"), NO_MBPS, NO_COUNT, NO_TEXT);
    }

    /** A day's barrage peak per region: its highest sample. */
    static Dataset<Row> barrage(Dataset<Row> samples) {
        Dataset<Row> d = samples.groupBy(col("appId"), col("day"), col("region")).agg(max(col("mbps")).as("peak"));
        return shape(d, Evaluator.KIND_BARRAGE, col("day"), col("region"), NO_COUNT, col("peak"), NO_COUNT, NO_TEXT);
    }

    private static Dataset<Row> accountItems(Dataset<Row> accounts) {
        return shape(accounts, Evaluator.KIND_ACCOUNT, NO_DAY, NO_TEXT, NO_COUNT, NO_MBPS, col("line"), col("text"));
    }

    // --- output -------------------------------------------------------------------------------------------

    /** Streams the part files of a Spark text output, in partition order, into one file. */
    private static void concat(FileSystem fs, Path parts, Path target) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus f : fs.listStatus(parts)) {
            String n = f.getPath().getName();
            if (f.isFile() && n.startsWith("part-")) {
                files.add(f);
            }
        }
        files.sort(Comparator.comparing(f -> f.getPath().getName()));
        byte[] buf = new byte[1 << 16];
        try (OutputStream os = fs.create(target, true)) {
            for (FileStatus f : files) {
                try (InputStream in = fs.open(f.getPath())) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        os.write(buf, 0, n);
                    }
                }
            }
        }
    }

    private ObjectNode summary(MeterOptions o, List<PartStats> parts, Dataset<Row> evaluated, Dataset<Row> accounts) {
        ObjectNode s = RequestJson.MAPPER.createObjectNode();
        s.put("billingMonth", o.month().toString());
        s.put("zone", o.zone().getId());

        Row counts = evaluated.agg(
                count_distinct(col("appId")).as("apps"),
                sum(when(col("error"), 0).otherwise(1)).as("bills"),
                sum(when(col("error"), 1).otherwise(0)).as("errors"),
                sum(when(col("accountError"), 1).otherwise(0)).as("accountErrors")).first();
        s.put("apps", counts.getLong(0));
        s.put("bills", counts.isNullAt(1) ? 0 : counts.getLong(1));
        s.put("errorRecords", counts.isNullAt(2) ? 0 : counts.getLong(2));

        // input stats: merge the partitions' reports; number bad text rows by file line
        Map<String, List<PartStats>> byInput = new HashMap<>();
        for (PartStats p : parts) {
            byInput.computeIfAbsent(p.input, k -> new ArrayList<>()).add(p);
        }
        ObjectNode inputs = s.putObject("inputs");
        List<ObjectNode> details = new ArrayList<>();
        TreeMap<String, Long> allReasons = new TreeMap<>();
        long badTotal = 0;
        for (Input in : Input.values()) {
            String path = switch (in) {
                case LOGINS -> o.logins();
                case GROUPS -> o.groups();
                case BARRAGE -> o.barrage();
            };
            if (path == null) {
                continue;
            }
            List<PartStats> ps = byInput.getOrDefault(in.label, List.of());
            long read = 0, used = 0, outside = 0, bad = 0;
            TreeMap<String, Long> reasons = new TreeMap<>();
            boolean parquet = path.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet");
            ps.sort(Comparator.comparing((PartStats p) -> p.file).thenComparingLong(p -> p.start));
            Map<String, Long> base = new HashMap<>();
            for (PartStats p : ps) {
                read += p.read;
                used += p.used;
                outside += p.outside;
                p.badByReason.forEach((r, n) -> reasons.merge(r, n, Long::sum));
                long before = base.getOrDefault(p.file, 0L);
                base.put(p.file, before + p.lines);
                for (PartStats.BadRow b : p.bad) {
                    ObjectNode d = RequestJson.MAPPER.createObjectNode();
                    d.put("input", in.label);
                    d.put("file", b.file());
                    if (parquet) {
                        if (b.position() >= 0) {
                            d.put("row", b.position() + 1);
                        }
                    } else {
                        d.put("line", before + b.position() + 1);
                    }
                    d.put("reason", b.reason());
                    if (b.text() != null) {
                        d.put("text", b.text());
                    }
                    details.add(d);
                }
            }
            for (long n : reasons.values()) {
                bad += n;
            }
            ObjectNode i = inputs.putObject(in.label);
            i.put("path", path);
            i.put("read", read);
            i.put("used", used);
            i.put("ignoredOutsideMonth", outside);
            i.put("bad", bad);
            reasons.forEach((r, n) -> allReasons.merge(r, n, Long::sum));
            badTotal += bad;
        }
        if (accounts != null) {
            ObjectNode a = inputs.putObject("accounts");
            a.put("path", o.accounts());
            a.put("read", accounts.count());
            a.put("refused", counts.isNullAt(3) ? 0 : counts.getLong(3));
        }

        details.sort(Comparator.comparing((ObjectNode d) -> d.path("input").asText())
                .thenComparing(d -> d.path("file").asText())
                .thenComparingLong(d -> d.has("line") ? d.path("line").asLong() : d.path("row").asLong()));
        ObjectNode badRows = s.putObject("badRows");
        badRows.put("total", badTotal);
        ObjectNode br = badRows.putObject("byReason");
        allReasons.forEach(br::put);
        badRows.put("detailsShown", Math.min(details.size(), PartStats.DETAIL_CAP));
        ArrayNode da = badRows.putArray("details");
        details.stream().limit(PartStats.DETAIL_CAP).forEach(da::add);

        // revenue per currency: total, by plan, by line code (decimal strings)
        ObjectNode revenue = s.putObject("revenue");
        Dataset<Row> bills = evaluated.filter(col("error").equalTo(false));
        Map<String, ObjectNode> byCurrency = new TreeMap<>();
        List<Row> plans = bills.groupBy(col("currency"), col("plan"))
                .agg(sum(col("total")).as("amount"), org.apache.spark.sql.functions.count(lit(1)).as("bills"))
                .orderBy(col("currency"), col("plan")).collectAsList();
        for (Row r : plans) {
            ObjectNode c = byCurrency.computeIfAbsent(r.getString(0), k -> {
                ObjectNode n = RequestJson.MAPPER.createObjectNode();
                n.put("total", "0.00");
                n.putObject("byPlan");
                n.putObject("billsByPlan");
                n.putObject("byLineCode");
                return n;
            });
            BigDecimal amount = money(r.getDecimal(2));
            ((ObjectNode) c.get("byPlan")).put(r.getString(1), amount.toPlainString());
            ((ObjectNode) c.get("billsByPlan")).put(r.getString(1), r.getLong(3));
            c.put("total", money(new BigDecimal(c.get("total").asText()).add(amount)).toPlainString());
        }
        List<Row> codes = bills.select(col("currency"), explode(col("lines")).as("l"))
                .groupBy(col("currency"), col("l.code")).agg(sum(col("l.amount")).as("amount"))
                .collectAsList();
        Map<String, Map<String, BigDecimal>> perCode = new TreeMap<>();
        for (Row r : codes) {
            perCode.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>()).put(r.getString(1), money(r.getDecimal(2)));
        }
        for (Map.Entry<String, ObjectNode> e : byCurrency.entrySet()) {
            ObjectNode bc = (ObjectNode) e.getValue().get("byLineCode");
            Map<String, BigDecimal> m = perCode.getOrDefault(e.getKey(), Map.of());
            m.keySet().stream().sorted().forEach(k -> bc.put(k, m.get(k).toPlainString()));
            revenue.set(e.getKey(), e.getValue());
        }
        return s;
    }

    /** When a job failed because an input file could not be read: the reason in one line, else null. */
    static String unreadable(Throwable e) {
        String found = null;
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("FAILED_READ_FILE") || c instanceof IOException)) {
                found = m;
            }
        }
        if (found == null) {
            return null;
        }
        String line = found.lines().findFirst().orElse(found);
        return line.replaceAll("\\[[A-Z_.]+\\]\\s*", "");
    }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP);
    }

    /** Bad rows and counts on stderr (the same first rows as summary.json). */
    private void report(ObjectNode summary) {
        ObjectNode bad = (ObjectNode) summary.get("badRows");
        if (bad.path("total").asLong() == 0) {
            return;
        }
        for (var d : bad.get("details")) {
            String at = d.has("line") ? " line " + d.get("line").asLong()
                    : d.has("row") ? " row " + d.get("row").asLong() : "";
            err.println("bad row: " + d.path("input").asText() + " " + d.path("file").asText() + at + ": "
                    + d.path("reason").asText() + (d.has("text") ? ": " + d.path("text").asText() : ""));
        }
        StringBuilder b = new StringBuilder("bad rows: " + bad.path("total").asLong() + " (");
        List<String> parts = new ArrayList<>();
        bad.get("byReason").fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asLong()));
        b.append(String.join(", ", parts)).append(")");
        if (bad.path("total").asLong() > bad.path("detailsShown").asLong()) {
            b.append("; the first ").append(bad.path("detailsShown").asLong()).append(" are listed in summary.json");
        }
        err.println(b);
    }

}
