package im.tariff.meter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * The cluster engine: the same SQL on Apache Spark (local mode or any master), inputs on any Hadoop file system,
 * each app's bill evaluated in the executors (one engine per executor JVM), outputs written by the executors as
 * part files and concatenated in appId order.
 */
final class SparkEngine {

    private static final StructType RAW_TEXT = new StructType(new StructField[] {
            DataTypes.createStructField("file", DataTypes.StringType, false),
            DataTypes.createStructField("split", DataTypes.LongType, false),
            DataTypes.createStructField("idx", DataTypes.LongType, false),
            DataTypes.createStructField("line", DataTypes.StringType, true)});
    static final StructType OUT = new StructType(new StructField[] {
            DataTypes.createStructField("appId", DataTypes.StringType, true),
            DataTypes.createStructField("request", DataTypes.StringType, true),
            DataTypes.createStructField("out", DataTypes.StringType, false)});

    private final SparkSession given;

    SparkEngine(SparkSession given) {
        this.given = given;
    }

    MeterJob.Outcome run(MeterJob.Run run) throws IOException {
        SparkSession spark = given != null ? given
                : Spark.session("tariff meter " + run.options().month(), run.options().master(), run.options().stageTimes());
        try {
            return meter(spark, run);
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }

    private MeterJob.Outcome meter(SparkSession spark, MeterJob.Run run) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String tag = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> checked = new LinkedHashMap<>();
        Map<String, RawInput> inputs = new LinkedHashMap<>();
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            return meter(spark, run, conf, tag, checked, inputs, cached);
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    private MeterJob.Outcome meter(SparkSession spark, MeterJob.Run run, Configuration conf, String tag,
                                   Map<String, String> checked, Map<String, RawInput> inputs,
                                   List<Dataset<Row>> cached) throws IOException {
        try {
            for (Metering.Source s : run.sources()) {
                RawInput in = describe(spark, conf, s, run.path(s));
                String raw = "raw_" + s.name() + "_" + tag;
                rawView(spark, in).createOrReplaceTempView(raw);
                String view = "checked_" + s.name() + "_" + tag;
                spark.sql(run.sql().checked(s, in, raw)).createOrReplaceTempView(view);
                String measured = "measured_" + s.name() + "_" + tag;
                List<Metering.Meter> ofSource = run.metering().meters().stream()
                        .filter(m -> m.source().equals(s.name())).toList();
                Dataset<Row> m = spark.sql(run.sql().measured("SELECT * FROM " + view, ofSource)).persist(StorageLevel.MEMORY_AND_DISK());
                m.createOrReplaceTempView(measured);
                cached.add(m);
                checked.put(s.name(), measured);
                inputs.put(s.name(), in);
            }
        } catch (BadInputException e) {
            run.err().println("error: " + e.getMessage());
            return MeterJob.Outcome.failed(MeterJob.BAD_INPUT);
        }
        Dataset<Row> accounts = null;
        if (run.options().accounts() != null) {
            try {
                accounts = accounts(spark, conf, run.options().accounts());
            } catch (BadInputException e) {
                run.err().println("error: " + e.getMessage());
                return MeterJob.Outcome.failed(MeterJob.BAD_INPUT);
            }
        }
        List<Report.SourceStats> stats = new ArrayList<>();
        Dataset<Row> evaluated = null;
        try {
            for (Metering.Source s : run.sources()) {
                List<Metering.Meter> ofSource = run.metering().meters().stream()
                        .filter(m -> m.source().equals(s.name())).toList();
                stats.add(stats(spark, run, s, inputs.get(s.name()), "raw_" + s.name() + "_" + tag,
                        checked.get(s.name()), "checked_" + s.name() + "_" + tag, ofSource));
            }
            Dataset<Row> items = null;
            List<Metering.Meter> meters = run.metering().meters().stream()
                    .filter(m -> run.options().events().containsKey(m.source())).toList();
            if (!meters.isEmpty()) {
                items = spark.sql(run.sql().items(checked, meters)).select(col("app"), col("meter"), col("day"),
                        col("dim"), col("n"), col("d"), lit(null).cast(DataTypes.LongType).as("line"),
                        lit(null).cast(DataTypes.StringType).as("text"));
            }
            if (accounts != null) {
                Dataset<Row> a = accounts.select(col("appId").as("app"), lit(-1).as("meter"),
                        lit(null).cast(DataTypes.IntegerType).as("day"), lit(null).cast(DataTypes.StringType).as("dim"),
                        lit(null).cast(DataTypes.LongType).as("n"),
                        lit(null).cast(DataTypes.createDecimalType(38, EventSql.DECIMAL_SCALE)).as("d"),
                        col("line"), col("text"));
                items = items == null ? a : items.unionByName(a);
            }
            if (!run.rulesCompiled()) {
                return MeterJob.Outcome.failed(MeterJob.BAD_RULES);
            }
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<BillingBridge.Rules> shipped = jsc.broadcast(run.rules());
            Dataset<Row> perApp = items.groupBy(col("app"))
                    .agg(collect_list(struct(col("meter"), col("day"), col("dim"), col("n"), col("d"), col("line"),
                            col("text"))).as("items"))
                    .orderBy(col("app").asc_nulls_last());
            evaluated = perApp.mapPartitions(new Bills(shipped, run.bills()), Encoders.row(OUT))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            evaluated.count();
        } catch (Exception e) {
            String unreadable = unreadable(e);
            if (unreadable == null) {
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(MeterCli.plain(e), e);
            }
            run.err().println("error: an input file could not be read: " + unreadable);
            return MeterJob.Outcome.failed(MeterJob.BAD_INPUT);
        }
        try {
            Path out = new Path(run.options().out());
            FileSystem fs = out.getFileSystem(conf);
            fs.setWriteChecksum(false);
            fs.mkdirs(out);
            Path tmp = new Path(out, ".meter-" + tag);
            Report report = new Report();
            try {
                evaluated.filter(col("request").isNotNull()).select(col("request")).write().text(
                        new Path(tmp, "requests").toString());
                evaluated.select(col("out")).write().text(new Path(tmp, "bills").toString());
                concat(fs, new Path(tmp, "requests"), new Path(out, "requests.jsonl"), null);
                concat(fs, new Path(tmp, "bills"), new Path(out, "bills.jsonl"), report);
            } finally {
                fs.delete(tmp, true);
            }
            ObjectNode summary = report.summary(run.options().month().toString(), run.zone().getId(), stats,
                    run.options().accounts(), accounts == null ? 0 : accounts.count());
            try (OutputStream os = fs.create(new Path(out, "summary.json"), true)) {
                os.write(RequestJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
                os.write('\n');
            }
            return new MeterJob.Outcome(MeterJob.OK, summary);
        } finally {
            evaluated.unpersist();
        }
    }

    // ---- inputs ----------------------------------------------------------------------------------------------

    private static RawInput describe(SparkSession spark, Configuration conf, Metering.Source s, String path)
            throws BadInputException {
        String option = "--" + s.name();
        RawInput.Format format = Inputs.format(option, new Path(path).getName());
        List<String> files = new ArrayList<>();
        for (Path f : files(conf, option, path)) {
            files.add(key(f));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, RawInput.ParquetColumn> columns = new LinkedHashMap<>();
        if (format == RawInput.Format.CSV) {
            for (Path f : files(conf, option, path)) {
                String header;
                try (BufferedReader r = new BufferedReader(new InputStreamReader(f.getFileSystem(conf).open(f),
                        StandardCharsets.UTF_8))) {
                    header = r.readLine();
                } catch (IOException e) {
                    throw new BadInputException(option + " " + f + ": cannot be read (" + e.getMessage() + ")");
                }
                headers.put(key(f), Inputs.header(option, key(f), header, s.allColumns()));
            }
        } else if (format == RawInput.Format.PARQUET) {
            StructType schema;
            try {
                schema = spark.read().parquet(path).schema();
            } catch (Exception e) { // Spark reports a file that is not Parquet with its own (checked) exception
                throw new BadInputException(option + " " + path + ": cannot be read as Parquet");
            }
            List<String> names = List.of(schema.fieldNames());
            for (String c : s.allColumns()) {
                String found = Inputs.findColumn(option, path, names, s.allColumns(), c);
                columns.put(c, new RawInput.ParquetColumn(found,
                        Inputs.colType(option, path, s, c, type(schema.apply(found).dataType()))));
            }
        }
        return new RawInput(s.name(), path, format, files, headers, columns, false);
    }

    private static String type(DataType t) {
        if (t.equals(DataTypes.StringType)) {
            return "text";
        }
        if (t.equals(DataTypes.LongType) || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.ShortType)
                || t.equals(DataTypes.ByteType)) {
            return "integer";
        }
        if (t instanceof DecimalType) {
            return "decimal";
        }
        if (t.equals(DataTypes.TimestampType) || t.equals(DataTypes.TimestampNTZType)) {
            return "timestamp";
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)) {
            return "floating";
        }
        return t.simpleString();
    }

    /** The data files of a path (the file itself, or the visible files of a folder); each must open. */
    static List<Path> files(Configuration conf, String option, String path) throws BadInputException {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new BadInputException(option + " " + path + ": no such file");
            }
            List<Path> files = new ArrayList<>();
            FileStatus st = fs.getFileStatus(p);
            if (st.isDirectory()) {
                for (FileStatus f : fs.listStatus(p)) {
                    String n = f.getPath().getName();
                    if (f.isFile() && !n.startsWith("_") && !n.startsWith(".")) {
                        files.add(f.getPath());
                    }
                }
                if (files.isEmpty()) {
                    throw new BadInputException(option + " " + path + ": the folder holds no data files");
                }
            } else {
                files.add(fs.makeQualified(p));
            }
            for (Path f : files) {
                try (var in = fs.open(f)) {
                    in.read();
                } catch (IOException e) {
                    throw new BadInputException(option + " " + f + ": cannot be read (" + e.getMessage() + ")");
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new BadInputException(option + " " + path + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static String key(Path p) {
        return p.toUri().getPath();
    }

    /** The raw records: (file, split, idx, line) of text read by split, or (file, 0, row, columns…) of Parquet. */
    private static Dataset<Row> rawView(SparkSession spark, RawInput in) {
        if (in.format() == RawInput.Format.PARQUET) {
            List<Column> cols = new ArrayList<>(List.of(col("_metadata.file_path").as("file"),
                    lit(0L).as("split"), col("_metadata.row_index").as("idx")));
            for (RawInput.ParquetColumn pc : in.columns().values()) {
                cols.add(col(pc.physical()));
            }
            return spark.read().parquet(in.path()).select(cols.toArray(new Column[0]));
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(
                in.path(), TextInputFormat.class, LongWritable.class, Text.class, conf);
        JavaRDD<Row> rows = lines.mapPartitionsWithInputSplit((split, it) -> {
            FileSplit fs = (FileSplit) split;
            String file = key(fs.getPath());
            long start = fs.getStart();
            return new Iterator<Row>() {
                long idx;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Row next() {
                    Tuple2<LongWritable, Text> t = it.next();
                    return RowFactory.create(file, start, idx++, t._2().toString());
                }
            };
        }, false);
        return spark.createDataFrame(rows, RAW_TEXT);
    }

    private static Report.SourceStats stats(SparkSession spark, MeterJob.Run run, Metering.Source s, RawInput in,
                                            String raw, String measured, String view, List<Metering.Meter> meters) {
        Report.SourceStats st = new Report.SourceStats(s.name(), run.path(s));
        for (Row r : spark.sql(run.sql().stats(measured, meters)).collectAsList()) {
            st.count(r.isNullAt(0) ? null : r.getString(0), r.getLong(1));
        }
        if (st.bad() == 0) {
            return st;
        }
        List<Row> bad = spark.sql(run.sql().details(view, raw, in, s, Report.DETAIL_CAP)).collectAsList();
        boolean parquet = in.format() == RawInput.Format.PARQUET;
        Map<String, Long> before = new HashMap<>(); // file + split start → lines of the file before the split
        if (!parquet) {
            List<Row> splits = spark.sql("SELECT file, split, count(*) FROM " + raw + " GROUP BY file, split")
                    .collectAsList();
            List<Row> sorted = new ArrayList<>(splits);
            sorted.sort(Comparator.comparing((Row r) -> r.getString(0)).thenComparingLong(r -> r.getLong(1)));
            Map<String, Long> seen = new HashMap<>();
            for (Row r : sorted) {
                long b = seen.getOrDefault(r.getString(0), 0L);
                before.put(r.getString(0) + '\u0000' + r.getLong(1), b);
                seen.put(r.getString(0), b + r.getLong(2));
            }
        }
        for (Row r : bad) {
            String file = parquet ? key(new Path(r.getString(0))) : r.getString(0);
            long position = parquet ? r.getLong(2) + 1
                    : before.getOrDefault(r.getString(0) + '\u0000' + r.getLong(1), 0L) + r.getLong(2) + 1;
            st.details.add(new Report.BadRow(s.name(), file, position, parquet, r.getString(3),
                    r.isNullAt(4) ? null : r.getString(4)));
        }
        return st;
    }

    /** Reads an accounts file (JSONL) into (appId or null, line, text); line numbers count from 1. */
    private static Dataset<Row> accounts(SparkSession spark, Configuration conf, String path) throws BadInputException {
        Inputs.format("--accounts", new Path(path).getName(), true);
        files(conf, "--accounts", path);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        JavaRDD<Row> rows = jsc.wholeTextFiles(path).flatMap(ft -> {
            List<Row> out = new ArrayList<>();
            String[] lines = ft._2().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    out.add(RowFactory.create(RequestJson.appIdOf(lines[i]), (long) i + 1, lines[i]));
                }
            }
            return out.iterator();
        });
        StructType schema = new StructType(new StructField[] {
                DataTypes.createStructField("appId", DataTypes.StringType, true),
                DataTypes.createStructField("line", DataTypes.LongType, false),
                DataTypes.createStructField("text", DataTypes.StringType, false)});
        return spark.createDataFrame(rows, schema);
    }

    // ---- executors -------------------------------------------------------------------------------------------

    /** Runs in the executors: each app's items → its request and bill lines, in the order of the apps. */
    static final class Bills implements MapPartitionsFunction<Row, Row>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Broadcast<BillingBridge.Rules> rules;
        private final AppBills bills;

        Bills(Broadcast<BillingBridge.Rules> rules, AppBills bills) {
            this.rules = rules;
            this.bills = bills;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> apps) {
            return new Iterator<>() {
                private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();

                @Override
                public boolean hasNext() {
                    while (pending.isEmpty() && apps.hasNext()) {
                        app(apps.next());
                    }
                    return !pending.isEmpty();
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new java.util.NoSuchElementException();
                    }
                    return pending.poll();
                }

                private void app(Row group) {
                    String appId = group.isNullAt(0) ? null : group.getString(0);
                    RequestJson.Usage usage = new RequestJson.Usage();
                    List<AppBills.Account> accounts = new ArrayList<>();
                    for (Row it : group.<Row>getList(1)) {
                        int meter = it.getInt(0);
                        if (meter < 0) {
                            accounts.add(new AppBills.Account(it.getLong(5), it.getString(6)));
                            continue;
                        }
                        Number v = it.isNullAt(3) ? it.getDecimal(4) : (Number) it.getLong(3);
                        usage.put(meter, it.isNullAt(1) ? null : it.getInt(1), it.isNullAt(2) ? null : it.getString(2), v);
                    }
                    for (AppBills.Out o : bills.app(rules.value(), appId, usage, accounts)) {
                        pending.add(RowFactory.create(o.appId(), o.request(), o.out()));
                    }
                }
            };
        }
    }

    // ---- outputs ---------------------------------------------------------------------------------------------

    /** Streams the part files of a Spark text output, in partition order, into one file (each line to report). */
    private static void concat(FileSystem fs, Path parts, Path target, Report report) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus f : fs.listStatus(parts)) {
            String n = f.getPath().getName();
            if (f.isFile() && n.startsWith("part-")) {
                files.add(f);
            }
        }
        files.sort(Comparator.comparing(f -> f.getPath().getName()));
        try (OutputStream os = fs.create(target, true)) {
            for (FileStatus f : files) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()),
                        StandardCharsets.UTF_8), 1 << 16)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        os.write(line.getBytes(StandardCharsets.UTF_8));
                        os.write('\n');
                        if (report != null) {
                            report.out(line);
                        }
                    }
                }
            }
        }
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
}
