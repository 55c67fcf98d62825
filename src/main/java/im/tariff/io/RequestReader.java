package im.tariff.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.Usage;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a request and refuses anything invalid with the JSON path of the field and what is wrong. What a
 * request may hold beyond its fixed top-level fields comes from the catalog of the rules: the plans, the
 * add-ons and their options, the usage meters with their shapes and dimension values. Nothing is guessed:
 * unknown fields, wrong types and out-of-month dates are errors. Stateless and thread-safe.
 */
public final class RequestReader {

    private static final Set<String> TOP_FIELDS = Set.of("appId", "billingMonth", "plan", "planStartDate",
            "previousPlan", "requestedPlan", "addOns", "usage");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** Every date of a bill (up to the 3rd of the next month) must stay a 4-digit year. */
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 11);

    private final Catalog catalog;
    private final Set<String> usageFields;
    private final String planChoices;
    private final String addOnChoices;

    public RequestReader(Catalog catalog) {
        this.catalog = catalog;
        this.usageFields = new HashSet<>(catalog.usageFields());
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PlanDef p : catalog.plans()) {
            codes.add(p.code());
            names.add(p.name());
        }
        this.planChoices = String.join(", ", codes) + " or " + String.join(", ", names);
        List<String> addOns = new ArrayList<>();
        for (AddOnDef a : catalog.addOns()) {
            addOns.add(a.code());
        }
        this.addOnChoices = addOns.toString();
    }

    /** The catalog this reader validates against. */
    public Catalog catalog() {
        return catalog;
    }

    /** Parses and validates one JSON document (the input policy of {@link JsonInput}). */
    public BillRequest read(String json) throws InvalidRequestException {
        return read(JsonInput.parse(json));
    }

    /**
     * Parses and validates one JSON document held as UTF-8 bytes: the batch reads lines as bytes and so
     * skips decoding them into Strings first. Bad UTF-8 is refused, never replaced (see {@link JsonInput}).
     */
    public BillRequest read(byte[] utf8, int offset, int length) throws InvalidRequestException {
        return read(JsonInput.parse(utf8, offset, length));
    }

    /** Validates an already parsed document. */
    public BillRequest read(JsonNode root) throws InvalidRequestException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidRequestException("$", "empty request: expected a JSON object");
        }
        if (!root.isObject()) {
            throw new InvalidRequestException("$", "expected a JSON object, got " + kind(root));
        }
        checkFields(root, "", TOP_FIELDS);

        String appId = requiredText(root, "appId", "");
        if (appId.isBlank()) {
            throw new InvalidRequestException("appId", "must not be blank");
        }
        YearMonth month = month(requiredText(root, "billingMonth", ""));
        String plan = plan(requiredText(root, "plan", ""), "plan");
        if (catalog.plan(plan).onRequest()) {
            // no bill can be made for a plan whose price is given on request: a 0.00 bill would be wrong
            throw new InvalidRequestException("plan", "the plan " + plan + " (" + catalog.planName(plan)
                    + ") has no published price: contact sales for a quote");
        }
        LocalDate planStart = optionalDate(root, "planStartDate", "planStartDate", month);
        String previous = optionalPlan(root, "previousPlan");
        String requested = optionalPlan(root, "requestedPlan");
        Account account = new Account(appId, month, plan, planStart, previous, requested);

        List<AddOn> addOns = addOns(root.get("addOns"), month);

        List<Usage> usage = new ArrayList<>();
        List<DailyUsage> daily = new ArrayList<>();
        JsonNode node = root.get("usage");
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new InvalidRequestException("usage", "expected an object, got " + kind(node));
            }
            checkFields(node, "usage.", usageFields);
            for (MeterDef m : catalog.meters()) {
                switch (m.shape()) {
                    case COUNT -> {
                        JsonNode n = node.get(m.field());
                        if (present(n)) {
                            usage.add(new Usage(m.code(), count(n, "usage." + m.field())));
                        }
                    }
                    case PEAK -> peakOrSeries(node, m, month, usage, daily);
                    case DAILY -> dailySeries(node.get(m.seriesField()), m, month, daily);
                }
            }
        }
        return new BillRequest(account, addOns, usage, daily);
    }

    // ---- add-ons ----

    private List<AddOn> addOns(JsonNode node, YearMonth month) throws InvalidRequestException {
        List<AddOn> addOns = new ArrayList<>();
        if (!present(node)) {
            return addOns;
        }
        if (!node.isArray()) {
            throw new InvalidRequestException("addOns", "expected an array, got " + kind(node));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "addOns[" + i + "]";
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                throw new InvalidRequestException(path, "expected an object, got " + kind(a));
            }
            String typeText = requiredText(a, "type", path + ".");
            AddOnDef type = catalog.addOn(typeText);
            if (type == null) {
                throw new InvalidRequestException(path + ".type", "unknown add-on type '" + typeText + "' ("
                        + (catalog.addOns().isEmpty() ? "this tariff has no add-ons"
                        : "expected one of " + addOnChoices) + ")" + nearMiss(typeText, addOnCodes()));
            }
            Set<String> fields = type.hasOption() ? Set.of("type", type.optionField(), "startDate")
                    : Set.of("type", "startDate");
            checkOptionFields(a, path + ".", fields, type);
            if (!seen.add(type.code())) {
                throw new InvalidRequestException(path + ".type", "add-on " + type.code()
                        + " is ordered twice; an add-on is ordered at most once per app");
            }
            Long option = null;
            if (type.hasOption()) {
                JsonNode optionNode = a.get(type.optionField());
                if (!present(optionNode)) {
                    throw new InvalidRequestException(path + "." + type.optionField(), "missing required field: "
                            + type.code() + " needs the number of " + type.optionField());
                }
                option = count(optionNode, path + "." + type.optionField());
            }
            LocalDate start = optionalDate(a, "startDate", path + ".startDate", month);
            addOns.add(new AddOn(type.code(), type.billing(), option, start));
        }
        return addOns;
    }

    /** Unknown fields of an add-on; an option given to an add-on without one says which add-on takes it. */
    private void checkOptionFields(JsonNode a, String prefix, Set<String> allowed, AddOnDef type)
            throws InvalidRequestException {
        Iterator<String> names = a.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                for (AddOnDef other : catalog.addOns()) {
                    if (name.equals(other.optionField())) {
                        throw new InvalidRequestException(prefix + name, name + " applies only to "
                                + other.code() + ", not to " + type.code());
                    }
                }
                break; // the first unknown field is not an option: checkFields below names it
            }
        }
        checkFields(a, prefix, allowed);
    }

    private List<String> addOnCodes() {
        List<String> codes = new ArrayList<>();
        for (AddOnDef a : catalog.addOns()) {
            codes.add(a.code());
        }
        return codes;
    }

    // ---- usage ----

    private void peakOrSeries(JsonNode usage, MeterDef m, YearMonth month, List<Usage> counts,
                              List<DailyUsage> daily) throws InvalidRequestException {
        JsonNode peak = usage.get(m.field());
        JsonNode series = usage.get(m.seriesField());
        if (present(peak) && present(series)) {
            throw new InvalidRequestException("usage." + m.seriesField(), "give either usage." + m.field()
                    + " or usage." + m.seriesField() + ", not both");
        }
        if (present(peak)) {
            counts.add(new Usage(m.code(), count(peak, "usage." + m.field())));
            return;
        }
        if (!present(series)) {
            return;
        }
        String base = "usage." + m.seriesField();
        if (!series.isArray()) {
            throw new InvalidRequestException(base, "expected an array, got " + kind(series));
        }
        boolean[] dates = new boolean[32]; // by day of month: every date is checked to lie in the month first
        Set<String> fields = Set.of("date", m.valueField());
        for (int i = 0; i < series.size(); i++) {
            int index = i;
            JsonNode day = series.get(i);
            if (!day.isObject()) {
                throw new InvalidRequestException(element(base, i), "expected an object, got " + kind(day));
            }
            checkFields(day, () -> element(base, index) + ".", fields);
            LocalDate date = requiredDate(day, () -> element(base, index) + ".date", month);
            if (dates[date.getDayOfMonth()]) {
                throw new InvalidRequestException(element(base, i) + ".date",
                        "date " + date + " appears twice in " + base);
            }
            dates[date.getDayOfMonth()] = true;
            JsonNode value = day.get(m.valueField());
            if (!present(value)) {
                throw new InvalidRequestException(element(base, i) + "." + m.valueField(), "missing required field");
            }
            long v = count(value, () -> element(base, index) + "." + m.valueField());
            daily.add(new DailyUsage(m.code(), date, null, BigDecimal.valueOf(v)));
        }
    }

    private void dailySeries(JsonNode node, MeterDef m, YearMonth month, List<DailyUsage> out)
            throws InvalidRequestException {
        if (!present(node)) {
            return;
        }
        String base = "usage." + m.seriesField();
        if (!node.isArray()) {
            throw new InvalidRequestException(base, "expected an array, got " + kind(node));
        }
        Set<String> fields = Set.of("date", m.dimension(), m.valueField());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            int index = i;
            JsonNode day = node.get(i);
            if (!day.isObject()) {
                throw new InvalidRequestException(element(base, i), "expected an object, got " + kind(day));
            }
            checkFields(day, () -> element(base, index) + ".", fields);
            LocalDate date = requiredDate(day, () -> element(base, index) + ".date", month);
            String path = element(base, i);
            String key = requiredText(day, m.dimension(), path + ".");
            if (!m.dimensionValues().containsKey(key)) {
                List<String> values = new ArrayList<>(m.dimensionValues().keySet());
                throw new InvalidRequestException(path + "." + m.dimension(), "unknown " + m.dimension() + " '"
                        + key + "' (expected " + choices(values) + ")" + nearMiss(key, values));
            }
            if (!seen.add(date + "\u0000" + key)) {
                throw new InvalidRequestException(path + ".date", "date " + date + " appears twice for "
                        + m.dimension() + " " + key);
            }
            JsonNode value = day.get(m.valueField());
            String valuePath = path + "." + m.valueField();
            if (!present(value)) {
                throw new InvalidRequestException(valuePath, "missing required field");
            }
            BigDecimal v;
            if (m.decimal()) {
                if (!value.isNumber()) {
                    throw new InvalidRequestException(valuePath, "expected a number, got " + kind(value));
                }
                v = value.decimalValue();
                if (v.signum() < 0) {
                    throw new InvalidRequestException(valuePath, "must not be negative: " + v.toPlainString());
                }
            } else {
                v = BigDecimal.valueOf(count(value, valuePath));
            }
            out.add(new DailyUsage(m.code(), date, key, v));
        }
    }

    /** "A or B" for two, "A, B or C" for more. */
    private static String choices(List<String> values) {
        if (values.size() <= 1) {
            return String.join("", values);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }

    /** " (did you mean 'X'?)" when text differs from a known value only in case or by one or two letters. */
    static String nearMiss(String text, Iterable<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = k.equalsIgnoreCase(text) ? 0 : distance(text.toUpperCase(), k.toUpperCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Levenshtein distance, for suggestions only. */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ---- small readers ----

    /** "base[i]": built only when a message needs it. */
    private static String element(String base, int i) {
        return base + "[" + i + "]";
    }

    private static void checkFields(JsonNode obj, String prefix, Set<String> allowed) throws InvalidRequestException {
        checkFields(obj, () -> prefix, allowed);
    }

    private static void checkFields(JsonNode obj, Supplier<String> prefix, Set<String> allowed)
            throws InvalidRequestException {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String hint = "";
                for (String known : allowed) {
                    if (known.equalsIgnoreCase(name)) {
                        hint = " (did you mean '" + known + "'?)";
                    }
                }
                throw new InvalidRequestException(prefix.get() + name, "unknown field" + hint);
            }
        }
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    private static String requiredText(JsonNode obj, String name, String prefix) throws InvalidRequestException {
        JsonNode n = obj.get(name);
        if (!present(n)) {
            throw new InvalidRequestException(prefix + name, "missing required field");
        }
        if (!n.isTextual()) {
            throw new InvalidRequestException(prefix + name, "expected a string, got " + kind(n));
        }
        return n.textValue();
    }

    private static long count(JsonNode n, String path) throws InvalidRequestException {
        return count(n, () -> path);
    }

    private static long count(JsonNode n, Supplier<String> where) throws InvalidRequestException {
        if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
            return n.longValue(); // the usual case; the checks below name what is wrong otherwise
        }
        String path = where.get();
        if (!n.isNumber()) {
            throw new InvalidRequestException(path, "expected a whole number, got " + kind(n));
        }
        if (!n.isIntegralNumber()) {
            throw new InvalidRequestException(path, "must be a whole number (a count), got " + n.asText());
        }
        if (!n.canConvertToLong()) {
            throw new InvalidRequestException(path, "too large: " + n.asText());
        }
        long v = n.longValue();
        if (v < 0) {
            throw new InvalidRequestException(path, "must not be negative: " + v);
        }
        return v;
    }

    private static YearMonth month(String text) throws InvalidRequestException {
        if (MONTH.matcher(text).matches()) {
            try {
                YearMonth m = YearMonth.parse(text);
                if (m.isAfter(LAST_MONTH)) {
                    throw new InvalidRequestException("billingMonth", "month " + text + " is too late: a bill's "
                            + "dates run into the next month (postpaid is charged on the 3rd), so the last month "
                            + "accepted is " + LAST_MONTH);
                }
                return m;
            } catch (DateTimeParseException e) {
                // falls through to the error below
            }
        }
        throw new InvalidRequestException("billingMonth", "expected a month as YYYY-MM, got '" + text + "'");
    }

    private String plan(String text, String path) throws InvalidRequestException {
        PlanDef p = catalog.plan(text);
        if (p == null) {
            List<String> known = new ArrayList<>();
            for (PlanDef d : catalog.plans()) {
                known.add(d.code());
            }
            throw new InvalidRequestException(path, "unknown plan '" + text + "' (expected " + planChoices + ")"
                    + nearMiss(text, known));
        }
        return p.code();
    }

    private String optionalPlan(JsonNode obj, String name) throws InvalidRequestException {
        JsonNode n = obj.get(name);
        if (!present(n)) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidRequestException(name, "expected a string, got " + kind(n));
        }
        return plan(n.textValue(), name);
    }

    private static LocalDate optionalDate(JsonNode obj, String name, String path, YearMonth month)
            throws InvalidRequestException {
        JsonNode n = obj.get(name);
        return present(n) ? date(n, path, month) : null;
    }

    private static LocalDate requiredDate(JsonNode obj, Supplier<String> path, YearMonth month)
            throws InvalidRequestException {
        JsonNode n = obj.get("date");
        if (!present(n)) {
            throw new InvalidRequestException(path.get(), "missing required field");
        }
        return date(n, path, month);
    }

    private static LocalDate date(JsonNode n, String path, YearMonth month) throws InvalidRequestException {
        return date(n, () -> path, month);
    }

    private static LocalDate date(JsonNode n, Supplier<String> path, YearMonth month) throws InvalidRequestException {
        if (!n.isTextual()) {
            throw new InvalidRequestException(path.get(), "expected a date as YYYY-MM-DD, got " + kind(n));
        }
        String text = n.textValue();
        LocalDate d = isoDate(text);
        if (d == null) {
            throw new InvalidRequestException(path.get(), "expected a valid date as YYYY-MM-DD, got '" + text + "'");
        }
        if (d.getYear() != month.getYear() || d.getMonthValue() != month.getMonthValue()) {
            throw new InvalidRequestException(path.get(), "date " + d + " is outside the billing month " + month);
        }
        return d;
    }

    /**
     * Exactly what the pattern \\d{4}-\\d{2}-\\d{2} followed by LocalDate.parse(text) accepts (ASCII digits as
     * dddd-dd-dd, a real calendar date), without a regex and a formatter on every date of a series.
     */
    static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String kind(JsonNode n) {
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.getNodeType().toString().toLowerCase();
    }

    static InvalidRequestException malformed(JacksonException e) {
        return JsonInput.malformed(e); // one place words every parse failure
    }
}
