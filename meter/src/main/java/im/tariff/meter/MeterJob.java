package im.tariff.meter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A metering run: checks the options against the rules' catalog (which sources it declares, its time zone and
 * default plan), then lets an engine meter the events: DuckDB in this process by default, Spark for months
 * that outgrow one machine. Both run the same SQL ({@link EventSql}) and build the same requests, bills and
 * summary ({@link AppBills}, {@link Report}).
 */
public final class MeterJob {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int BAD_RULES = 3;

    /** The engines: DuckDB (in-process, the default) and Spark (local or any master). */
    enum Engine { DUCKDB, SPARK }

    /**
     * One run. events: source name → path (a file or a folder of part files); accounts may be null; zone and
     * defaultPlan override the catalog's when not null; rules null = the rules bundled in the core jar.
     */
    record Options(YearMonth month, Map<String, String> events, String accounts, String out, String zone,
                   Path rules, String defaultPlan, Engine engine, String master, boolean stageTimes) {
    }

    /** What an engine needs: the options checked, the catalog's metering, the SQL and the per-app code. */
    record Run(Options options, BillingBridge.Rules rules, Metering metering, List<Metering.Source> sources,
               ZoneId zone, EventSql sql, AppBills bills, PrintStream err,
               java.util.concurrent.CompletableFuture<BillingBridge.BadRulesException> compiled) {

        String path(Metering.Source s) {
            return options.events().get(s.name());
        }

        /** Waits for the whole rule set; true when it compiled (an engine evaluates no bill before). */
        boolean rulesCompiled() {
            return compiled.join() == null;
        }
    }

    private final PrintStream err;
    private final org.apache.spark.sql.SparkSession spark;

    /** A job on the engine its options name; spark: a session to use for the Spark engine (tests), or null. */
    public MeterJob(PrintStream err, org.apache.spark.sql.SparkSession spark) {
        this.err = err;
        this.spark = spark;
    }

    int run(Options o) throws IOException {
        long t0 = System.nanoTime();
        BillingBridge.Rules rules;
        try {
            rules = o.rules() == null ? BillingBridge.Rules.bundled() : BillingBridge.Rules.fromDirectory(o.rules());
        } catch (IOException e) {
            err.println("error: --rules " + o.rules() + ": cannot be read (" + e.getMessage() + ")");
            return BAD_INPUT;
        }
        if (o.engine() == Engine.DUCKDB) {
            DuckEngine.open(); // DuckDB loads while the catalog compiles
        }
        // what the catalog measures (kept between runs by the launcher: the rules then compile while the events are
        // measured)
        Metering metering;
        try {
            metering = BillingBridge.metering(rules);
        } catch (BillingBridge.BadRulesException e) {
            return badRules(e);
        }
        Phases.mark("catalog read");
        String defaultPlan = o.defaultPlan() != null ? o.defaultPlan() : metering.defaultPlan();
        AppBills bills = new AppBills(o.month(), defaultPlan, metering.meters().stream()
                .filter(m -> o.events().containsKey(m.source())).toList());
        java.util.concurrent.CompletableFuture<BillingBridge.BadRulesException> compiled =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        BillingBridge.check(rules);
                        Phases.mark("rules compiled");
                        warmUp(rules, metering, bills, o.month());
                        Phases.mark("first bill evaluated");
                        return null;
                    } catch (BillingBridge.BadRulesException e) {
                        return e;
                    }
                });
        if (metering.meters().isEmpty()) {
            err.println("error: the catalog of these rules declares no meter measured from raw events; declare one "
                    + "in catalog.drl, e.g. .measured(\"events\", Measure.DISTINCT_PER_DAY, \"user\")");
            return BAD_INPUT;
        }
        List<String> declared = metering.sources().stream().map(Metering.Source::name).toList();
        for (String name : o.events().keySet()) {
            if (metering.source(name) == null) {
                err.println("error: --" + name + ": the catalog measures no meter from an event source named " + name
                        + " (its sources: " + String.join(", ", declared) + ")");
                return BAD_INPUT;
            }
        }
        if (o.events().isEmpty() && o.accounts() == null) {
            err.println("error: no input: give the events of the catalog's sources (" + declared.stream()
                    .map(n -> "--" + n + " FILE").reduce((a, b) -> a + ", " + b).orElse("") + ") and/or --accounts");
            return BAD_INPUT;
        }
        String zoneText = o.zone() != null ? o.zone() : metering.timeZone();
        if (zoneText == null) {
            err.println("error: the catalog declares no time zone ($c.timeZone(\"…\")) and no --zone was given: the "
                    + "natural days cannot be told");
            return BAD_INPUT;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            err.println("error: --zone " + zoneText + ": unknown time zone");
            return BAD_INPUT;
        }
        List<Metering.Source> given = metering.sources().stream().filter(s -> o.events().containsKey(s.name()))
                .toList();
        Dialect dialect = o.engine() == Engine.SPARK ? Dialect.SPARK : Dialect.DUCKDB;
        Run run = new Run(o, rules, metering, given, zone, new EventSql(dialect, o.month(), zone),
                bills, err, compiled);
        Outcome result = o.engine() == Engine.SPARK ? new SparkEngine(spark).run(run) : new DuckEngine().run(run);
        if (result.exit() != OK) {
            // rules that do not compile come first, as they would have without the overlap
            BillingBridge.BadRulesException bad = compiled.join();
            return bad != null ? badRules(bad) : result.exit();
        }
        Report.print(result.summary(), err);
        double secs = (System.nanoTime() - t0) / 1e9;
        long events = 0;
        for (Metering.Source s : given) {
            events += result.summary().path("inputs").path(s.name()).path("read").asLong();
        }
        err.printf("meter: %d apps, %d events in %.1f s (%.0f events/s) on %s; wrote %s%n",
                result.summary().path("apps").asLong(), events, secs, events / secs,
                o.engine().name().toLowerCase(java.util.Locale.ROOT), o.out());
        return OK;
    }

    /**
     * Evaluates one made-up app (a figure of 1 for each measured meter on the month's first day) while the events
     * are being measured, so that the engine's first-use work is done before the real bills.
     */
    private static void warmUp(BillingBridge.Rules rules, Metering metering, AppBills bills, YearMonth month) {
        RequestJson.Usage u = new RequestJson.Usage();
        int day = (int) month.atDay(1).toEpochDay();
        for (Metering.Meter m : metering.meters()) {
            String dim = null;
            if (m.shape() == Metering.Shape.DAILY) {
                Metering.Source s = metering.source(m.source());
                dim = s.columns().stream().filter(c -> c.name().equals(m.dimension())).findFirst()
                        .map(c -> c.values().iterator().next()).orElse(null);
            }
            u.put(m.index(), m.daily() ? day : null, dim, m.decimalValue() ? java.math.BigDecimal.ONE : (Number) 1L);
        }
        try {
            bills.app(rules, "warm-up", u, List.of());
        } catch (RuntimeException e) {
            // only a warm-up: the real bills report their own problems
        }
    }

    private int badRules(BillingBridge.BadRulesException e) {
        err.println(e.getMessage());
        err.println("error: the rules do not compile");
        return BAD_RULES;
    }

    /** What an engine did: the exit status and, when 0, the summary it wrote. */
    record Outcome(int exit, com.fasterxml.jackson.databind.node.ObjectNode summary) {
        static Outcome failed(int exit) {
            return new Outcome(exit, null);
        }
    }

}
