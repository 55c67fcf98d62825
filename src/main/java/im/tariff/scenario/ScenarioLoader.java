package im.tariff.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.i18n.Messages;
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
 * request itself is valid is decided when the scenario runs (by the same reader as the product). What is
 * wrong is said in the words given: those of the rules under test when they are known.
 */
final class ScenarioLoader {

    private static final Set<String> FILE_KEYS = Set.of("scenarios", "description");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "request", "refund", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("total", "prepaid", "postpaid", "credits", "plan", "lines",
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
    static List<Scenario> load(Path path, String label, Messages words) throws ScenarioFormatException {
        String file = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioFormatException(file, 0, words.format("scenario.cannotRead", e.getMessage()));
        }
        return parse(file, label, text, words);
    }

    static List<Scenario> parse(String file, String label, String text, Messages words)
            throws ScenarioFormatException {
        YamlTree tree = YamlTree.parse(file, text, words);
        JsonNode root = tree.root();
        if (root == null || root.isNull()) {
            throw new ScenarioFormatException(file, 1, words.format("scenario.emptyFile"));
        }
        JsonNode list;
        String base;
        if (root.isArray()) {
            list = root;
            base = "";
        } else if (root.isObject() && root.has("name")) {
            return List.of(scenario(tree, label, root, ""));   // a file with a single scenario
        } else if (root.isObject()) {
            checkKeys(tree, root, "", FILE_KEYS, "scenario.in.file");
            list = root.get("scenarios");
            base = "/scenarios";
            if (list == null) {
                throw tree.error("", tree.words().format("scenario.missingScenarios"));
            }
            if (!list.isArray()) {
                throw tree.error(base, tree.words().format("scenario.scenariosNotList"));
            }
        } else {
            throw tree.error("", tree.words().format("scenario.notAList"));
        }
        if (list.isEmpty()) {
            throw tree.error(base, tree.words().format("scenario.none"));
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Scenario s = scenario(tree, label, list.get(i), base + "/" + i);
            if (!names.add(s.name())) {
                throw tree.error(base + "/" + i + "/name", tree.words().format("scenario.duplicateName", s.name()));
            }
            out.add(s);
        }
        return out;
    }

    private static Scenario scenario(YamlTree tree, String label, JsonNode node, String ptr)
            throws ScenarioFormatException {
        if (!node.isObject()) {
            throw tree.error(ptr, tree.words().format("scenario.notAMap"));
        }
        checkKeys(tree, node, ptr, SCENARIO_KEYS, "scenario.in.scenario");
        String name = requiredText(tree, node, ptr, "name");
        String description = optionalText(tree, node, ptr, "description");
        boolean refund = node.has("refund");
        if (refund && node.has("request")) {
            throw tree.error(ptr, "scenario '" + name + "': give 'request' (a bill) or 'refund' (a refund), not both");
        }
        JsonNode request = node.get(refund ? "refund" : "request");
        if (request == null || request.isNull()) {
            throw tree.error(ptr, tree.words().format(refund ? "scenario.missingRefund" : "scenario.missingRequest", name));
        }
        if (!request.isObject()) {
            throw tree.error(ptr + (refund ? "/refund" : "/request"),
                    tree.words().format(refund ? "scenario.refundNotAMap" : "scenario.requestNotAMap", name));
        }
        JsonNode expect = node.get("expect");
        if (expect == null || expect.isNull()) {
            throw tree.error(ptr, tree.words().format("scenario.missingExpect", name));
        }
        if (!expect.isObject()) {
            throw tree.error(ptr + "/expect", tree.words().format("scenario.expectNotAMap", name));
        }
        if (refund && !expect.has("error")) {
            RefundExpectation r = RefundExpectation.parse(tree, expect, ptr + "/expect", name);
            return new Scenario(tree.file(), label, name, description, tree.lineOf(ptr), request,
                    new Expectation(null, null, null, null, null, null, null, List.of(), List.of(), 0, Map.of()), ptr, tree,
                    true, r);
        }
        Expectation e = expectation(tree, expect, ptr + "/expect", name);
        return new Scenario(tree.file(), label, name, description, tree.lineOf(ptr), request, e, ptr, tree, refund,
                null);
    }

    private static Expectation expectation(YamlTree tree, JsonNode node, String ptr, String name)
            throws ScenarioFormatException {
        checkKeys(tree, node, ptr, EXPECT_KEYS, "scenario.in.expect");
        if (node.has("error")) {
            if (node.size() > 1) {
                throw tree.error(ptr, tree.words().format("scenario.errorAlone", name));
            }
            JsonNode err = node.get("error");
            String ep = ptr + "/error";
            if (!err.isObject()) {
                throw tree.error(ep, tree.words().format("scenario.errorNotAMap"));
            }
            checkKeys(tree, err, ep, ERROR_KEYS, "scenario.in.error");
            return new Expectation(requiredText(tree, err, ep, "field"), optionalText(tree, err, ep, "reason"),
                    null, null, null, null, null, List.of(), List.of(), tree.lineOf(ep), Map.of());
        }
        if (!node.has("total")) {
            throw tree.error(ptr, tree.words().format("scenario.missingTotal", name));
        }
        BigDecimal total = decimal(tree, node.get("total"), ptr + "/total", "total");
        BigDecimal prepaid = node.has("prepaid") ? decimal(tree, node.get("prepaid"), ptr + "/prepaid", "prepaid") : null;
        BigDecimal postpaid = node.has("postpaid") ? decimal(tree, node.get("postpaid"), ptr + "/postpaid", "postpaid") : null;
        BigDecimal credits = node.has("credits") ? decimal(tree, node.get("credits"), ptr + "/credits", "credits") : null;
        String plan = optionalText(tree, node, ptr, "plan");
        List<ExpectedItem> lines = items(tree, node, ptr, "lines", LINE_FIELDS, "amount");
        List<ExpectedItem> violations = items(tree, node, ptr, "violations", VIOLATION_FIELDS, "subject");
        Map<String, Integer> moneyLines = new LinkedHashMap<>();
        for (String key : List.of("total", "prepaid", "postpaid", "credits")) {
            if (node.has(key)) {
                moneyLines.put(key, tree.lineOf(ptr + "/" + key));
            }
        }
        return new Expectation(null, null, total, prepaid, postpaid, credits, plan,
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
            throw tree.error(lp, tree.words().format("scenario.notAListOf", key));
        }
        boolean isLine = key.equals("lines");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String ip = lp + "/" + i;
            if (!item.isObject()) {
                throw tree.error(ip, tree.words().format("scenario.itemNotAMap", key, required));
            }
            checkKeys(tree, item, ip, Set.copyOf(fields), isLine ? "scenario.in.line" : "scenario.in.violation");
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, Integer> fieldLines = new LinkedHashMap<>();
            for (String f : fields) {
                JsonNode v = item.get(f);
                if (v == null || v.isNull()) {
                    if (f.equals("code") || f.equals(required)) {
                        throw tree.error(ip, tree.words().format(isLine ? "scenario.missingInLine" : "scenario.missingInViolation", f));
                    }
                    continue;
                }
                if (!v.isValueNode()) {
                    throw tree.error(ip + "/" + f, tree.words().format("scenario.notSingle", f));
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
                throw tree.error(ptr, tree.words().format("scenario.notADate", field, text));
            }
        } else if (field.equals("billingMode") && !isEnum(BillingMode.class, text)) {
            throw tree.error(ptr, tree.words().format("scenario.billingMode", text));
        } else if (field.equals("severity") && !isEnum(Severity.class, text)) {
            throw tree.error(ptr, tree.words().format("scenario.severity", text));
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
        throw tree.error(ptr, tree.words().format("scenario.notANumber", field, v == null ? "" : v.asText()));
    }

    /** where: the key of the words that say where ("scenario.in.line": in a line). */
    static void checkKeys(YamlTree tree, JsonNode obj, String ptr, Set<String> allowed, String where)
            throws ScenarioFormatException {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!allowed.contains(n)) {
                throw tree.error(ptr + "/" + n, tree.words().format("scenario.unknownKey", n, tree.words().format(where),
                        String.join(", ", new java.util.TreeSet<>(allowed))));
            }
        }
    }

    private static String requiredText(YamlTree tree, JsonNode obj, String ptr, String key)
            throws ScenarioFormatException {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            throw tree.error(ptr, tree.words().format("scenario.missingKey", key));
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw tree.error(ptr + "/" + key, tree.words().format("scenario.emptyText", key));
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
            throw tree.error(ptr + "/" + key, tree.words().format("scenario.notText", key));
        }
        return n.asText();
    }
}
