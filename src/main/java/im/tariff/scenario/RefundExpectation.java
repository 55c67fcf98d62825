package im.tariff.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.model.BillingMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a refund scenario expects (docs/ANALYST-GUIDE.md): the total given back, and optionally each order's
 * line (one per order of the request, in its order; only the fields written are compared) and the app's state
 * afterwards. A refusal is written as for a bill ({@code error: {field, reason}}).
 * <pre>
 * expect:
 *   refund: 644.52
 *   orders:
 *     - {plan: PRO, daysUsed: 11, periodDays: 31, monthlyFee: 999.00, usedValue: 354.48, returned: 644.52}
 *   state: {status: STOPPED, renewableOn: [PRO, FLAGSHIP], postpaidStillBilled: true}
 * </pre>
 *
 * @param refund     the expected total given back
 * @param refundLine the line of {@code refund:} in the file
 * @param orders     the expected lines, or null when not written (then not compared)
 * @param state      the expected state, or null when not written
 */
public record RefundExpectation(BigDecimal refund, int refundLine, List<ExpectedItem> orders, ExpectedItem state) {

    static final Set<String> KEYS = Set.of("refund", "orders", "state");
    static final List<String> ORDER_FIELDS = List.of("plan", "addOn", "billingMode", "periodStart", "periodEnd",
            "paid", "monthlyFee", "daysUsed", "periodDays", "usedValue", "returned", "cleared", "rule", "description");
    static final List<String> STATE_FIELDS = List.of("status", "renewableOn", "postpaidStillBilled", "rule",
            "message");
    static final Set<String> MONEY = Set.of("paid", "monthlyFee", "usedValue", "returned");
    static final Set<String> WHOLE = Set.of("daysUsed", "periodDays");
    static final Set<String> YES_NO = Set.of("cleared", "postpaidStillBilled");
    static final Set<String> DAYS = Set.of("periodStart", "periodEnd");

    public RefundExpectation {
        orders = orders == null ? null : List.copyOf(orders);
    }

    static RefundExpectation parse(YamlTree tree, JsonNode node, String ptr, String name)
            throws ScenarioFormatException {
        ScenarioLoader.checkKeys(tree, node, ptr, KEYS, "scenario.in.refundExpect");
        if (!node.has("refund")) {
            throw tree.error(ptr, tree.words().format("scenario.refund.missingTotal", name));
        }
        BigDecimal refund = ScenarioLoader.decimal(tree, node.get("refund"), ptr + "/refund", "refund");
        List<ExpectedItem> orders = null;
        JsonNode list = node.get("orders");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw tree.error(ptr + "/orders", tree.words().format("scenario.refund.ordersNotAList"));
            }
            orders = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                orders.add(item(tree, list.get(i), ptr + "/orders/" + i, ORDER_FIELDS, "returned", "scenario.in.refundOrder"));
            }
        }
        JsonNode stateNode = node.get("state");
        ExpectedItem state = stateNode == null || stateNode.isNull() ? null
                : item(tree, stateNode, ptr + "/state", STATE_FIELDS, null, "scenario.in.refundState");
        return new RefundExpectation(refund, tree.lineOf(ptr + "/refund"), orders, state);
    }

    private static ExpectedItem item(YamlTree tree, JsonNode item, String ptr, List<String> fields, String required,
                                     String what) throws ScenarioFormatException {
        if (!item.isObject()) {
            throw tree.error(ptr, tree.words().format("scenario.refund.notAMap", tree.words().format(what)));
        }
        ScenarioLoader.checkKeys(tree, item, ptr, Set.copyOf(fields), what);
        if (required != null && !item.has(required)) {
            throw tree.error(ptr, tree.words().format("scenario.refund.missingKey", required, tree.words().format(what)));
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String f : fields) {
            JsonNode v = item.get(f);
            if (v == null || v.isNull()) {
                continue;
            }
            values.put(f, value(tree, ptr + "/" + f, f, v));
            lines.put(f, tree.lineOf(ptr + "/" + f));
        }
        return new ExpectedItem(values, tree.lineOf(ptr), lines);
    }

    private static String value(YamlTree tree, String ptr, String field, JsonNode v) throws ScenarioFormatException {
        if (field.equals("renewableOn")) {
            if (!v.isArray()) {
                throw tree.error(ptr, tree.words().format("scenario.refund.renewableOn"));
            }
            List<String> plans = new ArrayList<>();
            for (JsonNode p : v) {
                if (!p.isValueNode()) {
                    throw tree.error(ptr, tree.words().format("scenario.refund.renewableOn"));
                }
                plans.add(p.asText());
            }
            return String.join(",", plans);
        }
        if (!v.isValueNode()) {
            throw tree.error(ptr, tree.words().format("scenario.refund.single", field));
        }
        if (MONEY.contains(field)) {
            return ScenarioLoader.decimal(tree, v, ptr, field).toPlainString();
        }
        String text = v.asText();
        if (WHOLE.contains(field) && !text.matches("\\d{1,9}")) {
            throw tree.error(ptr, tree.words().format("scenario.refund.days", field, text));
        }
        if (YES_NO.contains(field) && !text.equals("true") && !text.equals("false")) {
            throw tree.error(ptr, tree.words().format("scenario.refund.yesNo", field, text));
        }
        if (DAYS.contains(field)) {
            try {
                LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw tree.error(ptr, tree.words().format("scenario.refund.date", field, text));
            }
        }
        if (field.equals("billingMode")) {
            try {
                BillingMode.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw tree.error(ptr, tree.words().format("scenario.refund.billingMode", text));
            }
        }
        return text;
    }
}
