package im.tariff.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.model.BillingMode;
import im.tariff.model.Severity;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one scenario file strictly: bad YAML, a missing name, an unknown key, an unknown line or violation
 * code, or a request that is not a map is a {@link ScenarioFormatException} with file:line. Whether the
 * request itself is valid is decided when the scenario runs (by the same reader as the product).
 */
final class ScenarioLoader {

    private static final Set<String> FILE_KEYS = Set.of("scenarios", "description");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "request", "refund", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("total", "prepaid", "postpaid", "plan", "lines",
            "violations", "error");
    private static final Set<String> ERROR_KEYS = Set.of("field", "reason");
    static final List<String> LINE_FIELDS = List.of("code", "amount", "quantity", "unitPrice", "billingMode",
            "periodStart", "periodEnd", "chargeDate", "rule", "description");
    static final List<String> VIOLATION_FIELDS = List.of("code", "subject", "severity", "rule", "message");
    static final Set<String> DECIMAL_FIELDS = Set.of("amount", "quantity", "unitPrice");
    private static final Set<String> DATE_FIELDS = Set.of("periodStart", "periodEnd", "chargeDate");

    private ScenarioLoader() {
    }

    /** Scenarios of one file; label is the name shown in test names. */
    static List<Scenario> load(Path path, String label) throws ScenarioFormatException {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFormatException(file, 0, "cannot read: " + e.getMessage());
        }
        return parse(file, label, text);
    }

    static List<Scenario> parse(String file, String label, String text) throws ScenarioFormatException {
        YamlTree tree = YamlTree.parse(file, text);
        JsonNode root = tree.root();
        if (root == null || root.isNull()) {
            throw new ScenarioFormatException(file, 1, "empty file: expected a list of scenarios");
        }
        JsonNode list;
        String base;
        if (root.isArray()) {
            list = root;
            base = "";
        } else if (root.isObject() && root.has("name")) {
            return List.of(scenario(tree, label, root, ""));   // a file with a single scenario
        } else if (root.isObject()) {
            checkKeys(tree, root, "", FILE_KEYS, "file");
            list = root.get("scenarios");
            base = "/scenarios";
            if (list == null) {
                throw tree.error("", "missing key 'scenarios' (a list of scenarios)");
            }
            if (!list.isArray()) {
                throw tree.error(base, "'scenarios' must be a list (each item starts with '- name: ...')");
            }
        } else {
            throw tree.error("", "expected a list of scenarios, or a map with 'scenarios:'");
        }
        if (list.isEmpty()) {
            throw tree.error(base, "no scenarios in this file");
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Scenario s = scenario(tree, label, list.get(i), base + "/" + i);
            if (!names.add(s.name())) {
                throw tree.error(base + "/" + i + "/name", "duplicate scenario name '" + s.name() + "' in this file");
            }
            out.add(s);
        }
        return out;
    }

    private static Scenario scenario(YamlTree tree, String label, JsonNode node, String ptr)
            throws ScenarioFormatException {
        if (!node.isObject()) {
            throw tree.error(ptr, "a scenario must be a map with name, request and expect");
        }
        checkKeys(tree, node, ptr, SCENARIO_KEYS, "scenario");
        String name = requiredText(tree, node, ptr, "name");
        String description = optionalText(tree, node, ptr, "description");
        boolean refund = node.has("refund");
        if (refund && node.has("request")) {
            throw tree.error(ptr, "scenario '" + name + "': give 'request' (a bill) or 'refund' (a refund), not both");
        }
        JsonNode request = node.get(refund ? "refund" : "request");
        if (request == null || request.isNull()) {
            throw tree.error(ptr, "scenario '" + name + "': missing key '" + (refund ? "refund" : "request") + "'");
        }
        if (!request.isObject()) {
            throw tree.error(ptr + (refund ? "/refund" : "/request"), "scenario '" + name + "': "
                    + (refund ? "'refund' must be a map (the refund request of docs/FORMAT.md)"
                    : "'request' must be a map (the request of docs/FORMAT.md)"));
        }
        JsonNode expect = node.get("expect");
        if (expect == null || expect.isNull()) {
            throw tree.error(ptr, "scenario '" + name + "': missing key 'expect'");
        }
        if (!expect.isObject()) {
            throw tree.error(ptr + "/expect", "scenario '" + name + "': 'expect' must be a map");
        }
        if (refund && !expect.has("error")) {
            RefundExpectation r = RefundExpectation.parse(tree, expect, ptr + "/expect", name);
            return new Scenario(tree.file(), label, name, description, tree.lineOf(ptr), request,
                    new Expectation(null, null, null, null, null, null, List.of(), List.of(), 0, Map.of()), ptr, tree,
                    true, r);
        }
        Expectation e = expectation(tree, expect, ptr + "/expect", name);
        return new Scenario(tree.file(), label, name, description, tree.lineOf(ptr), request, e, ptr, tree, refund,
                null);
    }

    private static Expectation expectation(YamlTree tree, JsonNode node, String ptr, String name)
            throws ScenarioFormatException {
        checkKeys(tree, node, ptr, EXPECT_KEYS, "expect");
        if (node.has("error")) {
            if (node.size() > 1) {
                throw tree.error(ptr, "scenario '" + name + "': 'expect' with 'error' takes no other key "
                        + "(a refused request has no bill)");
            }
            JsonNode err = node.get("error");
            String ep = ptr + "/error";
            if (!err.isObject()) {
                throw tree.error(ep, "'error' must be a map with 'field' (and optional 'reason')");
            }
            checkKeys(tree, err, ep, ERROR_KEYS, "error");
            return new Expectation(requiredText(tree, err, ep, "field"), optionalText(tree, err, ep, "reason"),
                    null, null, null, null, List.of(), List.of(), tree.lineOf(ep), Map.of());
        }
        if (!node.has("total")) {
            throw tree.error(ptr, "scenario '" + name + "': missing key 'total' in 'expect'");
        }
        BigDecimal total = decimal(tree, node.get("total"), ptr + "/total", "total");
        BigDecimal prepaid = node.has("prepaid") ? decimal(tree, node.get("prepaid"), ptr + "/prepaid", "prepaid") : null;
        BigDecimal postpaid = node.has("postpaid") ? decimal(tree, node.get("postpaid"), ptr + "/postpaid", "postpaid") : null;
        String plan = optionalText(tree, node, ptr, "plan");
        List<ExpectedItem> lines = items(tree, node, ptr, "lines", LINE_FIELDS, "amount");
        List<ExpectedItem> violations = items(tree, node, ptr, "violations", VIOLATION_FIELDS, "subject");
        Map<String, Integer> moneyLines = new LinkedHashMap<>();
        for (String key : List.of("total", "prepaid", "postpaid")) {
            if (node.has(key)) {
                moneyLines.put(key, tree.lineOf(ptr + "/" + key));
            }
        }
        return new Expectation(null, null, total, prepaid, postpaid, plan,
                lines, violations, 0, moneyLines);
    }

    /** Expected lines or violations; an absent list means none are expected. */
    private static List<ExpectedItem> items(YamlTree tree, JsonNode expect, String ptr, String key,
                                            List<String> fields, String required) throws ScenarioFormatException {
        JsonNode list = expect.get(key);
        String lp = ptr + "/" + key;
        List<ExpectedItem> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw tree.error(lp, "'" + key + "' must be a list ([] for none)");
        }
        boolean isLine = key.equals("lines");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String ip = lp + "/" + i;
            if (!item.isObject()) {
                throw tree.error(ip, "each item of '" + key + "' must be a map with code and " + required);
            }
            checkKeys(tree, item, ip, Set.copyOf(fields), isLine ? "line" : "violation");
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Integer> fieldLines = new LinkedHashMap<>();
            for (String f : fields) {
                JsonNode v = item.get(f);
                if (v == null || v.isNull()) {
                    if (f.equals("code") || f.equals(required)) {
                        throw tree.error(ip, "missing key '" + f + "' in this " + (isLine ? "line" : "violation"));
                    }
                    continue;
                }
                if (!v.isValueNode()) {
                    throw tree.error(ip + "/" + f, "'" + f + "' must be a single value");
                }
                values.put(f, checkValue(tree, ip + "/" + f, f, v, isLine));
                fieldLines.put(f, tree.lineOf(ip + "/" + f));
            }
            out.add(new ExpectedItem(values, tree.lineOf(ip), fieldLines));
        }
        return out;
    }

    private static String checkValue(YamlTree tree, String ptr, String field, JsonNode v, boolean isLine)
            throws ScenarioFormatException {
        if (isLine && DECIMAL_FIELDS.contains(field)) {
            return decimal(tree, v, ptr, field).toPlainString();
        }
        String text = v.asText();
        if (isLine && DATE_FIELDS.contains(field)) {
            try {
                LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw tree.error(ptr, "'" + field + "' must be a date YYYY-MM-DD, got '" + text + "'");
            }
        } else if (field.equals("billingMode") && !isEnum(BillingMode.class, text)) {
            throw tree.error(ptr, "billingMode must be PREPAID, POSTPAID or DAILY_POSTPAID, got '" + text + "'");
        } else if (field.equals("severity") && !isEnum(Severity.class, text)) {
            throw tree.error(ptr, "unknown severity '" + text + "'");
        }
        return text;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return true;
            }
        }
        return false;
    }

    static BigDecimal decimal(YamlTree tree, JsonNode v, String ptr, String field)
            throws ScenarioFormatException {
        if (v != null && v.isNumber()) {
            return v.decimalValue();
        }
        if (v != null && v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw tree.error(ptr, "'" + field + "' must be a number such as 12.50, got '"
                + (v == null ? "" : v.asText()) + "'");
    }

    static void checkKeys(YamlTree tree, JsonNode obj, String ptr, Set<String> allowed, String what)
            throws ScenarioFormatException {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw tree.error(ptr + "/" + n, "unknown key '" + n + "' in " + what + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String requiredText(YamlTree tree, JsonNode obj, String ptr, String key)
            throws ScenarioFormatException {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            throw tree.error(ptr, "missing key '" + key + "'");
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw tree.error(ptr + "/" + key, "'" + key + "' must be a non-empty text");
        }
        return n.asText();
    }

    static String optionalText(YamlTree tree, JsonNode obj, String ptr, String key)
            throws ScenarioFormatException {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw tree.error(ptr + "/" + key, "'" + key + "' must be a text");
        }
        return n.asText();
    }
}
