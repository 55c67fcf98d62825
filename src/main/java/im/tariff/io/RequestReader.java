package im.tariff.io;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.i18n.Messages;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.Usage;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a request and refuses anything invalid with the JSON path of the field and what is wrong. What a
 * request may hold beyond its fixed top-level fields comes from the catalog of the rules: the plans, the
 * add-ons and their options, the usage meters with their shapes and dimension values. Nothing is guessed:
 * unknown fields, wrong types and out-of-month dates are errors. What is wrong is said in the catalog's
 * language ({@link Catalog#language()}), malformed JSON too. Stateless and thread-safe.
 */
public final class RequestReader {

    private static final Set<String> TOP_FIELDS = Set.of("appId", "billingMonth", "plan", "planStartDate",
            "previousPlan", "requestedPlan", "addOns", "usage");
    /** Every date of a bill (up to the 3rd of the next month) must stay a 4-digit year. */
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 11);

    private final Catalog catalog;
    private final Messages msg;
    private final Set<String> usageFields;
    private final String planChoices;
    private final String addOnChoices;
    private final PlainRequestReader plain;

    public RequestReader(Catalog catalog) {
        this.catalog = catalog;
        this.msg = Messages.of(catalog.language());
        this.usageFields = new HashSet<>(catalog.usageFields());
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (PlanDef p : catalog.plans()) {
            codes.add(p.code());
            names.add(p.name());
        }
        this.planChoices = msg.format("reader.planChoices", msg.join(codes), msg.join(names));
        this.addOnChoices = msg.join(addOnCodes());
        this.plain = new PlainRequestReader(catalog, msg);
    }

    /** The messages of the catalog's language, in which this reader says what is wrong. */
    public Messages messages() {
        return msg;
    }

    /** The catalog this reader validates against. */
    public Catalog catalog() {
        return catalog;
    }

    /** Parses and validates one JSON document (the input policy of {@link JsonInput}). */
    public BillRequest read(String json) throws InvalidRequestException {
        if (json != null && !JsonInput.hasLoneSurrogate(json)) {
            byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            BillRequest request = plain.read(utf8, 0, utf8.length);
            if (request != null) {
                return request;
            }
        }
        return read(JsonInput.parse(json, msg));
    }

    /**
     * Parses and validates one JSON document held as UTF-8 bytes: the batch reads lines as bytes and so
     * skips decoding them into Strings first. Bad UTF-8 is refused, never replaced (see {@link JsonInput}).
     */
    public BillRequest read(byte[] utf8, int offset, int length) throws InvalidRequestException {
        BillRequest request = plain.read(utf8, offset, length);
        return request != null ? request : read(JsonInput.parse(utf8, offset, length, msg));
    }

    /** Validates an already parsed document. */
    public BillRequest read(JsonNode root) throws InvalidRequestException {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidRequestException("$", msg.format("reader.empty"));
        }
        if (!root.isObject()) {
            throw new InvalidRequestException("$", msg.format("reader.expectedJsonObject", kind(root)));
        }
        checkFields(root, "", TOP_FIELDS);

        String appId = requiredText(root, "appId", "");
        if (appId.isBlank()) {
            throw new InvalidRequestException("appId", msg.format("reader.blank"));
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
                throw new InvalidRequestException("usage", msg.format("reader.expectedObject", kind(node)));
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
            throw new InvalidRequestException("addOns", msg.format("reader.expectedArray", kind(node)));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "addOns[" + i + "]";
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                throw new InvalidRequestException(path, msg.format("reader.expectedObject", kind(a)));
            }
            String typeText = requiredText(a, "type", path + ".");
            AddOnDef type = catalog.addOn(typeText);
            if (type == null) {
                String hint = nearMiss(typeText, addOnCodes());
                throw new InvalidRequestException(path + ".type", catalog.addOns().isEmpty()
                        ? msg.format("reader.unknownAddOnNone", typeText, hint)
                        : msg.format("reader.unknownAddOn", typeText, addOnChoices, hint));
            }
            Set<String> fields = type.hasOption() ? Set.of("type", type.optionField(), "startDate")
                    : Set.of("type", "startDate");
            checkOptionFields(a, path + ".", fields, type);
            if (!seen.add(type.code())) {
                throw new InvalidRequestException(path + ".type", msg.format("reader.orderedTwice", type.code()));
            }
            Long option = null;
            if (type.hasOption()) {
                JsonNode optionNode = a.get(type.optionField());
                if (!present(optionNode)) {
                    throw new InvalidRequestException(path + "." + type.optionField(),
                            msg.format("reader.optionMissing", type.code(), type.optionField()));
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
                        throw new InvalidRequestException(prefix + name,
                                msg.format("reader.optionElsewhere", name, other.code(), type.code()));
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
            throw new InvalidRequestException("usage." + m.seriesField(),
                    msg.format("reader.peakOrSeries", m.field(), m.seriesField()));
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
            throw new InvalidRequestException(base, msg.format("reader.expectedArray", kind(series)));
        }
        boolean[] dates = new boolean[32]; // by day of month: every date is checked to lie in the month first
        Set<String> fields = Set.of("date", m.valueField());
        for (int i = 0; i < series.size(); i++) {
            int index = i;
            JsonNode day = series.get(i);
            if (!day.isObject()) {
                throw new InvalidRequestException(element(base, i), msg.format("reader.expectedObject", kind(day)));
            }
            checkFields(day, () -> element(base, index) + ".", fields);
            LocalDate date = requiredDate(day, () -> element(base, index) + ".date", month);
            if (dates[date.getDayOfMonth()]) {
                throw new InvalidRequestException(element(base, i) + ".date",
                        msg.format("reader.dateTwice", date, base));
            }
            dates[date.getDayOfMonth()] = true;
            JsonNode value = day.get(m.valueField());
            if (!present(value)) {
                throw new InvalidRequestException(element(base, i) + "." + m.valueField(), msg.format("reader.missing"));
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
            throw new InvalidRequestException(base, msg.format("reader.expectedArray", kind(node)));
        }
        Set<String> fields = Set.of("date", m.dimension(), m.valueField());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            int index = i;
            JsonNode day = node.get(i);
            if (!day.isObject()) {
                throw new InvalidRequestException(element(base, i), msg.format("reader.expectedObject", kind(day)));
            }
            checkFields(day, () -> element(base, index) + ".", fields);
            LocalDate date = requiredDate(day, () -> element(base, index) + ".date", month);
            String path = element(base, i);
            String key = requiredText(day, m.dimension(), path + ".");
            if (!m.dimensionValues().containsKey(key)) {
                List<String> values = new ArrayList<>(m.dimensionValues().keySet());
                throw new InvalidRequestException(path + "." + m.dimension(), msg.format("reader.unknownValue",
                        m.dimension(), key, msg.or(values), nearMiss(key, values)));
            }
            if (!seen.add(date + "\u0000" + key)) {
                throw new InvalidRequestException(path + ".date", msg.format("reader.dateTwiceFor", date,
                        m.dimension(), key));
            }
            JsonNode value = day.get(m.valueField());
            String valuePath = path + "." + m.valueField();
            if (!present(value)) {
                throw new InvalidRequestException(valuePath, msg.format("reader.missing"));
            }
            BigDecimal v;
            if (m.decimal()) {
                if (!value.isNumber()) {
                    throw new InvalidRequestException(valuePath, msg.format("reader.expectedNumber", kind(value)));
                }
                v = value.decimalValue();
                if (v.signum() < 0) {
                    throw new InvalidRequestException(valuePath, msg.format("reader.negative", v.toPlainString()));
                }
            } else {
                v = BigDecimal.valueOf(count(value, valuePath));
            }
            out.add(new DailyUsage(m.code(), date, key, v));
        }
    }

    /** " (did you mean 'X'?)" when text differs from a known value only in case or by one or two letters. */
    String nearMiss(String text, Iterable<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = k.equalsIgnoreCase(text) ? 0 : distance(text.toUpperCase(), k.toUpperCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best == null ? "" : msg.format("reader.didYouMean", best);
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

    private void checkFields(JsonNode obj, String prefix, Set<String> allowed) throws InvalidRequestException {
        checkFields(obj, () -> prefix, allowed);
    }

    private void checkFields(JsonNode obj, Supplier<String> prefix, Set<String> allowed)
            throws InvalidRequestException {
        Iterator<String> names = obj.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String hint = "";
                for (String known : allowed) {
                    if (known.equalsIgnoreCase(name)) {
                        hint = msg.format("reader.didYouMean", known);
                    }
                }
                throw new InvalidRequestException(prefix.get() + name, msg.format("reader.unknownField", hint));
            }
        }
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    private String requiredText(JsonNode obj, String name, String prefix) throws InvalidRequestException {
        JsonNode n = obj.get(name);
        if (!present(n)) {
            throw new InvalidRequestException(prefix + name, msg.format("reader.missing"));
        }
        if (!n.isTextual()) {
            throw new InvalidRequestException(prefix + name, msg.format("reader.expectedString", kind(n)));
        }
        return n.textValue();
    }

    private long count(JsonNode n, String path) throws InvalidRequestException {
        return count(n, () -> path);
    }

    private long count(JsonNode n, Supplier<String> where) throws InvalidRequestException {
        if (n.isIntegralNumber() && n.canConvertToLong() && n.longValue() >= 0) {
            return n.longValue(); // the usual case; the checks below name what is wrong otherwise
        }
        String path = where.get();
        if (!n.isNumber()) {
            throw new InvalidRequestException(path, msg.format("reader.expectedWhole", kind(n)));
        }
        if (!n.isIntegralNumber()) {
            throw new InvalidRequestException(path, msg.format("reader.notWhole", n.asText()));
        }
        if (!n.canConvertToLong()) {
            throw new InvalidRequestException(path, msg.format("reader.tooLarge", n.asText()));
        }
        long v = n.longValue();
        if (v < 0) {
            throw new InvalidRequestException(path, msg.format("reader.negative", v));
        }
        return v;
    }

    private YearMonth month(String text) throws InvalidRequestException {
        YearMonth month = parseMonth(text);
        if (month == null) {
            throw new InvalidRequestException("billingMonth", msg.format("reader.expectedMonth", text));
        }
        if (month.isAfter(LAST_MONTH)) {
            throw new InvalidRequestException("billingMonth", msg.format("reader.monthTooLate", text, LAST_MONTH));
        }
        return month;
    }

    /**
     * A month as a request writes it (YYYY-MM: four ASCII digits, a real month), or null. The reader also
     * refuses a month after {@link #lastMonth()}.
     */
    public static YearMonth parseMonth(String text) {
        // by hand, as isoDate: a regex and a formatter were 3 % of a batch's time
        if (text == null || text.length() != 7 || text.charAt(4) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        return year < 0 || month < 1 || month > 12 ? null : YearMonth.of(year, month);
    }

    /** The last billing month a request may have: a bill's dates run into the next month. */
    public static YearMonth lastMonth() {
        return LAST_MONTH;
    }

    private String plan(String text, String path) throws InvalidRequestException {
        PlanDef p = catalog.plan(text);
        if (p == null) {
            List<String> known = new ArrayList<>();
            for (PlanDef d : catalog.plans()) {
                known.add(d.code());
            }
            throw new InvalidRequestException(path, msg.format("reader.unknownPlan", text, planChoices,
                    nearMiss(text, known)));
        }
        return p.code();
    }

    private String optionalPlan(JsonNode obj, String name) throws InvalidRequestException {
        JsonNode n = obj.get(name);
        if (!present(n)) {
            return null;
        }
        if (!n.isTextual()) {
            throw new InvalidRequestException(name, msg.format("reader.expectedString", kind(n)));
        }
        return plan(n.textValue(), name);
    }

    private LocalDate optionalDate(JsonNode obj, String name, String path, YearMonth month)
            throws InvalidRequestException {
        JsonNode n = obj.get(name);
        return present(n) ? date(n, path, month) : null;
    }

    private LocalDate requiredDate(JsonNode obj, Supplier<String> path, YearMonth month)
            throws InvalidRequestException {
        JsonNode n = obj.get("date");
        if (!present(n)) {
            throw new InvalidRequestException(path.get(), msg.format("reader.missing"));
        }
        return date(n, path, month);
    }

    private LocalDate date(JsonNode n, String path, YearMonth month) throws InvalidRequestException {
        return date(n, () -> path, month);
    }

    private LocalDate date(JsonNode n, Supplier<String> path, YearMonth month) throws InvalidRequestException {
        if (!n.isTextual()) {
            throw new InvalidRequestException(path.get(), msg.format("reader.expectedDate", kind(n)));
        }
        String text = n.textValue();
        LocalDate d = isoDate(text);
        if (d == null) {
            throw new InvalidRequestException(path.get(), msg.format("reader.invalidDate", text));
        }
        if (d.getYear() != month.getYear() || d.getMonthValue() != month.getMonthValue()) {
            throw new InvalidRequestException(path.get(), msg.format("reader.outsideMonth", d, month));
        }
        return d;
    }

    /**
     * Exactly what the pattern \\d{4}-\\d{2}-\\d{2} followed by LocalDate.parse(text) accepts (ASCII digits as
     * dddd-dd-dd, a real calendar date), without a regex and a formatter on every date of a series.
     */
    static LocalDate isoDate(CharSequence text) {
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

    private static int digits(CharSequence s, int from, int to) {
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

    /** What a JSON value is, in words ("a string"), for "expected X, got Y". */
    private String kind(JsonNode n) {
        if (n.isTextual()) {
            return msg.format("reader.kind.string");
        }
        if (n.isNumber()) {
            return msg.format("reader.kind.number");
        }
        if (n.isBoolean()) {
            return msg.format("reader.kind.boolean");
        }
        if (n.isArray()) {
            return msg.format("reader.kind.array");
        }
        if (n.isObject()) {
            return msg.format("reader.kind.object");
        }
        if (n.isNull()) {
            return msg.format("reader.kind.null");
        }
        return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
