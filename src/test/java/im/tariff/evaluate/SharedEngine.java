package im.tariff.evaluate;

import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;

import im.tariff.model.Bill;
import im.tariff.model.BillRequest;

/**
 * The seed tariff (a frozen copy of the tariff the product shipped with, in src/test/resources/tariffs/seed)
 * compiled once per test JVM: compiling takes seconds, evaluating microseconds, and the engine is meant to be
 * shared (that sharing is itself under test in ConcurrentEvaluationTest). Java tests run on this copy, never
 * on rules/, so an analyst's deliberate edit of rules/ cannot break them; rules/ is pinned by its scenarios.
 */
public final class SharedEngine {

    /** The frozen seed tariff: a complete rules folder. */
    public static final java.nio.file.Path SEED = java.nio.file.Path.of("src/test/resources/tariffs/seed");

    private static LiveEvaluator engine;

    private SharedEngine() {
    }

    public static synchronized LiveEvaluator get() {
        if (engine == null) {
            try {
                engine = LiveEvaluator.fromDirectory(SEED);
            } catch (RuleCompilationException e) {
                throw new AssertionError("seed rules do not compile:\n" + e.getMessage(), e);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return engine;
    }

    /** The strict reader of the seed tariff's catalog. */
    public static im.tariff.io.RequestReader reader() {
        return get().rules().reader();
    }

    public static Bill evaluate(BillRequest request) {
        return get().evaluate(request);
    }
}
