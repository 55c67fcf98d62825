package im.tariff.evaluate;

import im.tariff.compile.RuleFailures;
import im.tariff.compile.RuleLocator;

import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.Allowance;
import im.tariff.model.Term;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The terms (fees, overage prices, daily rates, limits, allowances) the rules set for one plan, found by
 * firing the rules over an app on that plan with no usage, once without add-ons and once with every add-on
 * of the catalog ordered (so that limits an add-on extends show too). The tools use it to know the tariff's
 * numbers without reading rule text: the generator aims at caps and quotas, check finds plans without a fee.
 */
final class PlanTerms {

    private PlanTerms() {
    }

    static List<Object> termsOf(KieBase base, Catalog catalog, RuleLocator locator, String plan, YearMonth month) {
        Set<Object> terms = new LinkedHashSet<>();
        for (boolean withAddOns : new boolean[] {false, true}) {
            KieSession session = base.newKieSession();
            Insertions inserted = Insertions.of(session);
            try {
                session.setGlobal("catalog", catalog);
                session.insert(catalog);
                session.insert(new Account("probe", month, plan, null, null, null));
                if (withAddOns) {
                    for (AddOnDef a : catalog.addOns()) {
                        session.insert(new AddOn(a.code(), a.billing(), null, null));
                    }
                }
                // the tariff's rules only: they set the terms; the library's would bill them, and a term written
                // wrong would then fail in a library rule instead of being found at its own
                session.fireAllRules(match -> !locator.inLibrary(match.getRule().getName()), Evaluator.MAX_FIRINGS);
                terms.addAll(inserted.matching(o -> o instanceof Term || o instanceof Allowance));
            } catch (RuntimeException e) {
                throw new EvaluationException(RuleFailures.explain(e, locator, catalog.language()), e);
            } finally {
                session.dispose();
            }
        }
        return new ArrayList<>(terms);
    }
}
