package im.tariff.refund;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a tariff's refund rules say of the app once the refund is made: its status (a code of the sheet, e.g.
 * stopped), the plans it may be renewed on, whether the postpaid charges already incurred are still billed,
 * ({@code postpaidBilled}) and the words for people. One per refund. Made by a rule:
 * <pre>
 * insert(AfterRefund.of(kcontext, "STOPPED", "…").renewableOn("PLAN_A", "PLAN_B").postpaidStillBilled());
 * </pre>
 */
public record AfterRefund(String status, List<String> renewableOn, boolean postpaidBilled, String message,
                          String rule) {

    public AfterRefund {
        if (status == null || status.isBlank()) {
            throw new im.tariff.model.TermException("term.code.missing", "status");
        }
        renewableOn = List.copyOf(renewableOn);
        message = message == null ? "" : message;
    }

    public static AfterRefund of(RuleContext ctx, String status, String message) {
        return new AfterRefund(status, List.of(), false, message, RefundLine.ruleName(ctx));
    }

    /** The plans (codes of the catalog) the app may be renewed on, in this order. */
    public AfterRefund renewableOn(String... plans) {
        List<String> all = new ArrayList<>(renewableOn);
        all.addAll(List.of(plans));
        return new AfterRefund(status, all, postpaidBilled, message, rule);
    }

    /** The postpaid charges of the month so far (overage, …) are still billed as usual. */
    public AfterRefund postpaidStillBilled() {
        return new AfterRefund(status, renewableOn, true, message, rule);
    }
}
