package im.tariff.compile;


import im.tariff.catalog.Declarations;
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

    static Declarations.Result extract(KieBase base, RuleLocator locator, Declared fallback) {
        // which rules declare: they match a draft alone (the order Drools fires them in is its own)
        java.util.Set<String> declaring = new java.util.HashSet<>();
        fire(base, new CatalogDraft(), null, declaring::add);
        // then each of them, in the order they are written, on the one draft: a variant's codes come after its
        // base's, and the library's after the tariff's (an agenda filter drops what it does not accept, so each
        // rule gets a session of its own; this runs once per compile)
        CatalogDraft draft = new CatalogDraft();
        for (String rule : locator.inOrder()) {
            if (declaring.remove(rule)) {
                draft.declaring(locator.where(rule));
                fire(base, draft, rule, name -> { });
            }
        }
        for (String rule : declaring) {               // a rule the locator could not place
            draft.declaring(locator.where(rule));
            fire(base, draft, rule, name -> { });
        }
        return Declarations.freeze(draft, fallback);
    }

    private static void fire(KieBase base, CatalogDraft draft, String only, java.util.function.Consumer<String> fired) {
        KieSession session = base.newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    fired.accept(event.getMatch().getRule().getName());
                }
            });
            session.insert(draft);
            if (only == null) {
                session.fireAllRules(MAX_FIRINGS);
            } else {
                session.fireAllRules(match -> match.getRule().getName().equals(only), MAX_FIRINGS);
            }
        } finally {
            session.dispose();
        }
    }
}
