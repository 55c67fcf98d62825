package im.tariff.reload;

import im.tariff.evaluate.Evaluator;

import java.util.List;

/**
 * Decides whether a compiled, lint-clean candidate rule set may replace the rules in force, typically by
 * running the regression scenarios on it. Called on the reloading thread, never concurrently with itself
 * for one engine.
 */
@FunctionalInterface
public interface ReloadGate {

    /** A gate that lets every compiled rule set through. */
    ReloadGate NONE = candidate -> List.of();

    /** Why the candidate must not serve (e.g. one line per failing scenario); empty means it may. */
    List<String> check(Evaluator candidate);
}
