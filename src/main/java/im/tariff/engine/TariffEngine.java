package im.tariff.engine;

import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The object a service builds once and shares between threads. It holds the current compiled rules in an
 * atomic reference: an evaluation uses the rule set it started with, and a reload swaps in a complete new
 * set or nothing at all.
 */
public final class TariffEngine {

    private final AtomicReference<CompiledRules> current;
    private final Path rulesDir;

    private TariffEngine(CompiledRules rules, Path rulesDir) {
        this.current = new AtomicReference<>(rules);
        this.rulesDir = rulesDir;
    }

    /** An engine on the rules bundled in the jar. */
    public static TariffEngine bundled() throws RuleCompilationException {
        return new TariffEngine(RuleCompiler.compile(RuleSource.bundled()), null);
    }

    /** An engine on every .drl file under dir. */
    public static TariffEngine fromDirectory(Path dir) throws IOException, RuleCompilationException {
        return new TariffEngine(RuleCompiler.compile(RuleSource.fromDirectory(dir)), dir);
    }

    /** The folder's rules when dir is given, else the bundled rules. */
    public static TariffEngine load(Path dirOrNull) throws IOException, RuleCompilationException {
        return dirOrNull == null ? bundled() : fromDirectory(dirOrNull);
    }

    /** Evaluates one valid request on the current rules. Thread-safe. */
    public Bill evaluate(BillRequest request) {
        return current.get().evaluate(request);
    }

    /** The rule set in force now. */
    public CompiledRules rules() {
        return current.get();
    }

    /** The rules folder this engine was built from, or null for the bundled rules. */
    public Path rulesDir() {
        return rulesDir;
    }

    /**
     * Recompiles the rules folder and swaps the new set in atomically. On a compile error the old set
     * keeps serving and the error is thrown.
     */
    public CompiledRules reload() throws IOException, RuleCompilationException {
        RuleSource source = rulesDir == null ? RuleSource.bundled() : RuleSource.fromDirectory(rulesDir);
        return install(RuleCompiler.compile(source));
    }

    /** Puts an already compiled rule set in force; returns it. */
    public CompiledRules install(CompiledRules next) {
        current.getAndSet(next);
        // the old set is left to the garbage collector: evaluations still in flight may be using its pool
        return next;
    }
}
