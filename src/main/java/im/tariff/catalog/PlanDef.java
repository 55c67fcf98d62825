package im.tariff.catalog;

import java.util.List;

/**
 * A plan the tariff sells: its code (as bills and requests write it), its name (as people read it), other
 * names a request may use for it, whether its price is given only on request ("contact sales": no bill can
 * be made for it), and where it was declared.
 */
public record PlanDef(String code, String name, List<String> aliases, boolean onRequest, Declared declared) {

    public PlanDef {
        aliases = List.copyOf(aliases);
    }

    /** True when text is the code, the name or one of the other names. */
    public boolean answersTo(String text) {
        return code.equals(text) || name.equals(text) || aliases.contains(text);
    }
}
