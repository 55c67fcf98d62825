package im.tariff.model;

import org.kie.api.runtime.rule.RuleContext;

/** Result fact: something the request does that the tariff does not allow. It never changes a charge. */
public record Violation(String code, String subject, Severity severity, String rule, String message) {

    /** An ERROR violation stamped with the firing rule's name. */
    public static Violation error(RuleContext ctx, String code, Object subject, String message) {
        return new Violation(code, String.valueOf(subject), Severity.ERROR, ChargeLine.ruleName(ctx), message);
    }

    /** A WARNING violation stamped with the firing rule's name. */
    public static Violation warning(RuleContext ctx, String code, Object subject, String message) {
        return new Violation(code, String.valueOf(subject), Severity.WARNING, ChargeLine.ruleName(ctx), message);
    }
}
