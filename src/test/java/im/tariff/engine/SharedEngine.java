package im.tariff.engine;

import im.tariff.model.Bill;
import im.tariff.model.BillRequest;

/**
 * The bundled rules compiled once per test JVM: compiling takes seconds, evaluating microseconds, and the
 * engine is meant to be shared (that sharing is itself under test in ConcurrentEvaluationTest).
 */
public final class SharedEngine {

    private static TariffEngine engine;

    private SharedEngine() {
    }

    public static synchronized TariffEngine get() {
        if (engine == null) {
            try {
                engine = TariffEngine.bundled();
            } catch (RuleCompilationException e) {
                throw new AssertionError("bundled rules do not compile:\n" + e.getMessage(), e);
            }
        }
        return engine;
    }

    public static Bill evaluate(BillRequest request) {
        return get().evaluate(request);
    }
}
