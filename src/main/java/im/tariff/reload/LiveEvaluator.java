package im.tariff.reload;

import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.compile.UnsafeRulesException;
import im.tariff.evaluate.Evaluator;

import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The object a service builds once and shares between threads. It holds the current compiled rules in an
 * atomic reference: an evaluation uses the rule set it started with, and a reload swaps in a complete new
 * set or nothing at all.
 * <p>
 * A reload (forced with {@link #reloadNow}, or triggered by {@link #watch}) reads the folder, lints and
 * compiles it ({@link RuleCompiler}), runs the {@link ReloadGate} (the scenarios) on the candidate and swaps
 * only when all three pass. Otherwise the last good rules keep serving and the refusal goes to the
 * listeners, to the log and to {@link #status()}. Reloads never run concurrently with each other.
 */
public final class LiveEvaluator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvaluator.class);

    private final AtomicReference<Evaluator> current;
    private final Path rulesDir;
    private final ReentrantLock reloadLock = new ReentrantLock();
    private final List<ReloadListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong reloadAttempts = new AtomicLong();
    private final AtomicLong reloadsRefused = new AtomicLong();
    private volatile ReloadGate gate = ReloadGate.NONE;
    private volatile ReloadResult lastReload;
    private volatile RulesWatcher watcher;

    private LiveEvaluator(Evaluator rules, Path rulesDir) {
        this.current = new AtomicReference<>(rules);
        this.rulesDir = rulesDir;
        this.lastReload = new ReloadResult(ReloadResult.Outcome.SWAPPED, "startup", rules.loadedAt(), Duration.ZERO,
                rules.version(), rules.version(), List.of(), List.of());
    }

    /** An engine on the rules bundled in the jar. */
    public static LiveEvaluator bundled() throws RuleCompilationException {
        return new LiveEvaluator(Evaluator.compile(RuleSource.bundled()), null);
    }

    /** An engine on every .drl file under dir. */
    public static LiveEvaluator fromDirectory(Path dir) throws IOException, RuleCompilationException {
        return new LiveEvaluator(Evaluator.compile(RuleSource.fromDirectory(dir)), dir);
    }

    /** The folder's rules when dir is given, else the bundled rules. */
    public static LiveEvaluator load(Path dirOrNull) throws IOException, RuleCompilationException {
        return dirOrNull == null ? bundled() : fromDirectory(dirOrNull);
    }

    /** Builds an engine with a gate and listeners in place before the first rules are accepted. */
    public static Builder builder() {
        return new Builder();
    }

    /** Evaluates one valid request on the current rules. Thread-safe. */
    public Bill evaluate(BillRequest request) {
        return current.get().evaluate(request);
    }

    /** The rule set in force now. */
    public Evaluator rules() {
        return current.get();
    }

    /** The rules folder this engine was built from, or null for the bundled rules. */
    public Path rulesDir() {
        return rulesDir;
    }

    /** The gate every later reload must pass (default: none). */
    public LiveEvaluator setGate(ReloadGate gate) {
        this.gate = Objects.requireNonNull(gate);
        return this;
    }

    public LiveEvaluator addListener(ReloadListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    public void removeListener(ReloadListener listener) {
        listeners.remove(listener);
    }

    /**
     * Recompiles the rules folder and swaps the new set in atomically when it compiles, is safe and passes
     * the gate. Otherwise the old set keeps serving and the reason is thrown (a
     * {@link UnsafeRulesException} or {@link GateRejectedException} are kinds of
     * {@link RuleCompilationException}). Listeners are told either way.
     */
    public Evaluator reload() throws IOException, RuleCompilationException {
        ReloadResult r = reloadNow("api");
        switch (r.outcome()) {
            case UNREADABLE -> throw new IOException(r.reasons().isEmpty() ? "rules unreadable" : r.reasons().get(0));
            case UNSAFE -> throw new UnsafeRulesException(r.problems());
            case NOT_COMPILED -> throw new RuleCompilationException(r.problems());
            case GATE_REFUSED -> throw new GateRejectedException(origin(), r.gateFailures());
            default -> {
                return current.get();
            }
        }
    }

    /**
     * One gated reload attempt, never throwing: reads, lints, compiles and gates the folder (the bundled
     * rules when there is none) and swaps only if all pass. Waits for a reload already running.
     *
     * @param trigger who asked ("watch", "http", "api"), for the log and the status
     */
    public ReloadResult reloadNow(String trigger) {
        reloadLock.lock();
        try {
            ReloadResult result = attempt(trigger);
            lastReload = result;
            reloadAttempts.incrementAndGet();
            if (result.refused()) {
                reloadsRefused.incrementAndGet();
                LOG.warn("{}", result.summary());
            } else {
                LOG.info("{}", result.summary());
            }
            for (ReloadListener l : listeners) {
                try {
                    l.onReload(result);
                } catch (RuntimeException e) {
                    LOG.warn("reload listener failed: {}", e.toString());
                }
            }
            return result;
        } finally {
            reloadLock.unlock();
        }
    }

    private ReloadResult attempt(String trigger) {
        long started = System.nanoTime();
        Instant at = Instant.now();
        Evaluator serving = current.get();
        RuleSource source;
        try {
            source = rulesDir == null ? RuleSource.bundled() : RuleSource.fromDirectory(rulesDir);
        } catch (IOException | RuntimeException e) {
            return result(ReloadResult.Outcome.UNREADABLE, trigger, at, started, null,
                    List.of(new RuleProblem(origin(), 0, "无法读取规则 (cannot read the rules): " + e)), List.of());
        }
        if (source.version().equals(serving.version())) {
            // same files: nothing to compile, but the scenarios may have changed, so the gate speaks again
            List<String> failures = runGate(serving);
            return result(failures.isEmpty() ? ReloadResult.Outcome.UNCHANGED : ReloadResult.Outcome.GATE_REFUSED,
                    trigger, at, started, source.version(), List.of(), failures);
        }
        Evaluator candidate;
        try {
            candidate = Evaluator.compile(source);
        } catch (UnsafeRulesException e) {
            return result(ReloadResult.Outcome.UNSAFE, trigger, at, started, source.version(), e.problems(), List.of());
        } catch (RuleCompilationException e) {
            return result(ReloadResult.Outcome.NOT_COMPILED, trigger, at, started, source.version(), e.problems(),
                    List.of());
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // a compiler crash on odd input is still just a refused edit
            return result(ReloadResult.Outcome.NOT_COMPILED, trigger, at, started, source.version(),
                    List.of(new RuleProblem(origin(), 0, "规则无法编译 (rules do not compile): " + e)), List.of());
        }
        List<String> failures = runGate(candidate);
        if (!failures.isEmpty()) {
            candidate.close(); // nobody else has seen it
            return result(ReloadResult.Outcome.GATE_REFUSED, trigger, at, started, source.version(), List.of(),
                    failures);
        }
        install(candidate);
        return result(ReloadResult.Outcome.SWAPPED, trigger, at, started, source.version(), List.of(), List.of());
    }

    private List<String> runGate(Evaluator candidate) {
        try {
            return List.copyOf(gate.check(candidate));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of("检查本身出错 (the gate failed): " + e);
        }
    }

    private ReloadResult result(ReloadResult.Outcome outcome, String trigger, Instant at, long startedNanos,
                                String candidateVersion, List<RuleProblem> problems, List<String> gateFailures) {
        return new ReloadResult(outcome, trigger, at, Duration.ofNanos(System.nanoTime() - startedNanos),
                current.get().version(), candidateVersion, problems, gateFailures);
    }

    /** Puts an already compiled rule set in force; returns it. */
    public Evaluator install(Evaluator next) {
        current.getAndSet(next);
        // the old set is left to the garbage collector: evaluations still in flight may be using its pool
        return next;
    }

    /**
     * Watches the rules folder (and its subfolders, such as scenarios/) and reloads on every change, after
     * the files have been quiet for {@code debounce}. Editors that save by writing a new file and renaming
     * it, and a folder replaced whole, are seen too (a slow poll backs up the file system events).
     */
    public synchronized LiveEvaluator watch(Duration debounce, Duration poll) throws IOException {
        if (rulesDir == null) {
            throw new IllegalStateException("the bundled rules cannot be watched: give a rules folder");
        }
        if (watcher == null) {
            RulesWatcher w = new RulesWatcher(rulesDir, debounce, poll, () -> reloadNow("watch"));
            w.start();
            watcher = w;
        }
        return this;
    }

    /** {@link #watch(Duration, Duration)} with a 300 ms debounce and a 2 s safety poll. */
    public LiveEvaluator watch() throws IOException {
        return watch(Duration.ofMillis(300), Duration.ofSeconds(2));
    }

    public boolean watching() {
        return watcher != null;
    }

    /** Stops watching. Evaluations keep working on the rules in force. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    /** A snapshot for health and status pages. */
    public LiveStatus status() {
        Evaluator rules = current.get();
        return new LiveStatus(rules.version(), origin(), new ArrayList<>(rules.source().files().keySet()),
                rules.ruleNames().size(), rules.loadedAt(), watching(), lastReload, reloadAttempts.get(),
                reloadsRefused.get());
    }

    private String origin() {
        return rulesDir == null ? RuleSource.BUNDLED_FOLDER : rulesDir.toString();
    }

    /** Sets up an engine: where its rules are, the gate, and listeners that must see the first load too. */
    public static final class Builder {

        private Path rulesDir;
        private ReloadGate gate = ReloadGate.NONE;
        private final List<ReloadListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** A folder of .drl files; null (the default) means the rules bundled in the jar. */
        public Builder rules(Path dirOrNull) {
            this.rulesDir = dirOrNull;
            return this;
        }

        public Builder gate(ReloadGate gate) {
            this.gate = Objects.requireNonNull(gate);
            return this;
        }

        public Builder listener(ReloadListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /**
         * Compiles the rules and runs the gate once: a service must not start on rules its own scenarios
         * refuse.
         */
        public LiveEvaluator build() throws IOException, RuleCompilationException {
            LiveEvaluator engine = load(rulesDir);
            List<String> failures = engine.setGate(gate).runGate(engine.rules());
            if (!failures.isEmpty()) {
                throw new GateRejectedException(engine.origin(), failures);
            }
            listeners.forEach(engine::addListener);
            if (rulesDir != null && engine.rules().precompiled()) {
                // a service reloads its folder from the text: warm the compiler now, not at the first reload
                RuleCompiler.warmUpInBackground(engine.rules().source());
            }
            return engine;
        }
    }
}
