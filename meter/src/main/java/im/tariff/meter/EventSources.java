package im.tariff.meter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

import static org.apache.spark.sql.functions.col;

/**
 * Reads one event input (CSV with a header row, JSONL, or Parquet, by the extension of the path; a path may be a
 * folder of such files, as Spark writes them) into checked rows. Text inputs are read by split, so that a bad
 * row's line number is known without a second pass; the checks run in the executors.
 */
final class EventSources {

    enum Format { CSV, JSONL, PARQUET }

    static final StructType LOGINS = new StructType(new StructField[] {
            DataTypes.createStructField("appId", DataTypes.StringType, false),
            DataTypes.createStructField("day", DataTypes.IntegerType, false),
            DataTypes.createStructField("userId", DataTypes.StringType, false)});
    static final StructType GROUPS = new StructType(new StructField[] {
            DataTypes.createStructField("appId", DataTypes.StringType, false),
            DataTypes.createStructField("day", DataTypes.IntegerType, false),
            DataTypes.createStructField("groups", DataTypes.LongType, false)});
    static final StructType BARRAGE = new StructType(new StructField[] {
            DataTypes.createStructField("appId", DataTypes.StringType, false),
            DataTypes.createStructField("day", DataTypes.IntegerType, false),
            DataTypes.createStructField("region", DataTypes.StringType, false),
            DataTypes.createStructField("mbps", DataTypes.createDecimalType(38, EventParser.MBPS_SCALE), false)});

    private final SparkSession spark;
    private final StatsAccumulator stats;

    EventSources(SparkSession spark, StatsAccumulator stats) {
        this.spark = spark;
        this.stats = stats;
    }

    static StructType schema(Input input) {
        return switch (input) {
            case LOGINS -> LOGINS;
            case GROUPS -> GROUPS;
            case BARRAGE -> BARRAGE;
        };
    }

    static Format format(String option, String path, boolean accounts) throws BadInputException {
        String name = new Path(path).getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            return Format.JSONL;
        }
        if (!accounts && name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (!accounts && name.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        throw new BadInputException("--" + option + " " + path + ": cannot tell the format from the name; expected "
                + (accounts ? ".jsonl" : ".csv, .jsonl or .parquet"));
    }

    /** The data files of a path (the file itself, or the visible files of a folder); each must open. */
    static List<Path> files(Configuration conf, String option, String path) throws BadInputException {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                throw new BadInputException("--" + option + " " + path + ": no such file");
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
                    throw new BadInputException("--" + option + " " + path + ": the folder holds no data files");
                }
            } else {
                files.add(fs.makeQualified(p));
            }
            for (Path f : files) {
                try (var in = fs.open(f)) {
                    in.read();
                } catch (IOException e) {
                    throw new BadInputException("--" + option + " " + f + ": cannot be read (" + e.getMessage() + ")");
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new BadInputException("--" + option + " " + path + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static String key(Path p) {
        return p.toUri().getPath();
    }

    /** The checked rows of an input (schema {@link #schema}); every refused row is counted in the stats. */
    Dataset<Row> read(Input input, String path, EventParser parser) throws BadInputException {
        Format format = format(input.label, path, false);
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> files = files(conf, input.label, path);
        JavaRDD<Row> rows = switch (format) {
            case CSV -> text(spark, stats, input, path, parser, headers(conf, input, files));
            case JSONL -> text(spark, stats, input, path, parser, null);
            case PARQUET -> parquet(spark, stats, input, path, parser);
        };
        return spark.createDataFrame(rows, schema(input));
    }

    /** Column positions of each CSV file (by its header row), keyed by file. */
    private static HashMap<String, int[]> headers(Configuration conf, Input input, List<Path> files)
            throws BadInputException {
        HashMap<String, int[]> byFile = new HashMap<>();
        for (Path f : files) {
            String header;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(f.getFileSystem(conf).open(f),
                    StandardCharsets.UTF_8))) {
                header = r.readLine();
            } catch (IOException e) {
                throw new BadInputException("--" + input.label + " " + f + ": cannot be read (" + e.getMessage() + ")");
            }
            if (header == null) {
                throw new BadInputException("--" + input.label + " " + f + ": empty file, expected a header row "
                        + String.join(",", input.columns));
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> names = Csv.split(header);
            int[] idx = new int[input.columns.size() + 1];
            for (int i = 0; i < input.columns.size(); i++) {
                idx[i] = names.indexOf(input.columns.get(i));
                if (idx[i] < 0) {
                    throw new BadInputException("--" + input.label + " " + f + ": the header row has no column "
                            + input.columns.get(i) + " (expected " + String.join(",", input.columns) + ")");
                }
            }
            idx[input.columns.size()] = names.size();
            byFile.put(key(f), idx);
        }
        return byFile;
    }

    private static JavaRDD<Row> text(SparkSession spark, StatsAccumulator stats, Input input, String path,
                                     EventParser parser, HashMap<String, int[]> headers) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(spark.sparkContext().hadoopConfiguration());
        JavaNewHadoopRDD<LongWritable, Text> lines = (JavaNewHadoopRDD<LongWritable, Text>) jsc.newAPIHadoopFile(
                path, TextInputFormat.class, LongWritable.class, Text.class, conf);
        Broadcast<HashMap<String, int[]>> hb = headers == null ? null : jsc.broadcast(headers);
        StatsAccumulator acc = stats;
        String label = input.label;
        int ncol = input.columns.size();
        return lines.mapPartitionsWithInputSplit((split, it) -> {
            FileSplit fsplit = (FileSplit) split;
            String file = key(fsplit.getPath());
            PartStats st = new PartStats(label, file, fsplit.getStart());
            int[] idx = hb == null ? null : hb.value().get(file);
            boolean skipHeader = hb != null && fsplit.getStart() == 0;
            Object[] raw = new Object[ncol];
            return new Checked<Tuple2<LongWritable, Text>>(it, st, acc, ncol) {
                boolean first = true;

                @Override
                String check(Tuple2<LongWritable, Text> t, Object[] out) {
                    long index = st.lines++;
                    if (first) {
                        first = false;
                        if (skipHeader) {
                            return SKIP;
                        }
                    }
                    String line = t._2().toString();
                    if (line.isBlank()) {
                        return SKIP;
                    }
                    st.read++;
                    String why;
                    if (idx != null) {
                        List<String> f = Csv.split(line);
                        if (f.size() != idx[ncol]) {
                            why = EventParser.BAD_COLUMNS;
                        } else {
                            for (int i = 0; i < ncol; i++) {
                                raw[i] = f.get(idx[i]);
                            }
                            why = parser.parse(raw, out);
                        }
                    } else {
                        why = jsonFields(line, raw, input) ? parser.parse(raw, out) : EventParser.BAD_JSON;
                    }
                    return count(why, file, index, line);
                }
            };
        }, false);
    }

    private static boolean jsonFields(String line, Object[] raw, Input input) {
        JsonNode n;
        try {
            n = RequestJson.MAPPER.readTree(line);
        } catch (IOException e) {
            return false;
        }
        if (n == null || !n.isObject()) {
            return false;
        }
        for (int i = 0; i < raw.length; i++) {
            JsonNode v = n.get(input.columns.get(i));
            if (v == null || v.isNull()) {
                raw[i] = null;
            } else if (v.isIntegralNumber()) {
                raw[i] = v.canConvertToLong() ? (Object) v.longValue() : v.asText();
            } else if (v.isNumber()) {
                raw[i] = v.decimalValue();
            } else if (v.isTextual()) {
                raw[i] = v.textValue();
            } else {
                raw[i] = v.toString();
            }
        }
        return true;
    }

    private static JavaRDD<Row> parquet(SparkSession spark, StatsAccumulator stats, Input input, String path,
                                        EventParser parser) throws BadInputException {
        Dataset<Row> df;
        try {
            df = spark.read().parquet(path);
            df.schema();
        } catch (Exception e) { // Spark reports a file that is not Parquet with its own (checked) exception
            throw new BadInputException("--" + input.label + " " + path + ": cannot be read as Parquet");
        }
        List<Column> cols = new ArrayList<>();
        for (String c : input.columns) {
            String found = null;
            for (String have : df.columns()) {
                if (have.equalsIgnoreCase(c)) {
                    found = have;
                }
            }
            if (found == null) {
                throw new BadInputException("--" + input.label + " " + path + ": no column " + c + " (expected "
                        + String.join(",", input.columns) + ")");
            }
            cols.add(col(found));
        }
        cols.add(col("_metadata.file_path"));
        cols.add(col("_metadata.row_index"));
        JavaRDD<Row> src = df.select(cols.toArray(new Column[0])).toJavaRDD();
        StatsAccumulator acc = stats;
        String label = input.label;
        int ncol = input.columns.size();
        return src.mapPartitions(it -> {
            PartStats st = new PartStats(label, path, TaskContext.getPartitionId());
            Object[] raw = new Object[ncol];
            return new Checked<Row>(it, st, acc, ncol) {
                @Override
                String check(Row r, Object[] out) {
                    st.read++;
                    for (int i = 0; i < ncol; i++) {
                        raw[i] = r.get(i);
                    }
                    String why = parser.parse(raw, out);
                    if (why == null || why == EventParser.OUTSIDE) {
                        return count(why, null, 0, null);
                    }
                    String file = r.isNullAt(ncol) ? path : new Path(r.getString(ncol)).toUri().getPath();
                    long index = r.isNullAt(ncol + 1) ? -1 : r.getLong(ncol + 1);
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < ncol; i++) {
                        text.append(i == 0 ? "" : ",").append(raw[i] == null ? "" : raw[i]);
                    }
                    return count(why, file, index, text.toString());
                }
            };
        });
    }

    /** Checks each source record, yields the good rows, and reports the partition's stats when it is used up. */
    abstract static class Checked<T> implements Iterator<Row> {
        static final String SKIP = "\u0000skip";
        static final String GOOD = "\u0000good";
        private final Iterator<T> source;
        final PartStats st;
        private final StatsAccumulator acc;
        private final int width;
        private Row next;
        private boolean done;
        private Object[] out;

        Checked(Iterator<T> source, PartStats st, StatsAccumulator acc, int width) {
            this.source = source;
            this.st = st;
            this.acc = acc;
            this.width = width;
        }

        /** GOOD (out filled), SKIP, or any other value when the record was counted as ignored or bad. */
        abstract String check(T record, Object[] out);

        String count(String why, String file, long position, String text) {
            if (why == null) {
                st.used++;
                return GOOD;
            }
            if (why == EventParser.OUTSIDE) {
                st.outside++;
                return why;
            }
            st.bad(why, file, position, text);
            return why;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                if (!source.hasNext()) {
                    done = true;
                    acc.add(st);
                    break;
                }
                out = new Object[width];
                if (check(source.next(), out) == GOOD) {
                    next = RowFactory.create(out);
                }
            }
            return next != null;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = next;
            next = null;
            return r;
        }
    }

    /** Reads an accounts file (JSONL) into (appId or null, line, text); line numbers count from 1. */
    Dataset<Row> accounts(String path) throws BadInputException {
        format("accounts", path, true);
        files(spark.sparkContext().hadoopConfiguration(), "accounts", path);
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

}
