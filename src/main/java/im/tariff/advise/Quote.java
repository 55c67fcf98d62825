package im.tariff.advise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
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
        Messages words = Messages.of(catalog.language());
        ObjectNode body = NODES.objectNode();
        if (month != null) {
            body.put("billingMonth", month);
        }
        if (plan != null) {
            body.put("plan", plan);
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
