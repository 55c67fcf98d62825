package im.tariff.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The price calculator (the price calculator, README): a hypothetical app ("quote") on one plan with add-ons and estimated
 * usage, made into a request (docs/FORMAT.md) and read and evaluated exactly like any other. The command line
 * (tariff quote) and HTTP (POST /v1/quote) both come through here.
 */
public final class Quote {

    /** The appId of every quote. */
    public static final String APP_ID = "quote";

    /** What a quote, the advisor and the page say of a plan whose price is given on request. */
    public static final String CONTACT_SALES = "contact sales";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Quote() {
    }

    /**
     * The request of a quote body {"plan", "addOns", "usage", "billingMonth"?}: appId "quote" and, when the
     * body has none, the default month. Everything else is left for the reader to judge.
     */
    public static JsonNode request(JsonNode body, YearMonth defaultMonth, Messages words)
            throws InvalidRequestException {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidRequestException("$", words.format("reader.empty"));
        }
        if (!body.isObject()) {
            throw new InvalidRequestException("$", words.format("quote.expectedJsonObject"));
        }
        ObjectNode request = NODES.objectNode();
        request.put("appId", APP_ID);
        if (!body.has("billingMonth")) {
            request.put("billingMonth", defaultMonth.toString());
        }
        request.setAll((ObjectNode) body);
        return request;
    }

    /**
     * The plan of a quote body when the catalog gives its price on request ("contact sales"), else null. No bill
     * is made for such a plan (the reader refuses it): a quote says so in plain words instead.
     */
    public static PlanDef onRequest(Catalog catalog, JsonNode body) {
        JsonNode plan = body == null ? null : body.get("plan");
        PlanDef def = plan != null && plan.isTextual() ? catalog.plan(plan.asText()) : null;
        return def != null && def.onRequest() ? def : null;
    }

    /**
     * Validates a quote body whose plan is on request, everything but the plan (which the reader would refuse
     * for a bill): the same words for a bad usage figure, add-on or date as a priced plan gets.
     */
    public static void validateOnRequest(Evaluator rules, JsonNode body, YearMonth defaultMonth)
            throws InvalidRequestException {
        PlanDef priced = rules.catalog().plans().stream().filter(p -> !p.onRequest()).findFirst().orElse(null);
        if (priced == null) {
            return; // nothing is priced: there is nothing else to judge the body by
        }
        ObjectNode copy = ((ObjectNode) request(body, defaultMonth, rules.reader().messages())).deepCopy();
        copy.put("plan", priced.code());
        rules.reader().read(copy);
    }

    /** "Enterprise (ENTERPRISE) has no published price: contact sales for a quote.", in the sheet's language. */
    public static String contactSalesText(Catalog catalog, PlanDef plan) {
        return catalog.words().format("quote.contactSales", plan.name(), plan.code(), CONTACT_SALES);
    }

    /** The answer of a quote for a plan on request: {"plan", "name", "onRequest": true, "price", "message"}. */
    public static ObjectNode onRequestJson(Catalog catalog, PlanDef plan) {
        ObjectNode out = NODES.objectNode();
        out.put("plan", plan.code());
        out.put("name", plan.name());
        out.put("onRequest", true);
        out.put("price", CONTACT_SALES);
        out.put("message", contactSalesText(catalog, plan));
        return out;
    }

    /** Reads and evaluates a quote body with one rule set. */
    public static Bill bill(Evaluator rules, JsonNode body, YearMonth defaultMonth) throws InvalidRequestException {
        return rules.evaluate(read(rules, body, defaultMonth));
    }

    /** Reads a quote body with one rule set: the request it makes, validated, or the reader's refusal. */
    public static im.tariff.model.BillRequest read(Evaluator rules, JsonNode body, YearMonth defaultMonth)
            throws InvalidRequestException {
        return rules.reader().read(request(body, defaultMonth, rules.reader().messages()));
    }

    /** The usage fields a quote takes as NAME=VALUE: every whole count and every monthly peak. */
    public static List<String> scalarUsageFields(Catalog catalog) {
        List<String> fields = new ArrayList<>();
        for (MeterDef m : catalog.meters()) {
            switch (m.shape()) {
                case COUNT, PEAK -> fields.add(m.field());
                default -> { }
            }
        }
        return fields;
    }

    /**
     * The quote body of the command-line flags: --plan, --addon TYPE[:OPTION]..., --usage NAME=VALUE..., month.
     * A flag that cannot be put into a request at all is refused here, naming the flag; every other check is
     * the reader's.
     */
    public static ObjectNode body(Catalog catalog, String plan, List<String> addOns, List<String> usage, String month)
            throws InvalidRequestException {
        return body(catalog, plan, addOns, usage, month, null, null);
    }

    /**
     * The same, with the plan's start day (--start YYYY-MM-DD: planStartDate; the billing month is then the start
     * day's month unless --month says otherwise) and the plan before it (--previous-plan: previousPlan, a change of
     * plan in the month).
     */
    public static ObjectNode body(Catalog catalog, String plan, List<String> addOns, List<String> usage, String month,
                                  String start, String previousPlan) throws InvalidRequestException {
        Messages words = Messages.of(catalog.language());
        ObjectNode body = NODES.objectNode();
        if (month != null) {
            body.put("billingMonth", month);
        } else if (start != null) {
            try {
                body.put("billingMonth", YearMonth.from(java.time.LocalDate.parse(start)).toString());
            } catch (java.time.DateTimeException notADay) {
                // not a day: the reader names planStartDate and says why
            }
        }
        if (plan != null) {
            body.put("plan", plan);
        }
        if (start != null) {
            body.put("planStartDate", start);
        }
        if (previousPlan != null) {
            body.put("previousPlan", previousPlan);
        }
        ArrayNode list = body.putArray("addOns");
        for (String spec : addOns) {
            int colon = spec.indexOf(':');
            String type = colon < 0 ? spec : spec.substring(0, colon);
            ObjectNode a = list.addObject();
            a.put("type", type);
            if (colon >= 0) {
                String value = spec.substring(colon + 1);
                AddOnDef def = catalog.addOn(type);
                if (def != null && !def.hasOption()) {
                    throw new InvalidRequestException("--addon " + spec, words.format("quote.noOption", type));
                }
                a.set(def == null ? "option" : def.optionField(), number(value));
            }
        }
        List<String> known = scalarUsageFields(catalog);
        Map<String, String> seen = new LinkedHashMap<>();
        ObjectNode u = body.putObject("usage");
        for (String spec : usage) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException("--usage " + spec, words.format("quote.nameValue", example(known)));
            }
            String name = spec.substring(0, eq);
            if (!known.contains(name)) {
                throw new InvalidRequestException("--usage " + name, words.format("quote.unknownUsage", name,
                        words.join(known)));
            }
            if (seen.put(name, spec) != null) {
                throw new InvalidRequestException("--usage " + name, words.format("quote.givenTwice"));
            }
            u.set(name, number(spec.substring(eq + 1)));
        }
        return body;
    }

    private static String example(List<String> known) {
        return known.isEmpty() ? "name=100" : known.get(0) + "=100";
    }

    /** A number as JSON would carry it, or the text itself (the reader then says it is not a number). */
    private static JsonNode number(String text) {
        try {
            BigDecimal d = new BigDecimal(text.trim());
            try {
                return NODES.numberNode(d.longValueExact());
            } catch (ArithmeticException notWhole) {
                return NODES.numberNode(d);
            }
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }
}
