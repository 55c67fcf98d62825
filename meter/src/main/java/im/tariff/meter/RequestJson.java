package im.tariff.meter;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the request of one app (the request format's JSON) from its account line and its metered daily series.
 * The meter and the event generator both build requests here, so a generated expected request and a metered one
 * are the same text when their numbers are the same.
 */
final class RequestJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private RequestJson() {
    }

    /** An account line the meter cannot use: the field (JSON path, "$" for the whole line) and what is wrong. */
    static final class AccountException extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        AccountException(String field, String reason) {
            super(reason);
            this.field = field;
        }
    }

    /**
     * One app's metered figures, by meter index: a monthly figure under day -1, a daily one under its epoch day;
     * then by dimension value ("" without a dimension). A figure is a Long (whole) or a BigDecimal.
     */
    static final class Usage {
        final TreeMap<Integer, TreeMap<Integer, TreeMap<String, Number>>> byMeter = new TreeMap<>();

        void put(int meter, Integer day, String dim, Number value) {
            byMeter.computeIfAbsent(meter, k -> new TreeMap<>()).computeIfAbsent(day == null ? -1 : day,
                    k -> new TreeMap<>()).put(dim == null ? "" : dim, value);
        }

        boolean isEmpty() {
            return byMeter.isEmpty();
        }
    }

    /** The appId of an account line when it has a readable one, else null (no exception). */
    static String appIdOf(String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            JsonNode id = n == null ? null : n.get("appId");
            return id != null && id.isTextual() && !id.asText().isBlank() ? id.asText() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Parses an account line and checks what the meter itself relies on (an object with an appId, the month). */
    static ObjectNode account(String line, YearMonth month) throws AccountException {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new AccountException("$", "malformed JSON: " + e.getOriginalMessage()
                    + (at != null && at.getColumnNr() > 0 ? " (column " + at.getColumnNr() + ")" : ""));
        }
        if (n == null || !n.isObject()) {
            throw new AccountException("$", "expected a JSON object");
        }
        ObjectNode o = (ObjectNode) n;
        JsonNode id = o.get("appId");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new AccountException("appId", "missing: every account line names its app");
        }
        JsonNode m = o.get("billingMonth");
        if (m != null && !(m.isTextual() && m.asText().equals(month.toString()))) {
            throw new AccountException("billingMonth", "the account line is for " + m.asText()
                    + ", the job meters " + month);
        }
        JsonNode usage = o.get("usage");
        if (usage != null && !usage.isObject()) {
            throw new AccountException("usage", "expected a JSON object");
        }
        return o;
    }

    /**
     * The request: the account's fields (or appId, month and the default plan when there is no account line),
     * then usage with each measured meter's figures in the catalog's order (a monthly figure as a number, a
     * series sorted by date, then dimension value); a meter without figures is left out, and so is an empty
     * usage. The account's own value of a measured field is replaced.
     */
    static ObjectNode request(String appId, ObjectNode account, YearMonth month, String defaultPlan,
                              List<Metering.Meter> meters, Usage u) {
        ObjectNode r;
        if (account != null) {
            r = account.deepCopy();
            if (!r.has("billingMonth")) {
                // keep the documented order: appId, billingMonth, plan, …
                ObjectNode ordered = MAPPER.createObjectNode();
                r.fields().forEachRemaining(e -> {
                    ordered.set(e.getKey(), e.getValue());
                    if (e.getKey().equals("appId")) {
                        ordered.put("billingMonth", month.toString());
                    }
                });
                r = ordered;
            }
        } else {
            r = MAPPER.createObjectNode();
            r.put("appId", appId);
            r.put("billingMonth", month.toString());
            r.put("plan", defaultPlan);
        }
        ObjectNode usage = r.has("usage") ? (ObjectNode) r.get("usage") : MAPPER.createObjectNode();
        for (Metering.Meter m : meters) {
            usage.remove(m.shape() == Metering.Shape.COUNT ? m.field() : m.series());
        }
        for (Metering.Meter m : meters) {
            TreeMap<Integer, TreeMap<String, Number>> figures = u.byMeter.get(m.index());
            if (figures == null || figures.isEmpty()) {
                continue;
            }
            if (m.shape() == Metering.Shape.COUNT) {
                put(usage, m.field(), figures.firstEntry().getValue().firstEntry().getValue());
                continue;
            }
            ArrayNode a = usage.putArray(m.series());
            for (Map.Entry<Integer, TreeMap<String, Number>> day : figures.entrySet()) {
                for (Map.Entry<String, Number> e : day.getValue().entrySet()) {
                    ObjectNode o = a.addObject().put("date", LocalDate.ofEpochDay(day.getKey()).toString());
                    if (m.shape() == Metering.Shape.DAILY) {
                        o.put(m.dimension(), e.getKey());
                    }
                    put(o, m.value(), e.getValue());
                }
            }
        }
        r.remove("usage");
        if (!usage.isEmpty()) {
            r.set("usage", usage);
        }
        return r;
    }

    private static void put(ObjectNode o, String field, Number v) {
        if (v instanceof BigDecimal b) {
            o.put(field, plain(b));
        } else {
            o.put(field, v.longValue());
        }
    }

    /** The shortest exact text of a decimal (12.500000 → 12.5, 10.000 → 10). */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String text(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An error record of bills.jsonl: {"appId"?, "line"?, "error", "field"}. */
    static String errorRecord(String appId, Long line, String error, String field) {
        ObjectNode o = MAPPER.createObjectNode();
        if (appId != null) {
            o.put("appId", appId);
        }
        if (line != null) {
            o.put("line", line);
        }
        o.put("error", error);
        o.put("field", field == null ? "$" : field);
        return text(o);
    }
}
