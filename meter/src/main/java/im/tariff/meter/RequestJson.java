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
import java.time.YearMonth;
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

    /** The usage fields the meter writes; an account's own values of them are replaced. */
    static final String DAILY_DAU = "dailyDau";
    static final String DAILY_GROUPS = "dailyGroups";
    static final String BARRAGE = "barrage";

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

    /** One app's metered daily figures, keyed by epoch day (barrage: then by region). */
    static final class Series {
        final TreeMap<Integer, Long> dau = new TreeMap<>();
        final TreeMap<Integer, Long> groups = new TreeMap<>();
        final TreeMap<Integer, TreeMap<String, BigDecimal>> barrage = new TreeMap<>();

        boolean isEmpty() {
            return dau.isEmpty() && groups.isEmpty() && barrage.isEmpty();
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
     * then usage with the metered series, each sorted by date; empty series are left out, and so is an empty
     * usage.
     */
    static ObjectNode request(String appId, ObjectNode account, YearMonth month, String defaultPlan, Series s) {
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
        usage.remove(DAILY_DAU);
        usage.remove(DAILY_GROUPS);
        usage.remove(BARRAGE);
        if (!s.dau.isEmpty()) {
            ArrayNode a = usage.putArray(DAILY_DAU);
            s.dau.forEach((day, v) -> a.addObject().put("date", EventTime.date(day)).put("dau", v));
        }
        if (!s.groups.isEmpty()) {
            ArrayNode a = usage.putArray(DAILY_GROUPS);
            s.groups.forEach((day, v) -> a.addObject().put("date", EventTime.date(day)).put("groups", v));
        }
        if (!s.barrage.isEmpty()) {
            ArrayNode a = usage.putArray(BARRAGE);
            for (Map.Entry<Integer, TreeMap<String, BigDecimal>> d : s.barrage.entrySet()) {
                for (Map.Entry<String, BigDecimal> e : d.getValue().entrySet()) {
                    a.addObject().put("date", EventTime.date(d.getKey())).put("region", e.getKey())
                            .put("peakMbps", plain(e.getValue()));
                }
            }
        }
        r.remove("usage");
        if (!usage.isEmpty()) {
            r.set("usage", usage);
        }
        return r;
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
