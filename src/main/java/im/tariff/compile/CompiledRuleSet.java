package im.tariff.compile;

import im.tariff.catalog.Catalog;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;

/**
 * What the compiler makes of a {@link RuleSource}: the immutable Drools knowledge base, the container that owns
 * it (null for a rule set loaded as the build compiled it), the catalog its rules declare, and where each rule is
 * written. An {@code Evaluator} bills with it.
 */
public record CompiledRuleSet(RuleSource source, KieContainer container, KieBase kieBase, Catalog catalog,
                              RuleLocator locator) {

    /** True when the rules were loaded as the build compiled them (no container), not compiled from text. */
    public boolean precompiled() {
        return container == null;
    }

    /** Releases what Drools holds for this rule set. */
    public void dispose() {
        if (container != null) {
            container.dispose();
        }
    }
}
