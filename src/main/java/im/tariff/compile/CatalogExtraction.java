package im.tariff.compile;


import im.tariff.catalog.CatalogCheck;
import im.tariff.catalog.CatalogDraft;
import im.tariff.catalog.Declared;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Reads the catalog a compiled rule set declares: one session of its own holds only a {@link CatalogDraft};
 * the rules that match it fire and write to it, each entry stamped with the declaring rule's file and line.
 * No bill's session ever holds a draft, so the declaring rules cost evaluations nothing.
 */
final class CatalogExtraction {

    /** Declaring a catalog takes a few firings; far more means a declaring rule loops. */
    private static final int MAX_FIRINGS = 5_000;

    private CatalogExtraction() {
    }

    static CatalogCheck.Result extract(KieBase base, RuleLocator locator, Declared fallback) {
        CatalogDraft draft = new CatalogDraft();
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    draft.declaring(locator.where(event.getMatch().getRule().getName()));
                }
            });
            session.insert(draft);
            session.fireAllRules(MAX_FIRINGS);
        } finally {
            session.dispose();
        }
        return CatalogCheck.freeze(draft, fallback);
    }
}
