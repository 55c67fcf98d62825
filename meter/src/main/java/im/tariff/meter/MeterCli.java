package im.tariff.meter;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tariff meter …} and {@code tariff meter-generate …}: the entry point of the meter module. */
@Command(name = "tariff", subcommands = {MeterCli.Meter.class, MeterCli.Generate.class},
        mixinStandardHelpOptions = true, description = "Metering on Apache Spark: raw events in, bills out.")
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
        return m == null || m.isBlank() ? "an unexpected problem (run with --stage-times for progress)" : m;
    }

    @Command(name = "meter", mixinStandardHelpOptions = true,
            description = "Meters a month of raw events (logins, group-count snapshots, barrage samples) with Spark, "
                    + "builds one request per app and evaluates its bill in the executors. Writes requests.jsonl, "
                    + "bills.jsonl and summary.json into --out.")
    static final class Meter implements Callable<Integer> {
        @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the billing month")
        String month;
        @Option(names = "--logins", required = true, paramLabel = "F", description = "logins: appId,userId,time (.csv, .jsonl or .parquet; a file or a folder of them)")
        String logins;
        @Option(names = "--groups", paramLabel = "F", description = "group-count snapshots: appId,time,groups")
        String groups;
        @Option(names = "--barrage", paramLabel = "F", description = "barrage bandwidth samples: appId,time,region,mbps")
        String barrage;
        @Option(names = "--accounts", paramLabel = "F", description = "accounts (.jsonl): requests without usage for the month")
        String accounts;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
        String out;
        @Option(names = "--zone", paramLabel = "ZONE", defaultValue = MeterOptions.DEFAULT_ZONE,
                description = "time zone of the natural days (default: ${DEFAULT-VALUE})")
        String zone;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*], or what spark-submit sets)")
        String master;
        @Option(names = "--rules", paramLabel = "DIR", description = "rules folder (default: the rules bundled in the core jar)")
        Path rules;
        @Option(names = "--default-plan", paramLabel = "PLAN", defaultValue = "TRIAL",
                description = "plan of an app with usage and no account line (default: ${DEFAULT-VALUE})")
        String defaultPlan;
        @Option(names = "--stage-times", description = "print each Spark stage's duration on stderr")
        boolean stageTimes;

        @Override
        public Integer call() throws Exception {
            YearMonth m;
            ZoneId z;
            try {
                m = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                System.err.println("error: --month " + month + ": expected YYYY-MM");
                return MeterJob.BAD_INPUT;
            }
            try {
                z = ZoneId.of(zone);
            } catch (DateTimeException e) {
                System.err.println("error: --zone " + zone + ": unknown time zone");
                return MeterJob.BAD_INPUT;
            }
            MeterOptions o = new MeterOptions(m, logins, groups, barrage, accounts, out, z, rules, defaultPlan,
                    stageTimes);
            SparkSession spark = Spark.session("tariff meter " + m, master, stageTimes);
            try {
                return new MeterJob(spark, System.err).run(o);
            } finally {
                spark.stop();
            }
        }
    }

    @Command(name = "meter-generate", mixinStandardHelpOptions = true,
            description = "Writes seeded raw events for N apps over a month with known daily DAU, group counts and "
                    + "barrage peaks (CSV and/or Parquet), accounts.jsonl for some apps, and expected-requests.jsonl: "
                    + "the requests that metering these events must produce.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--apps", defaultValue = "100", description = "number of apps (default: ${DEFAULT-VALUE})")
        int apps;
        @Option(names = "--events", defaultValue = "100000", description = "about this many login events in the month (default: ${DEFAULT-VALUE})")
        long events;
        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;
        @Option(names = "--seed", defaultValue = "1")
        long seed;
        @Option(names = "--format", defaultValue = "csv,parquet", split = ",", description = "csv, parquet or both (default: ${DEFAULT-VALUE})")
        java.util.List<String> formats;
        @Option(names = "--out", required = true, paramLabel = "DIR")
        String out;
        @Option(names = "--zone", defaultValue = MeterOptions.DEFAULT_ZONE)
        String zone;
        @Option(names = "--master", paramLabel = "URL")
        String master;
        @Option(names = "--default-plan", defaultValue = "TRIAL", description = "plan of apps without an account line in the expected requests")
        String defaultPlan;

        @Override
        public Integer call() throws Exception {
            YearMonth m;
            try {
                m = YearMonth.parse(month);
            } catch (DateTimeParseException e) {
                System.err.println("error: --month " + month + ": expected YYYY-MM");
                return MeterJob.BAD_INPUT;
            }
            for (String f : formats) {
                if (!f.equals("csv") && !f.equals("parquet")) {
                    System.err.println("error: --format " + f + ": expected csv or parquet");
                    return MeterJob.BAD_INPUT;
                }
            }
            EventGenerator.Settings s = new EventGenerator.Settings(apps, events, m, seed, ZoneId.of(zone),
                    defaultPlan);
            SparkSession spark = Spark.session("tariff meter-generate", master, false);
            try {
                EventGenerator.Totals t = new EventGenerator(spark, s).write(out, formats.contains("csv"),
                        formats.contains("parquet"));
                System.err.printf("meter-generate: %d apps, %d logins (%d outside the month), %d group snapshots, "
                        + "%d barrage samples in %s%n", apps, t.logins(), t.loginsOutside(), t.groups(), t.barrage(), out);
                return MeterJob.OK;
            } finally {
                spark.stop();
            }
        }
    }
}
