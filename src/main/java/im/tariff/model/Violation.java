package im.tariff.model;

import im.tariff.i18n.Language;
import org.kie.api.runtime.rule.RuleContext;

/** Result fact: something the request does that the tariff does not allow. It never changes a charge. */
public record Violation(String code, String subject, Severity severity, String rule, String message) {

    /** An ERROR violation stamped with the firing rule's name. */
    public static Violation error(RuleContext ctx, String code, Object subject, String message) {
        return new Violation(code, String.valueOf(subject), Severity.ERROR, ChargeLine.ruleName(ctx), message);
    }

    /**
     * An ERROR violation of a library rule, stamped with the rule's name in the sheet's language: the rule's
     * {@code @en("…")} metadata on an English sheet, its own (Chinese) name otherwise.
     */
    public static Violation said(RuleContext ctx, Language language, String code, Object subject, String message) {
        return new Violation(code, String.valueOf(subject), Severity.ERROR, nameIn(ctx, language), message);
    }

    /** The firing rule's name in a language: its metadata of that language when it has one. */
    public static String nameIn(RuleContext ctx, Language language) {
        if (ctx == null) {
            return null;
        }
        Object localized = ctx.getRule().getMetaData().get(language.code());
        return localized instanceof String name && !name.isBlank() ? name : ctx.getRule().getName();
    }

    /** A WARNING violation stamped with the firing rule's name. */
    public static Violation warning(RuleContext ctx, String code, Object subject, String message) {
        return new Violation(code, String.valueOf(subject), Severity.WARNING, ChargeLine.ruleName(ctx), message);
    }
}
