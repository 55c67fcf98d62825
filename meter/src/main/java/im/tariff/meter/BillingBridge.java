package im.tariff.meter;

import im.tariff.evaluate.EvaluationException;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.catalog.Catalog;
import im.tariff.compile.RuleSource;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.Measurement;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.model.BillRequest;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The only class of the meter that calls into the core (engine, strict reader, bill writer, catalog). Everything
 * else in this module speaks JSON text, so a change of the core's API is adapted here alone.
 *
 * <p>Rules travel to the executors as file contents ({@link Rules}), never as a path: a folder given with
 * {@code --rules} on the driver need not exist on the cluster's nodes. Each executor JVM compiles a rule set once
 * and keeps the engine in a static cache (engines are thread-safe), keyed by the content hash of the files.
 */
public final class BillingBridge {

    private static final Map<String, Evaluator> ENGINES = new ConcurrentHashMap<>();

    private BillingBridge() {
    }

    /** A rule set by content: empty files map = the rules bundled in the core jar. */
    public static final class Rules implements Serializable {
        private static final long serialVersionUID = 1L;
        final String key;
        final TreeMap<String, byte[]> files;
        /** The files' names in the order the engine declares them (a base's files first). */
        final List<String> order;
        /** The folder the files were read from, on the driver (not used on executors). */
        final transient Path source;

        private Rules(String key, TreeMap<String, byte[]> files, List<String> order, Path source) {
            this.key = key;
            this.files = files;
            this.order = order;
            this.source = source;
        }

        public static Rules bundled() {
            return new Rules("bundled", new TreeMap<>(), List.of(), null);
        }

        /**
         * The rule files of the sheet in dir, read now on the driver as the engine reads them: a variant's base
         * folders (base.txt) resolved, in the order the engine declares them, so executors compile the very sheet
         * the driver checked (and stamp bills with the same rulesVersion).
         */
        public static Rules fromDirectory(Path dir) throws IOException {
            TreeMap<String, byte[]> files = new TreeMap<>();
            java.util.LinkedHashMap<String, byte[]> ordered = new java.util.LinkedHashMap<>(RuleSource.fromDirectory(dir).contents());
            files.putAll(ordered);
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Map.Entry<String, byte[]> e : ordered.entrySet()) {
                    sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(e.getValue());
                    sha.update((byte) 0);
                }
                return new Rules("dir-" + HexFormat.of().formatHex(sha.digest()), files,
                        List.copyOf(ordered.keySet()), dir);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean isBundled() {
            return files.isEmpty() && key.equals("bundled");
        }
    }

    /** The rules do not compile: each problem as file:line: message. */
    public static final class BadRulesException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRulesException(String message) {
            super(message);
        }
    }

    /** The outcome of one request: a bill's JSON, or the refusal of the request (field + reason). */
    public record Outcome(String billJson, String field, String error) {
        public boolean isBill() {
            return billJson != null;
        }
    }

    /** Compiles the rules (once per JVM); on the driver this fails fast before any bill is evaluated. */
    public static void check(Rules rules) throws BadRulesException {
        if (rules.source == null || ENGINES.containsKey(rules.key)) {
            engine(rules);
            return;
        }
        // on the driver, compile from the folder itself, so that problems name the user's files
        synchronized (ENGINES) {
            if (ENGINES.containsKey(rules.key)) {
                return;
            }
            try {
                ENGINES.put(rules.key, Evaluator.compile(RuleSource.fromDirectory(rules.source)));
            } catch (RuleCompilationException e) {
                throw new BadRulesException(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Evaluates one request given as JSON text with the strict reader and the engine of this JVM. */
    public static Outcome evaluate(Rules rules, String requestJson) throws BadRulesException {
        Evaluator compiled = engine(rules); // one rule set: its catalog reads, its rules bill
        BillRequest request;
        try {
            request = compiled.reader().read(requestJson);
        } catch (InvalidRequestException e) {
            return new Outcome(null, e.field(), e.reason());
        }
        try {
            return new Outcome(BillWriter.toJson(compiled.evaluate(request)), null, null);
        } catch (EvaluationException e) {
            return new Outcome(null, null, "the rules could not evaluate this request: " + e.getMessage());
        }
    }

    /**
     * What the rules' catalog says the job meters: the measured meters with their request fields, the event
     * sources and their columns, the default plan and the time zone (either may be null).
     */
    public static Metering metering(Rules rules) throws BadRulesException {
        Evaluator compiled = ENGINES.get(rules.key);
        if (compiled != null) {
            return metering(compiled.catalog());
        }
        Path cached = cacheFile(rules);
        if (cached != null && Files.isRegularFile(cached)) {
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(Files.newInputStream(cached))) {
                return (Metering) in.readObject();
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                // a stale or unreadable cache entry: read the catalog again
            }
        }
        check(rules); // problems name the user's files
        Metering m = metering(engine(rules).catalog());
        if (cached != null) {
            try {
                Files.createDirectories(cached.getParent());
                Path tmp = Files.createTempFile(cached.getParent(), "metering", ".tmp");
                try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(Files.newOutputStream(tmp))) {
                    out.writeObject(m);
                }
                Files.move(tmp, cached, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                // only a cache
            }
        }
        return m;
    }

    /**
     * Where the metering of a rule set is kept between runs, by the content hash of its files, when the launcher
     * names a cache folder (system property {@code tariff.meter.cache}): a run whose rules were seen before then
     * measures the events while the rules compile. Null without a cache folder.
     */
    private static Path cacheFile(Rules rules) {
        String dir = System.getProperty("tariff.meter.cache");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        try {
            String version = rules.isBundled() ? "bundled-" + RuleSource.bundled().version() : rules.key;
            return Path.of(dir, "metering-" + version + "-" + Metering.class.getName().hashCode() + ".ser");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Metering metering(Catalog catalog) {
        List<Metering.Meter> meters = new ArrayList<>();
        Map<Integer, java.util.Set<String>> values = new java.util.HashMap<>();
        for (MeterDef m : catalog.measuredMeters()) {
            Measurement how = m.measurement();
            int index = meters.size();
            meters.add(new Metering.Meter(index, m.code(), Metering.Shape.valueOf(m.shape().name()), m.field(),
                    m.seriesField(), m.valueField(), m.dimension(), m.decimal(), how.source(),
                    Metering.Agg.valueOf(how.measure().name()), how.column()));
            values.put(index, m.dimensionValues().keySet());
        }
        return new Metering(List.copyOf(meters), Metering.sources(meters, values), catalog.defaultPlan(),
                catalog.declaredZone() == null ? null : catalog.declaredZone().getId());
    }

    /** The plan codes of the rules' catalog (the event generator picks accounts' plans from them). */
    public static List<String> planCodes(Rules rules) throws BadRulesException {
        return engine(rules).catalog().plans().stream().map(PlanDef::code).toList();
    }

    private static Evaluator engine(Rules rules) throws BadRulesException {
        Evaluator engine = ENGINES.get(rules.key);
        if (engine != null) {
            return engine;
        }
        synchronized (ENGINES) {
            engine = ENGINES.get(rules.key);
            if (engine == null) {
                engine = load(rules);
                ENGINES.put(rules.key, engine);
            }
            return engine;
        }
    }

    static Evaluator load(Rules rules) throws BadRulesException {
        try {
            if (rules.isBundled()) {
                return Evaluator.compile(RuleSource.bundled());
            }
            java.util.LinkedHashMap<String, byte[]> ordered = new java.util.LinkedHashMap<>();
            for (String name : rules.order) {
                ordered.put(name, rules.files.get(name));
            }
            return Evaluator.compile(RuleSource.ofBytesInOrder("(shipped)", ordered));
        } catch (RuleCompilationException e) {
            throw new BadRulesException(e.getMessage());
        }
    }
}
