package im.tariff.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.AddOnType;
import im.tariff.model.BarrageDay;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyCount;
import im.tariff.model.Metric;
import im.tariff.model.Plan;
import im.tariff.model.Region;
import im.tariff.model.UsageCount;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads a request (SPEC 2.1) and refuses anything invalid (SPEC 2.2) with the JSON path of the field and
 * what is wrong. Nothing is guessed: unknown fields, wrong types and out-of-month dates are errors.
 * Stateless and thread-safe.
 */
public final class RequestReader {

    private static final Set<String> TOP_FIELDS = Set.of("appId", "billingMonth", "plan", "planStartDate",
            "previousPlan", "requestedPlan", "addOns", "usage");
    private static final Set<String> ADDON_FIELDS = Set.of("type", "days", "startDate");
    private static final Set<String> BARRAGE_FIELDS = Set.of("date", "region", "peakMbps");

    /** Plain usage counts: JSON name under "usage" → metric, in the order of SPEC 2.1. */
    public static final Map<String, Metric> COUNT_FIELDS;
    static {
        Map<String, Metric> counts = new LinkedHashMap<>();
        counts.put("users", Metric.USERS);
        counts.put("maxFriendsPerUser", Metric.FRIENDS_PER_USER);
        counts.put("maxGroupsJoinedPerUser", Metric.GROUPS_JOINED_PER_USER);
        counts.put("maxMembersPerGroup", Metric.MEMBERS_PER_GROUP);
        counts.put("totalGroups", Metric.TOTAL_GROUPS);
        counts.put("avChatRooms", Metric.AVCHATROOMS);
        counts.put("maxDailyNetNewGroups", Metric.DAILY_NET_NEW_GROUPS);
        counts.put("maxDailyBroadcastGroups", Metric.DAILY_BROADCAST_GROUPS);
        COUNT_FIELDS = java.util.Collections.unmodifiableMap(counts);
    }

    /** A figure given either as a peak or as a daily series, never both. */
    private record PeakOrSeries(String peakField, String seriesField, String valueField, Metric metric) {
    }

    private static final List<PeakOrSeries> PEAKS = List.of(
            new PeakOrSeries("peakDau", "dailyDau", "dau", Metric.DAU),
            new PeakOrSeries("peakGroups", "dailyGroups", "groups", Metric.PEAK_GROUPS));

    private static final Set<String> USAGE_FIELDS = new HashSet<>(COUNT_FIELDS.keySet());
    static {
        USAGE_FIELDS.add("barrage");
        for (PeakOrSeries p : PEAKS) {
            USAGE_FIELDS.add(p.peakField());
            USAGE_FIELDS.add(p.seriesField());
        }
    }

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** Every date of a bill (up to the 3rd of the next month) must stay a 4-digit year. */
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 11);

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
        Plan plan = plan(requiredText(root, "plan", ""), "plan");
        LocalDate planStart = optionalDate(root, "planStartDate", "planStartDate", month);
        Plan previous = optionalPlan(root, "previousPlan");
        Plan requested = optionalPlan(root, "requestedPlan");
        Account account = new Account(appId, month, plan, planStart, previous, requested);

        List<AddOn> addOns = addOns(root.get("addOns"), month);

        List<UsageCount> counts = new ArrayList<>();
        List<DailyCount> daily = new ArrayList<>();
        List<BarrageDay> barrage = new ArrayList<>();
        JsonNode usage = root.get("usage");
        if (usage != null && !usage.isNull()) {
            if (!usage.isObject()) {
                throw new InvalidRequestException("usage", "expected an object, got " + kind(usage));
            }
            checkFields(usage, "usage.", USAGE_FIELDS);
            for (Map.Entry<String, Metric> e : COUNT_FIELDS.entrySet()) {
                JsonNode n = usage.get(e.getKey());
                if (present(n)) {
                    counts.add(new UsageCount(e.getValue(), count(n, "usage." + e.getKey())));
                }
            }
            for (PeakOrSeries p : PEAKS) {
                peakOrSeries(usage, p, month, counts, daily);
            }
            barrage(usage.get("barrage"), month, barrage);
        }
        return new BillRequest(account, addOns, counts, daily, barrage);
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
        EnumSet<AddOnType> seen = EnumSet.noneOf(AddOnType.class);
        for (int i = 0; i < node.size(); i++) {
            String path = "addOns[" + i + "]";
            JsonNode a = node.get(i);
            if (!a.isObject()) {
                throw new InvalidRequestException(path, "expected an object, got " + kind(a));
            }
            checkFields(a, path + ".", ADDON_FIELDS);
            String typeText = requiredText(a, "type", path + ".");
            AddOnType type = enumValue(AddOnType.class, typeText);
            if (type == null) {
                throw new InvalidRequestException(path + ".type", "unknown add-on type '" + typeText
                        + "' (expected one of " + Arrays.toString(AddOnType.values()) + ")");
            }
            if (!seen.add(type)) {
                throw new InvalidRequestException(path + ".type", "add-on " + type
                        + " is ordered twice; an add-on is ordered at most once per app");
            }
            Integer days = null;
            JsonNode daysNode = a.get("days");
            if (type == AddOnType.HISTORY_STORAGE) {
                if (!present(daysNode)) {
                    throw new InvalidRequestException(path + ".days", "missing required field: HISTORY_STORAGE needs the number of days");
                }
                long d = count(daysNode, path + ".days");
                if (d > Integer.MAX_VALUE) {
                    throw new InvalidRequestException(path + ".days", "too large: " + d);
                }
                days = (int) d;
            } else if (present(daysNode)) {
                throw new InvalidRequestException(path + ".days", "days applies only to HISTORY_STORAGE, not to " + type);
            }
            LocalDate start = optionalDate(a, "startDate", path + ".startDate", month);
            addOns.add(new AddOn(type, days, start));
        }
        return addOns;
    }

    // ---- usage ----

    private void peakOrSeries(JsonNode usage, PeakOrSeries p, YearMonth month, List<UsageCount> counts,
                              List<DailyCount> daily) throws InvalidRequestException {
        JsonNode peak = usage.get(p.peakField());
        JsonNode series = usage.get(p.seriesField());
        if (present(peak) && present(series)) {
            throw new InvalidRequestException("usage." + p.seriesField(), "give either usage." + p.peakField()
                    + " or usage." + p.seriesField() + ", not both");
        }
        if (present(peak)) {
            counts.add(new UsageCount(p.metric(), count(peak, "usage." + p.peakField())));
            return;
        }
        if (!present(series)) {
            return;
        }
        String base = "usage." + p.seriesField();
        if (!series.isArray()) {
            throw new InvalidRequestException(base, "expected an array, got " + kind(series));
        }
        boolean[] dates = new boolean[32]; // by day of month: every date is checked to lie in the month first
        Set<String> fields = Set.of("date", p.valueField());
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
            JsonNode value = day.get(p.valueField());
            if (!present(value)) {
                throw new InvalidRequestException(element(base, i) + "." + p.valueField(), "missing required field");
            }
            daily.add(new DailyCount(p.metric(), date, count(value, () -> element(base, index) + "." + p.valueField())));
        }
    }

    private void barrage(JsonNode node, YearMonth month, List<BarrageDay> out) throws InvalidRequestException {
        if (!present(node)) {
            return;
        }
        if (!node.isArray()) {
            throw new InvalidRequestException("usage.barrage", "expected an array, got " + kind(node));
        }
        boolean[][] seen = new boolean[32][Region.values().length]; // [day of month][region]
        for (int i = 0; i < node.size(); i++) {
            int index = i;
            JsonNode day = node.get(i);
            if (!day.isObject()) {
                throw new InvalidRequestException(element("usage.barrage", i), "expected an object, got " + kind(day));
            }
            checkFields(day, () -> element("usage.barrage", index) + ".", BARRAGE_FIELDS);
            LocalDate date = requiredDate(day, () -> element("usage.barrage", index) + ".date", month);
            String path = element("usage.barrage", i);
            String regionText = requiredText(day, "region", path + ".");
            Region region = enumValue(Region.class, regionText);
            if (region == null) {
                throw new InvalidRequestException(path + ".region", "unknown region '" + regionText
                        + "' (expected DOMESTIC or INTERNATIONAL)");
            }
            if (seen[date.getDayOfMonth()][region.ordinal()]) {
                throw new InvalidRequestException(path + ".date", "date " + date + " appears twice for region " + region);
            }
            seen[date.getDayOfMonth()][region.ordinal()] = true;
            JsonNode mbps = day.get("peakMbps");
            if (!present(mbps)) {
                throw new InvalidRequestException(path + ".peakMbps", "missing required field");
            }
            if (!mbps.isNumber()) {
                throw new InvalidRequestException(path + ".peakMbps", "expected a number, got " + kind(mbps));
            }
            BigDecimal value = mbps.decimalValue();
            if (value.signum() < 0) {
                throw new InvalidRequestException(path + ".peakMbps", "must not be negative: " + value.toPlainString());
            }
            out.add(new BarrageDay(date, region, value));
        }
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

    private static Plan plan(String text, String path) throws InvalidRequestException {
        Plan p = Plan.parse(text);
        if (p == null) {
            throw new InvalidRequestException(path, "unknown plan '" + text
                    + "' (expected TRIAL, PRO, FLAGSHIP or 体验版, 专业版, 旗舰版)");
        }
        return p;
    }

    private static Plan optionalPlan(JsonNode obj, String name) throws InvalidRequestException {
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

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        return null;
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
