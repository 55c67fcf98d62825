package im.tariff.meter;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tariff meter …} and {@code tariff meter-generate …}: the entry point of the meter module. */
@Command(name = "tariff", subcommands = {MeterCli.Meter.class, MeterCli.Generate.class},
        mixinStandardHelpOptions = true, description = "Metering: raw events in, requests and bills out.")
public final class MeterCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cl = new CommandLine(new MeterCli());
        cl.setParameterExceptionHandler((ex, a) -> {
            System.err.println("error: " + ex.getMessage());
            System.err.println("see: tariff " + (ex.getCommandLine().getCommandName().equals("tariff") ? "" :
                    ex.getCommandLine().getCommandName() + " ") + "--help");
            return MeterJob.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            System.err.println("error: the metering job failed: " + plain(ex));
            return 1;
        });
        return cl.execute(args);
    }

    /** The innermost message of a failure, without class names. */
    static String plain(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null || m.isBlank() ? "an unexpected problem (" + c.getClass().getSimpleName() + ")" : m;
    }

    static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The event files of a command line: {@code --events NAME=FILE} and {@code --NAME FILE} (or {@code --NAME=FILE})
     * for each event source the catalog declares; null (after a message) when an argument is neither.
     */
    static Map<String, String> events(List<String> pairs, List<String> unmatched) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs == null ? List.<String>of() : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                System.err.println("error: --events " + p + ": expected NAME=FILE");
                return null;
            }
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        List<String> rest = unmatched == null ? List.of() : unmatched;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("--") || a.length() < 3) {
                System.err.println("error: unexpected argument " + a + " (see: tariff meter --help)");
                return null;
            }
            String name = a.substring(2);
            String file;
            int eq = name.indexOf('=');
            if (eq > 0) {
                file = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < rest.size() && !rest.get(i + 1).startsWith("--")) {
                file = rest.get(++i);
            } else {
                System.err.println("error: option " + a + " needs a file (--" + name + " FILE)");
                return null;
            }
            m.put(name, file);
        }
        return m;
    }

    @Command(name = "meter", mixinStandardHelpOptions = true,
            description = {"Meters a month of raw events for the meters the rules' catalog measures (by default in "
                    + "this process with DuckDB; --engine spark on Apache Spark), builds one request per app and "
                    + "evaluates its bill. Writes requests.jsonl, bills.jsonl and summary.json into --out.",
                    "Event files: --NAME FILE (or --events NAME=FILE) for each event source the catalog names, "
                    + "e.g. --NAME events.csv; .csv, .jsonl or .parquet, a file or a folder of them."})
    static final class Meter implements Callable<Integer> {
        @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the billing month")
        String month;
        @Option(names = "--events", paramLabel = "NAME=FILE", description = "the events of the catalog's event source NAME (repeatable)")
        List<String> events;
        @Option(names = "--accounts", paramLabel = "F", description = "accounts (.jsonl): requests without usage for the month")
        String accounts;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
        String out;
        @Option(names = "--engine", paramLabel = "duckdb|spark",
                description = "duckdb: in this process (the default); spark: Apache Spark, local or --master (the "
                        + "default under spark-submit)")
        String engine;
        @Option(names = "--zone", paramLabel = "ZONE", description = "time zone of the natural days (default: the catalog's)")
        String zone;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master (implies --engine spark; default local[*], or what spark-submit sets)")
        String master;
        @Option(names = "--rules", paramLabel = "DIR", description = "rules folder (default: the rules bundled in the core jar)")
        Path rules;
        @Option(names = "--default-plan", paramLabel = "PLAN",
                description = "plan of an app with usage and no account line (default: the catalog's)")
        String defaultPlan;
        @Option(names = "--stage-times", description = "print each Spark stage's duration on stderr")
        boolean stageTimes;
        @CommandLine.Unmatched
        List<String> unmatched;

        @Override
        public Integer call() throws Exception {
            YearMonth m = month(month);
            if (m == null) {
                System.err.println("error: --month " + month + ": expected YYYY-MM");
                return MeterJob.BAD_INPUT;
            }
            MeterJob.Engine e;
            // a master, given here or by spark-submit, means Spark unless an engine is named
            String name = engine != null ? engine
                    : master != null || System.getProperty("spark.master") != null ? "spark" : "duckdb";
            try {
                e = MeterJob.Engine.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException x) {
                System.err.println("error: --engine " + engine + ": expected duckdb or spark");
                return MeterJob.BAD_INPUT;
            }
            Map<String, String> ev = events(events, unmatched);
            if (ev == null) {
                return MeterJob.BAD_INPUT;
            }
            MeterJob.Options o = new MeterJob.Options(m, ev, accounts, out, zone, rules, defaultPlan, e, master,
                    stageTimes);
            return new MeterJob(System.err, null).run(o);
        }
    }

    @Command(name = "meter-generate", mixinStandardHelpOptions = true,
            description = "Writes seeded raw events for N apps over a month for every event source the rules' "
                    + "catalog measures (CSV and/or Parquet), with known figures: accounts.jsonl for some apps, and "
                    + "expected-requests.jsonl, the requests that metering these events must produce.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--apps", defaultValue = "100", description = "number of apps (default: ${DEFAULT-VALUE})")
        int apps;
        @Option(names = "--events", defaultValue = "100000", description = "about this many events of the counted (distinct) sources in the month (default: ${DEFAULT-VALUE})")
        long events;
        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--format", defaultValue = "csv,parquet", split = ",", description = "csv, parquet or both (default: ${DEFAULT-VALUE})")
        List<String> formats = new ArrayList<>();
        @Option(names = "--out", required = true, paramLabel = "DIR")
        String out;
        @Option(names = "--zone", description = "time zone of the natural days (default: the catalog's)")
        String zone;
        @Option(names = "--rules", paramLabel = "DIR", description = "rules folder (default: the rules bundled in the core jar)")
        Path rules;
        @Option(names = "--default-plan", description = "plan of apps without an account line in the expected requests (default: the catalog's)")
        String defaultPlan;

        @Override
        public Integer call() throws Exception {
            YearMonth m = month(month);
            if (m == null) {
                System.err.println("error: --month " + month + ": expected YYYY-MM");
                return MeterJob.BAD_INPUT;
            }
            for (String f : formats) {
                if (!f.equals("csv") && !f.equals("parquet")) {
                    System.err.println("error: --format " + f + ": expected csv or parquet");
                    return MeterJob.BAD_INPUT;
                }
            }
            return EventGenerator.command(new EventGenerator.Settings(apps, events, m, seed, zone, defaultPlan),
                    rules, Path.of(out), formats.contains("csv"), formats.contains("parquet"), System.err);
        }
    }
}
