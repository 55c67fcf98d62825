package im.tariff.meter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The embedded engine: DuckDB in this process (its JDBC driver), reading the local files natively, all cores, no
 * cluster. Each source's raw records are checked once into a temporary table; the stats, the first bad rows and
 * the aggregation read that table; the bills are evaluated in this JVM's threads.
 */
final class DuckEngine {

    /** A delimiter that no text line holds: a text file is read as one column, one record a physical line. */
    private static final String NO_DELIMITER = "E'\\x01'";

    /** The connection, opened in the background while the rules compile (loading DuckDB takes a moment). */
    private static java.util.concurrent.CompletableFuture<Connection> opening;

    /** Starts loading DuckDB and opening an in-memory database now. */
    static synchronized void open() {
        if (opening == null) {
            opening = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return DriverManager.getConnection("jdbc:duckdb:");
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
        }
    }

    private static synchronized Connection connection() throws SQLException {
        open();
        java.util.concurrent.CompletableFuture<Connection> f = opening;
        opening = null;
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
        }
    }

    MeterJob.Outcome run(MeterJob.Run run) throws IOException {
        Path tmp = TempDirs.createForRun("tariff-meter-duckdb");
        try (Connection c = connection()) {
            exec(c, "SET temp_directory = " + Dialect.DUCKDB.str(tmp.toString()));
            exec(c, "SET enable_progress_bar = false");
            List<Report.SourceStats> stats = new ArrayList<>();
            Map<String, String> checked = new LinkedHashMap<>();
            for (Metering.Source s : run.sources()) {
                RawInput in;
                try {
                    in = describe(c, s, run.path(s));
                } catch (BadInputException e) {
                    run.err().println("error: " + e.getMessage());
                    return MeterJob.Outcome.failed(MeterJob.BAD_INPUT);
                }
                String view = Dialect.DUCKDB.id("measured_" + s.name());
                String checkedSql = run.sql().checked(s, in, "(" + raw(in) + ")");
                List<Metering.Meter> ofSource = meters(run).stream().filter(m -> m.source().equals(s.name())).toList();
                try {
                    exec(c, "CREATE TEMP TABLE " + view + " AS " + run.sql().measured(checkedSql, ofSource));
                } catch (SQLException e) {
                    run.err().println("error: --" + s.name() + " " + run.path(s) + ": cannot be read ("
                            + firstLine(e.getMessage()) + ")");
                    return MeterJob.Outcome.failed(MeterJob.BAD_INPUT);
                }
                Phases.mark("measured " + s.name());
                checked.put(s.name(), view);
                stats.add(stats(c, run, s, in, view, ofSource, "(" + checkedSql + ")", "(" + raw(in) + ")"));
            }
            List<AppBills.Account> accounts = new ArrayList<>();
            Map<String, List<AppBills.Account>> byApp = new TreeMap<>(UTF8);
            if (run.options().accounts() != null) {
                try {
                    readAccounts(run.options().accounts(), accounts);
                } catch (BadInputException e) {
                    run.err().println("error: " + e.getMessage());
                    return MeterJob.Outcome.failed(MeterJob.BAD_INPUT);
                }
            }
            List<AppBills.Account> noApp = new ArrayList<>();
            for (AppBills.Account a : accounts) {
                String id = RequestJson.appIdOf(a.text());
                if (id == null) {
                    noApp.add(a);
                } else {
                    byApp.computeIfAbsent(id, k -> new ArrayList<>()).add(a);
                }
            }
            TreeMap<String, RequestJson.Usage> usage = new TreeMap<>(UTF8);
            String agg = run.sql().items(checked, meters(run));
            if (!agg.isEmpty()) {
                try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(agg)) {
                    while (r.next()) {
                        int day = r.getInt(3);
                        Integer dayOrNull = r.wasNull() ? null : day;
                        long n = r.getLong(5);
                        Number v = r.wasNull() ? r.getBigDecimal(6) : (Number) n;
                        usage.computeIfAbsent(r.getString(1), k -> new RequestJson.Usage())
                                .put(r.getInt(2), dayOrNull, r.getString(4), v);
                    }
                } catch (SQLException e) {
                    throw new IOException("the aggregation failed: " + firstLine(e.getMessage()), e);
                }
            }
            Phases.mark("aggregated");
            if (!run.rulesCompiled()) {
                return MeterJob.Outcome.failed(MeterJob.BAD_RULES);
            }
            TreeMap<String, Boolean> apps = new TreeMap<>(UTF8);
            usage.keySet().forEach(k -> apps.put(k, true));
            byApp.keySet().forEach(k -> apps.put(k, true));
            return write(run, apps, usage, byApp, noApp, accounts.size(), stats);
        } catch (SQLException e) {
            throw new IOException("DuckDB: " + firstLine(e.getMessage()), e);
        } finally {
            TempDirs.release(tmp);
        }
    }

    private static List<Metering.Meter> meters(MeterJob.Run run) {
        return run.metering().meters().stream().filter(m -> run.options().events().containsKey(m.source())).toList();
    }

    /** Appids in the order Spark sorts strings (by their UTF-8 bytes). */
    static final Comparator<String> UTF8 = (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
            b.getBytes(StandardCharsets.UTF_8));

    // ---- inputs ----------------------------------------------------------------------------------------------

    /** The data files of a local path (the file, or the visible files of a folder), their format and headers. */
    private static RawInput describe(Connection c, Metering.Source s, String path) throws BadInputException {
        String option = "--" + s.name();
        RawInput.Format format = format(option, path);
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new BadInputException(option + " " + path + ": no such file");
        }
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(p)) {
            try (Stream<Path> list = Files.list(p)) {
                list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("_")
                        && !f.getFileName().toString().startsWith(".")).sorted()
                        .forEach(f -> files.add(f.toAbsolutePath().normalize().toString()));
            } catch (IOException e) {
                throw new BadInputException(option + " " + path + ": cannot be read (" + e.getMessage() + ")");
            }
            if (files.isEmpty()) {
                throw new BadInputException(option + " " + path + ": the folder holds no data files");
            }
        } else {
            files.add(p.toAbsolutePath().normalize().toString());
        }
        for (String f : files) {
            if (!Files.isReadable(Path.of(f))) {
                throw new BadInputException(option + " " + f + ": cannot be read");
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, RawInput.ParquetColumn> columns = new LinkedHashMap<>();
        switch (format) {
            case CSV -> {
                for (String f : files) {
                    String header;
                    try (BufferedReader r = Files.newBufferedReader(Path.of(f), StandardCharsets.UTF_8)) {
                        header = r.readLine();
                    } catch (IOException e) {
                        throw new BadInputException(option + " " + f + ": cannot be read (" + e.getMessage() + ")");
                    }
                    headers.put(f, Inputs.header(option, f, header, s.allColumns()));
                }
            }
            case PARQUET -> {
                Map<String, String> types = new LinkedHashMap<>();
                try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
                        "DESCRIBE SELECT * FROM read_parquet(" + list(files) + ")")) {
                    while (r.next()) {
                        types.put(r.getString(1), r.getString(2));
                    }
                } catch (SQLException e) {
                    throw new BadInputException(option + " " + path + ": cannot be read as Parquet");
                }
                for (String col : s.allColumns()) {
                    String found = Inputs.findColumn(option, path, types.keySet(), s.allColumns(), col);
                    columns.put(col, new RawInput.ParquetColumn(found,
                            Inputs.colType(option, path, s, col, duckType(types.get(found)))));
                }
            }
            default -> {
            }
        }
        return new RawInput(s.name(), path, format, files, headers, columns, true);
    }

    /** A DuckDB column type as {@link Inputs#colType} reads it. */
    private static String duckType(String t) {
        String u = t.toUpperCase(Locale.ROOT);
        if (u.equals("VARCHAR")) {
            return "text";
        }
        if (u.matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)")) {
            return "integer";
        }
        if (u.startsWith("DECIMAL")) {
            return "decimal";
        }
        if (u.startsWith("TIMESTAMP")) {
            return "timestamp";
        }
        if (u.equals("DOUBLE") || u.equals("FLOAT")) {
            return "floating";
        }
        return u.toLowerCase(Locale.ROOT);
    }

    static RawInput.Format format(String option, String path) throws BadInputException {
        String name = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
        return Inputs.format(option, name);
    }

    /**
     * The raw records of a source, file by file (file = its index in the input's list): one per physical line of
     * a text file (idx from 0), or per Parquet row.
     */
    private static String raw(RawInput in) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < in.files().size(); k++) {
            String f = Dialect.DUCKDB.str(in.files().get(k));
            if (in.format() == RawInput.Format.PARQUET) {
                StringBuilder b = new StringBuilder("SELECT " + k + " AS file, CAST(0 AS BIGINT) AS split, "
                        + "CAST(file_row_number AS BIGINT) AS idx");
                for (RawInput.ParquetColumn pc : in.columns().values()) {
                    b.append(", ").append(Dialect.DUCKDB.id(pc.physical()));
                }
                parts.add(b.append(" FROM read_parquet(").append(f).append(", file_row_number = true)").toString());
            } else {
                parts.add("SELECT " + k + " AS file, CAST(0 AS BIGINT) AS split, CAST(ordinality - 1 AS BIGINT) AS idx, "
                        + "line FROM read_csv(" + f + ", columns = {'line': 'VARCHAR'}, header = false, "
                        + "auto_detect = false, delim = " + NO_DELIMITER + ", quote = '', escape = '') WITH ORDINALITY");
            }
        }
        return String.join(" UNION ALL ", parts);
    }

    private static String list(List<String> files) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < files.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(Dialect.DUCKDB.str(files.get(i)));
        }
        return b.append("]").toString();
    }

    private static Report.SourceStats stats(Connection c, MeterJob.Run run, Metering.Source s, RawInput in,
                                            String view, List<Metering.Meter> meters, String checked, String raw)
            throws SQLException {
        Report.SourceStats st = new Report.SourceStats(s.name(), run.path(s));
        try (Statement q = c.createStatement(); ResultSet r = q.executeQuery(run.sql().stats(view, meters))) {
            while (r.next()) {
                st.count(r.getString(1), r.getLong(2));
            }
        }
        if (st.bad() > 0) {
            try (Statement q = c.createStatement(); ResultSet r = q.executeQuery(
                    run.sql().details(checked, raw, in, s, Report.DETAIL_CAP))) {
                while (r.next()) {
                    st.details.add(new Report.BadRow(s.name(), in.files().get(r.getInt(1)), r.getLong(3) + 1,
                            in.format() == RawInput.Format.PARQUET, r.getString(4), r.getString(5)));
                }
            }
        }
        return st;
    }

    private static void readAccounts(String path, List<AppBills.Account> out) throws BadInputException {
        Inputs.format("--accounts", Path.of(path).getFileName().toString(), true);
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new BadInputException("--accounts " + path + ": no such file");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(p)) {
            try (Stream<Path> list = Files.list(p)) {
                list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("_")
                        && !f.getFileName().toString().startsWith(".")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new BadInputException("--accounts " + path + ": cannot be read (" + e.getMessage() + ")");
            }
        } else {
            files.add(p);
        }
        for (Path f : files) {
            try {
                String[] lines = Files.readString(f, StandardCharsets.UTF_8).split("\r?\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) {
                        out.add(new AppBills.Account(i + 1, lines[i]));
                    }
                }
            } catch (IOException e) {
                throw new BadInputException("--accounts " + f + ": cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    // ---- outputs ---------------------------------------------------------------------------------------------

    /** Evaluates the apps in appId order on all cores and writes requests.jsonl, bills.jsonl and summary.json. */
    private static MeterJob.Outcome write(MeterJob.Run run, TreeMap<String, Boolean> apps,
                                          Map<String, RequestJson.Usage> usage,
                                          Map<String, List<AppBills.Account>> byApp, List<AppBills.Account> noApp,
                                          long accountsRead, List<Report.SourceStats> stats) throws IOException {
        Path out = Path.of(run.options().out());
        Files.createDirectories(out);
        Report report = new Report();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tariff-meter-bills");
            t.setDaemon(true);
            return t;
        });
        try (Writer req = Files.newBufferedWriter(out.resolve("requests.jsonl"), StandardCharsets.UTF_8);
             Writer bills = new BufferedWriter(Files.newBufferedWriter(out.resolve("bills.jsonl"),
                     StandardCharsets.UTF_8), 1 << 16)) {
            List<String> ids = new ArrayList<>(apps.keySet());
            int chunk = 64;
            List<Future<List<AppBills.Out>>> pending = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += chunk) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
                pending.add(pool.submit(() -> {
                    List<AppBills.Out> o = new ArrayList<>();
                    for (String id : part) {
                        o.addAll(run.bills().app(run.rules(), id, usage.getOrDefault(id, new RequestJson.Usage()),
                                byApp.getOrDefault(id, List.of())));
                    }
                    return o;
                }));
            }
            if (!noApp.isEmpty()) {
                pending.add(pool.submit(() -> run.bills().app(run.rules(), null, null, noApp)));
            }
            for (Future<List<AppBills.Out>> f : pending) {
                for (AppBills.Out o : f.get()) {
                    if (o.request() != null) {
                        req.write(o.request());
                        req.write('\n');
                    }
                    bills.write(o.out());
                    bills.write('\n');
                    report.out(o.out());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(MeterCli.plain(e), e);
        } finally {
            pool.shutdownNow();
        }
        Phases.mark("bills evaluated and written");
        ObjectNode summary = report.summary(run.options().month().toString(), run.zone().getId(), stats,
                run.options().accounts(), accountsRead);
        Files.write(out.resolve("summary.json"), (RequestJson.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(summary) + "\n").getBytes(StandardCharsets.UTF_8));
        return new MeterJob.Outcome(MeterJob.OK, summary);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        long t0 = System.nanoTime();
        try (Statement s = c.createStatement()) {
            if (System.getenv("TARIFF_METER_SQL") != null) {
                System.err.println(sql);
            }
            Phases.mark("sql " + sql.length());
            s.execute(sql);
        }
        if (System.getenv("TARIFF_METER_SQL") != null) {
            System.err.printf("%.2f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse(m);
    }
}
