package im.tariff.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.i18n.Messages;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.Usage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reader's fast path: reads a request straight from the parser's tokens, without building a tree, when it
 * is plainly valid; answers null at the first thing that is not (an unknown field, a wrong type, a date outside
 * the month, a syntax error, anything). {@link RequestReader} then reads the same bytes the long way, which finds
 * and words what is wrong. So what this class accepts it must read exactly as the long way would:
 * {@code PlainRequestReaderTest} compares the two on generated, edited and hostile requests. A month-end
 * line (daily series, samples) is read in ~5.9 µs instead of ~7.5 µs through the tree (docs/PERFORMANCE.md).
 */
final class PlainRequestReader {

    /** What a field under usage is to a meter. */
    private enum Role { COUNT, PEAK, PEAK_SERIES, DAILY_SERIES }

    /** Where a usage field goes; {@code keys}: its meter's dimension values, as the catalog spells them. */
    private record Slot(int index, MeterDef meter, Role role, String[] keys) {
    }

    private final Catalog catalog;
    private final Messages msg;
    private final List<MeterDef> meters;
    private final Map<String, Slot> slots = new HashMap<>();
    /** False when two meters share a field: the long way then reads it for both, this class does not try. */
    private final boolean usable;

    PlainRequestReader(Catalog catalog, Messages msg) {
        this.catalog = catalog;
        this.msg = msg;
        this.meters = catalog.meters();
        boolean shared = false;
        for (int i = 0; i < meters.size(); i++) {
            MeterDef m = meters.get(i);
            Map<String, Role> roles = switch (m.shape()) {
                case COUNT -> Map.of(m.field(), Role.COUNT);
                case PEAK -> Map.of(m.field(), Role.PEAK, m.seriesField(), Role.PEAK_SERIES);
                case DAILY -> Map.of(m.seriesField(), Role.DAILY_SERIES);
            };
            for (Map.Entry<String, Role> e : roles.entrySet()) {
                shared |= slots.put(e.getKey(), new Slot(i, m, e.getValue(),
                        m.dimensionValues().keySet().toArray(String[]::new))) != null;
            }
        }
        this.usable = !shared;
    }

    /** Bails out: the request is not plainly valid, or not in a form this reader knows. */
    private static final class NotPlain extends Exception {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private static NotPlain notPlain() {
        return NotPlain.INSTANCE;
    }

    /** The request in buf[off .. off+len), or null when the long way must read it. */
    BillRequest read(byte[] buf, int off, int len) {
        if (!usable || len > JsonInput.MAX_BYTES) {
            return null;
        }
        int start = off;
        int end = off + len;
        if (len >= 3 && (buf[off] & 0xFF) == 0xEF && (buf[off + 1] & 0xFF) == 0xBB && (buf[off + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        try {
            JsonInput.checkUtf8(buf, start, end, msg);
        } catch (InvalidRequestException e) {
            return null;
        }
        try (JsonParser p = JsonInput.FACTORY.createParser(buf, start, end - start)) {
            BillRequest request = request(p);
            return p.nextToken() == null ? request : null;
        } catch (IOException | NotPlain | RuntimeException e) {
            return null;
        }
    }

    private BillRequest request(JsonParser p) throws IOException, NotPlain {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String appId = null;
        String monthText = null;
        String planText = null;
        LocalDate planStart = null;
        String previous = null;
        String requested = null;
        List<RawAddOn> addOns = List.of();
        Object[] usage = null;
        Set<String> seen = new HashSet<>(16);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!seen.add(name)) {
                throw notPlain();
            }
            JsonToken v = p.nextToken();
            switch (name) {
                case "appId" -> appId = string(p, v);
                case "billingMonth" -> monthText = string(p, v);
                case "plan" -> planText = string(p, v);
                case "planStartDate" -> planStart = v == JsonToken.VALUE_NULL ? null : date(p, v);
                case "previousPlan" -> previous = v == JsonToken.VALUE_NULL ? null : plan(string(p, v));
                case "requestedPlan" -> requested = v == JsonToken.VALUE_NULL ? null : plan(string(p, v));
                case "addOns" -> addOns = v == JsonToken.VALUE_NULL ? List.of() : addOns(p, v);
                case "usage" -> usage = v == JsonToken.VALUE_NULL ? null : usage(p, v);
                default -> throw notPlain();
            }
        }
        expect(t, JsonToken.END_OBJECT);
        if (appId == null || appId.isBlank() || monthText == null
                || planText == null) {
            throw notPlain();
        }
        YearMonth month = RequestReader.parseMonth(monthText);
        if (month == null || month.isAfter(RequestReader.lastMonth())) {
            throw notPlain();
        }
        PlanDef plan = catalog.plan(planText);
        if (plan == null || plan.onRequest()) {
            throw notPlain();
        }
        inMonth(planStart, month);
        Account account = new Account(appId, month, plan.code(), planStart, previous, requested);

        List<AddOn> addOnFacts = new ArrayList<>(addOns.size());
        for (RawAddOn a : addOns) {
            inMonth(a.start, month);
            addOnFacts.add(new AddOn(a.type.code(), a.type.billing(), a.option, a.start));
        }
        // the long way lists usage meter by meter, in the catalog's order; each series in its own order
        List<Usage> counts = new ArrayList<>();
        List<DailyUsage> daily = new ArrayList<>();
        if (usage != null) {
            for (int i = 0; i < meters.size(); i++) {
                Object u = usage[i];
                if (u instanceof Usage c) {
                    counts.add(c);
                } else if (u instanceof List<?> series) {
                    for (Object d : series) {
                        DailyUsage day = (DailyUsage) d;
                        inMonth(day.date(), month);
                        daily.add(day);
                    }
                }
            }
        }
        return new BillRequest(account, addOnFacts, counts, daily);
    }

    private record RawAddOn(AddOnDef type, Long option, LocalDate start) {
    }

    private List<RawAddOn> addOns(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.START_ARRAY);
        List<RawAddOn> out = new ArrayList<>();
        Set<String> types = new HashSet<>();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            AddOnDef type = null;
            Long option = null;
            LocalDate start = null;
            boolean optionGiven = false;
            String optionName = null;
            boolean startGiven = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("type") && type == null) {
                    type = catalog.addOn(string(p, v));
                    if (type == null || !types.add(type.code())) {
                        throw notPlain();
                    }
                } else if (name.equals("startDate") && !startGiven) {
                    startGiven = true;
                    start = v == JsonToken.VALUE_NULL ? null : date(p, v);
                } else if (!optionGiven && isOptionField(name)) {
                    optionGiven = true;
                    option = count(p, v);
                    optionName = name;
                } else {
                    throw notPlain();
                }
            }
            expect(t, JsonToken.END_OBJECT);
            if (type == null || type.hasOption() != optionGiven
                    || (optionGiven && !type.optionField().equals(optionName))) {
                throw notPlain();
            }
            out.add(new RawAddOn(type, option, start));
        }
        expect(t, JsonToken.END_ARRAY);
        return out;
    }

    private boolean isOptionField(String name) {
        for (AddOnDef a : catalog.addOns()) {
            if (name.equals(a.optionField())) {
                return true;
            }
        }
        return false;
    }

    /** Each meter's reading by its index: a Usage, a list of DailyUsage, or null. */
    private Object[] usage(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.START_OBJECT);
        Object[] byMeter = new Object[meters.size()];
        Set<String> seen = new HashSet<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Slot slot = slots.get(name);
            if (slot == null || !seen.add(name)) {
                throw notPlain();
            }
            JsonToken v = p.nextToken();
            if (v == JsonToken.VALUE_NULL) {
                continue; // absent, as the long way reads a null
            }
            if (byMeter[slot.index] != null) {
                throw notPlain(); // a peak and its series both given
            }
            MeterDef m = slot.meter;
            byMeter[slot.index] = switch (slot.role) {
                case COUNT, PEAK -> new Usage(m.code(), count(p, v));
                case PEAK_SERIES -> peakSeries(p, v, m);
                case DAILY_SERIES -> dailySeries(p, v, m, slot.keys);
            };
        }
        expect(t, JsonToken.END_OBJECT);
        return byMeter;
    }

    private List<DailyUsage> peakSeries(JsonParser p, JsonToken t, MeterDef m) throws IOException, NotPlain {
        expect(t, JsonToken.START_ARRAY);
        List<DailyUsage> out = new ArrayList<>(32);
        boolean[] days = new boolean[32];
        String valueField = m.valueField();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            LocalDate date = null;
            long value = -1;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("date") && date == null) {
                    date = date(p, v);
                } else if (name.equals(valueField) && value < 0) {
                    value = count(p, v);
                } else {
                    throw notPlain();
                }
            }
            expect(t, JsonToken.END_OBJECT);
            if (date == null || value < 0 || days[date.getDayOfMonth()]) {
                throw notPlain();
            }
            days[date.getDayOfMonth()] = true;
            out.add(new DailyUsage(m.code(), date, null, BigDecimal.valueOf(value)));
        }
        expect(t, JsonToken.END_ARRAY);
        return out;
    }

    private List<DailyUsage> dailySeries(JsonParser p, JsonToken t, MeterDef m, String[] keys)
            throws IOException, NotPlain {
        expect(t, JsonToken.START_ARRAY);
        List<DailyUsage> out = new ArrayList<>();
        // the days seen of each dimension value, a bit a day of the month: a date outside the month makes the
        // request not plain anyway, so two dates on the same day of the month are a repeat or not plain
        java.util.Map<String, Integer> seen = new java.util.HashMap<>(8);
        String dimension = m.dimension();
        String valueField = m.valueField();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            LocalDate date = null;
            String key = null;
            BigDecimal value = null;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (name.equals("date") && date == null) {
                    date = date(p, v);
                } else if (name.equals(dimension) && key == null) {
                    key = knownKey(p, v, keys);
                } else if (name.equals(valueField) && value == null) {
                    value = m.decimal() ? decimal(p, v) : BigDecimal.valueOf(count(p, v));
                } else {
                    throw notPlain();
                }
            }
            expect(t, JsonToken.END_OBJECT);
            if (date == null || key == null || value == null) {
                throw notPlain();
            }
            int day = 1 << date.getDayOfMonth();
            int days = seen.getOrDefault(key, 0);
            if ((days & day) != 0) {
                throw notPlain();
            }
            seen.put(key, days | day);
            out.add(new DailyUsage(m.code(), date, key, value));
        }
        expect(t, JsonToken.END_ARRAY);
        return out;
    }

    // ---- values ----

    private static void expect(JsonToken t, JsonToken wanted) throws NotPlain {
        if (t != wanted) {
            throw notPlain();
        }
    }

    private static String string(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.VALUE_STRING);
        String text = p.getText();
        if (JsonInput.hasLoneSurrogate(text)) {
            throw notPlain();
        }
        return text;
    }

    /**
     * The dimension value a series names, as the catalog spells it, compared in the parser's own characters:
     * no string is made for a value a month of samples repeats (a key the catalog does not know is not plain).
     */
    private static String knownKey(JsonParser p, JsonToken t, String[] keys) throws IOException, NotPlain {
        expect(t, JsonToken.VALUE_STRING);
        java.nio.CharBuffer text = java.nio.CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        for (String k : keys) {
            if (k.contentEquals(text)) {
                return k;
            }
        }
        throw notPlain();
    }

    private String plan(String text) throws NotPlain {
        PlanDef plan = catalog.plan(text);
        if (plan == null) {
            throw notPlain();
        }
        return plan.code();
    }

    private static LocalDate date(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.VALUE_STRING);
        // read in the parser's characters: a month of samples makes no string for its dates
        LocalDate d = p.getTextLength() == 10
                ? RequestReader.isoDate(java.nio.CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), 10)) : null;
        if (d == null) {
            throw notPlain();
        }
        return d;
    }

    private static void inMonth(LocalDate d, YearMonth month) throws NotPlain {
        if (d != null && (d.getYear() != month.getYear() || d.getMonthValue() != month.getMonthValue())) {
            throw notPlain();
        }
    }

    /** A whole number of at most 19 digits, not negative: what the long way reads as a count. */
    private static long count(JsonParser p, JsonToken t) throws IOException, NotPlain {
        expect(t, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw notPlain();
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw notPlain();
        }
        return v;
    }

    /** A decimal value as the long way reads it: the same bounds, trailing zeros dropped, not negative. */
    private BigDecimal decimal(JsonParser p, JsonToken t) throws IOException, NotPlain {
        BigDecimal v;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            v = BigDecimal.valueOf(count(p, t));
        } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            v = JsonInput.shortDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (v != null) {
                return v;
            }
            try {
                v = JsonInput.decimal(p.getText(), p, msg);
            } catch (InvalidRequestException e) {
                throw notPlain();
            }
        } else {
            throw notPlain();
        }
        if (v.signum() < 0) {
            throw notPlain();
        }
        return v;
    }
}
