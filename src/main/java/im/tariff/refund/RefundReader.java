package im.tariff.refund;

import im.tariff.i18n.Messages;
import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.PlanDef;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.JsonInput;
import im.tariff.model.BillingMode;
import im.tariff.model.PrepaidPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a refund request (docs/FORMAT.md, "Refund") strictly, against the catalog of the rules, and refuses
 * anything invalid with the JSON path of the field and what is wrong, at the first error: the input policy of
 * every request ({@link JsonInput}: strict UTF-8, size and nesting bounds, duplicate keys), unknown fields at
 * every level, plans and add-ons the catalog does not declare, amounts that are not cents, two orders of the
 * same thing at once, a refund day that lies in no order's period. Whether the tariff prices an order on its
 * first day is found when the refund is answered ({@link Refunds}). Stateless and thread-safe; its words are
 * the sheet's ({@link Messages}).
 */
public final class RefundReader {

    /** Orders one refund takes at most: an app holds a plan and a few add-ons, each with a renewal or two. */
    public static final int MAX_ORDERS = 100;

    private static final Set<String> TOP_FIELDS = Set.of("appId", "refundDate", "orders");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,19}(\\.\\d+)?");
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final Catalog catalog;
    private final Messages words;

    public RefundReader(Catalog catalog) {
        this.catalog = catalog;
        this.words = catalog.words();
    }

    /** Parses and validates one document held as UTF-8 bytes (an HTTP body, a file). */
    public RefundRequest read(byte[] utf8, int offset, int length) throws InvalidRequestException {
        return read(JsonInput.parse(utf8, offset, length));
    }

    /** Parses and validates one document given as text. */
    public RefundRequest read(String json) throws InvalidRequestException {
        return read(JsonInput.parse(json));
    }

    /** Validates an already parsed document (a scenario's refund). */
    public RefundRequest read(JsonNode root) throws InvalidRequestException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw bad("$", "refund.read.empty");
        }
        if (!root.isObject()) {
            throw bad("$", "refund.read.notObject", kind(root));
        }
        checkFields(root, "", TOP_FIELDS);
        String appId = requiredText(root, "appId", "appId");
        if (appId.isBlank()) {
            throw bad("appId", "refund.read.blank");
        }
        LocalDate refundDate = date(required(root, "refundDate", "refundDate"), "refundDate");
        JsonNode list = required(root, "orders", "orders");
        if (!list.isArray()) {
            throw bad("orders", "refund.read.expectedArray", kind(list));
        }
        if (list.isEmpty()) {
            throw bad("orders", "refund.read.noOrders");
        }
        if (list.size() > MAX_ORDERS) {
            throw bad("orders", "refund.read.tooManyOrders", list.size(), MAX_ORDERS);
        }
        List<Draft> drafts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            drafts.add(order(list.get(i), i));
        }
        noTwoAtOnce(drafts);
        List<RefundRequest.Order> orders = new ArrayList<>();
        for (Draft d : drafts) {
            String plan = d.plan != null ? d.plan : planOf(d, drafts);
            orders.add(new RefundRequest.Order(d.index, plan, d.addOn, d.option, d.billing, d.start, d.paid));
        }
        inSomePeriod(refundDate, drafts);
        return new RefundRequest(appId, refundDate, orders);
    }

    /** An order as read, before its plan (for an add-on without one) is taken from the plan's order. */
    private record Draft(int index, String plan, String addOn, Long option, BillingMode billing, LocalDate start,
                         LocalDate end, BigDecimal paid, String planPath) {

        String path() {
            return "orders[" + index + "]";
        }

        /** What the order holds: one plan package, or one add-on. */
        String resource() {
            return addOn == null ? "" : addOn;
        }
    }

    private Draft order(JsonNode o, int i) throws InvalidRequestException {
        String path = "orders[" + i + "]";
        if (!o.isObject()) {
            throw bad(path, "refund.read.expectedObject", kind(o));
        }
        boolean isAddOn = present(o.get("addOn"));
        if (!isAddOn && !present(o.get("plan"))) {
            checkFields(o, path + ".", Set.of("plan", "addOn", "periodStart", "paid"));
            throw bad(path, "refund.read.orderKind");
        }
        AddOnDef addOn = null;
        if (isAddOn) {
            String code = requiredText(o, "addOn", path + ".addOn");
            addOn = catalog.addOn(code);
            Set<String> fields = new LinkedHashSet<>(List.of("addOn", "plan", "periodStart", "paid"));
            if (addOn != null && addOn.hasOption()) {
                fields.add(addOn.optionField());
            }
            checkOptionFields(o, path + ".", fields, addOn == null ? code : addOn.code());
            if (addOn == null) {
                throw unknownAddOn(path + ".addOn", code);
            }
        } else {
            checkOptionFields(o, path + ".", Set.of("plan", "periodStart", "paid"), null);
        }
        String plan = present(o.get("plan")) ? plan(requiredText(o, "plan", path + ".plan"), path + ".plan") : null;
        Long option = null;
        if (addOn != null && addOn.hasOption()) {
            String optionPath = path + "." + addOn.optionField();
            JsonNode n = o.get(addOn.optionField());
            if (!present(n)) {
                throw bad(optionPath, "refund.read.optionMissing", addOn.code(), addOn.optionField());
            }
            option = whole(n, optionPath);
        }
        LocalDate start = date(required(o, "periodStart", path + ".periodStart"), path + ".periodStart");
        LocalDate end = PrepaidPeriod.anniversaryEnd(start);
        if (end.isAfter(LAST_DAY)) {
            throw bad(path + ".periodStart", "refund.read.dateTooLate", start);
        }
        BigDecimal paid = amount(required(o, "paid", path + ".paid"), path + ".paid");
        BillingMode billing = addOn == null ? BillingMode.PREPAID : addOn.billing();
        return new Draft(i, plan, addOn == null ? null : addOn.code(), option, billing, start, end, paid,
                path + ".plan");
    }

    /** One app holds one plan package, and each add-on once, at a time: two orders of one at once are refused. */
    private void noTwoAtOnce(List<Draft> drafts) throws InvalidRequestException {
        for (int j = 0; j < drafts.size(); j++) {
            Draft b = drafts.get(j);
            for (int i = 0; i < j; i++) {
                Draft a = drafts.get(i);
                if (!a.resource().equals(b.resource()) || a.end.isBefore(b.start) || b.end.isBefore(a.start)) {
                    continue;
                }
                String what = a.addOn == null ? words.format("refund.read.thePlan") : a.addOn;
                if (a.start.equals(b.start)) {
                    throw bad(b.path(), "refund.read.sameOrder", i, what, a.start);
                }
                throw bad(b.path() + ".periodStart", "refund.read.overlap", b.start, b.end, i, a.start, a.end, what);
            }
        }
    }

    /** The plan an add-on was bought on when the order does not say: the plan's order whose period holds it. */
    private String planOf(Draft addOn, List<Draft> drafts) throws InvalidRequestException {
        for (Draft d : drafts) {
            if (d.addOn == null && !addOn.start.isBefore(d.start) && !addOn.start.isAfter(d.end)) {
                return d.plan;
            }
        }
        throw bad(addOn.planPath, "refund.read.addOnPlan", addOn.start);
    }

    /** The refund gives back orders in force: its day lies in at least one order's period. */
    private void inSomePeriod(LocalDate day, List<Draft> drafts) throws InvalidRequestException {
        List<String> periods = new ArrayList<>();
        for (Draft d : drafts) {
            if (!day.isBefore(d.start) && !day.isAfter(d.end)) {
                return;
            }
            periods.add(d.path() + " " + d.start + " … " + d.end);
        }
        throw bad("refundDate", "refund.read.outsideEveryOrder", day, String.join(", ", periods));
    }

    // ---- fields ----

    private String plan(String text, String path) throws InvalidRequestException {
        PlanDef p = catalog.plan(text);
        if (p == null) {
            List<String> codes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (PlanDef d : catalog.plans()) {
                codes.add(d.code());
                names.add(d.name());
            }
            throw bad(path, "refund.read.unknownPlan", text,
                    words.format("refund.read.planChoices", String.join(", ", codes), String.join(", ", names)),
                    nearMiss(text, codes));
        }
        if (p.onRequest()) {
            throw bad(path, "refund.read.onRequest", p.code(), p.name());
        }
        return p.code();
    }

    private InvalidRequestException unknownAddOn(String path, String code) {
        List<String> codes = new ArrayList<>();
        for (AddOnDef a : catalog.addOns()) {
            codes.add(a.code());
        }
        if (codes.isEmpty()) {
            return bad(path, "refund.read.noAddOns", code);
        }
        return bad(path, "refund.read.unknownAddOn", code, String.join(", ", codes), nearMiss(code, codes));
    }

    /** An amount of money in cents: a string such as "999.00" (or a JSON number), ≥ 0, at most two decimals. */
    private BigDecimal amount(JsonNode n, String path) throws InvalidRequestException {
        BigDecimal value;
        if (n.isTextual() && AMOUNT.matcher(n.textValue()).matches()) {
            value = new BigDecimal(n.textValue());
        } else if (n.isNumber()) {
            value = n.decimalValue();
        } else if (n.isTextual() && n.textValue().startsWith("-")
                && AMOUNT.matcher(n.textValue().substring(1)).matches()) {
            throw bad(path, "refund.read.negative", n.textValue());
        } else {
            throw bad(path, "refund.read.expectedAmount", kind(n));
        }
        if (value.signum() < 0) {
            throw bad(path, "refund.read.negative", value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > Cents.SCALE) {
            throw bad(path, "refund.read.cents", n.isTextual() ? n.textValue() : value.toPlainString());
        }
        return value.setScale(Cents.SCALE);
    }

    private long whole(JsonNode n, String path) throws InvalidRequestException {
        if (!n.isNumber()) {
            throw bad(path, "refund.read.expectedWhole", kind(n));
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw bad(path, "refund.read.notWhole", n.asText());
        }
        if (n.longValue() < 0) {
            throw bad(path, "refund.read.negative", n.longValue());
        }
        return n.longValue();
    }

    private LocalDate date(JsonNode n, String path) throws InvalidRequestException {
        if (!n.isTextual()) {
            throw bad(path, "refund.read.expectedDate", kind(n));
        }
        String text = n.textValue();
        if (DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw bad(path, "refund.read.invalidDate", text);
    }

    private JsonNode required(JsonNode obj, String name, String path) throws InvalidRequestException {
        JsonNode n = obj.get(name);
        if (!present(n)) {
            throw bad(path, "refund.read.missing");
        }
        return n;
    }

    private String requiredText(JsonNode obj, String name, String path) throws InvalidRequestException {
        JsonNode n = required(obj, name, path);
        if (!n.isTextual()) {
            throw bad(path, "refund.read.expectedString", kind(n));
        }
        return n.textValue();
    }

    /** Unknown fields; an add-on's option field given to another item says which add-on takes it. */
    private void checkOptionFields(JsonNode o, String prefix, Set<String> allowed, String item)
            throws InvalidRequestException {
        Iterator<String> names = o.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            for (AddOnDef other : catalog.addOns()) {
                if (name.equals(other.optionField())) {
                    throw bad(prefix + name, "refund.read.optionElsewhere", name, other.code(),
                            item == null ? words.format("refund.read.thePlan") : item);
                }
            }
            break; // the first unknown field is not an option: checkFields names it
        }
        checkFields(o, prefix, allowed);
    }

    private void checkFields(JsonNode obj, String prefix, Set<String> allowed) throws InvalidRequestException {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw bad(prefix + name, "refund.read.unknownField", nearMiss(name, allowed));
            }
        }
    }

    /** " (did you mean 'X'?)" when the text differs from a code only in case. */
    private String nearMiss(String text, Collection<String> known) {
        for (String k : known) {
            if (k.equalsIgnoreCase(text)) {
                return words.format("refund.read.didYouMean", k);
            }
        }
        return "";
    }

    private String kind(JsonNode n) {
        if (n.isTextual()) {
            return words.format("refund.read.kind.string", n.textValue().length() > 40 ? n.textValue().substring(0, 40) + "…"
                    : n.textValue());
        }
        if (n.isNumber()) {
            return words.format("refund.read.kind.number", n.asText());
        }
        if (n.isBoolean()) {
            return words.format("refund.read.kind.boolean");
        }
        if (n.isArray()) {
            return words.format("refund.read.kind.array");
        }
        if (n.isObject()) {
            return words.format("refund.read.kind.object");
        }
        return words.format("refund.read.kind.null");
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    private InvalidRequestException bad(String field, String key, Object... args) {
        return new InvalidRequestException(field, words.format(key, args));
    }
}
