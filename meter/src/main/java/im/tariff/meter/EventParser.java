package im.tariff.meter;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Checks one raw event and turns it into the row the aggregation needs: logins (appId, day, userId), groups
 * (appId, day, groups), barrage (appId, day, region, mbps). Every refusal has a reason in plain words; nothing is
 * dropped silently. Knows no Spark.
 */
final class EventParser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Returned for a valid event whose day is outside the metered month. */
    static final String OUTSIDE = "outside the month";

    static final String EMPTY_APP = "empty appId";
    static final String EMPTY_USER = "empty userId";
    static final String BAD_TIME = "unparseable time";
    static final String BAD_GROUPS = "groups is not a whole number";
    static final String NEGATIVE_GROUPS = "negative groups";
    static final String BAD_MBPS = "mbps is not a number";
    static final String NEGATIVE_MBPS = "negative mbps";
    static final String MBPS_PRECISION = "mbps has more than 18 decimal places or 20 integer digits";
    static final String UNKNOWN_REGION = "unknown region";
    static final String BAD_COLUMNS = "wrong number of columns";
    static final String BAD_JSON = "not a JSON object";

    /** Decimal scale that mbps is carried at through Spark (DecimalType(38, 18)). */
    static final int MBPS_SCALE = 18;

    private final Input input;
    private final EventTime time;
    private final Set<String> regions;

    EventParser(Input input, EventTime time, Set<String> regions) {
        this.input = input;
        this.time = time;
        this.regions = regions;
    }

    /**
     * raw holds the input's columns in {@link Input#columns} order (text, numbers, or null when absent). On
     * success fills out and returns null; else returns {@link #OUTSIDE} or the reason of the refusal.
     */
    String parse(Object[] raw, Object[] out) {
        String appId = text(raw[0]);
        if (appId == null || appId.isEmpty()) {
            return EMPTY_APP;
        }
        out[0] = appId;
        long millis;
        switch (input) {
            case LOGINS -> {
                String user = text(raw[1]);
                if (user == null || user.isEmpty()) {
                    return EMPTY_USER;
                }
                millis = EventTime.parse(raw[2]);
                if (millis == EventTime.NOT_A_TIME) {
                    return BAD_TIME;
                }
                out[2] = user;
            }
            case GROUPS -> {
                millis = EventTime.parse(raw[1]);
                if (millis == EventTime.NOT_A_TIME) {
                    return BAD_TIME;
                }
                Long groups = wholeNumber(raw[2]);
                if (groups == null) {
                    return BAD_GROUPS;
                }
                if (groups < 0) {
                    return NEGATIVE_GROUPS;
                }
                out[2] = groups;
            }
            case BARRAGE -> {
                millis = EventTime.parse(raw[1]);
                if (millis == EventTime.NOT_A_TIME) {
                    return BAD_TIME;
                }
                String region = text(raw[2]);
                if (region == null || !regions.contains(region)) {
                    return UNKNOWN_REGION;
                }
                BigDecimal mbps = decimal(raw[3]);
                if (mbps == null) {
                    return BAD_MBPS;
                }
                if (mbps.signum() < 0) {
                    return NEGATIVE_MBPS;
                }
                if (mbps.scale() > MBPS_SCALE || mbps.precision() - mbps.scale() > 38 - MBPS_SCALE) {
                    return MBPS_PRECISION;
                }
                out[2] = region;
                out[3] = mbps.setScale(MBPS_SCALE);
            }
            default -> throw new IllegalStateException();
        }
        int day = time.day(millis);
        if (!time.inMonth(day)) {
            return OUTSIDE;
        }
        out[1] = day;
        return null;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString().trim();
    }

    private static Long wholeNumber(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return ((Number) v).longValue();
        }
        BigDecimal d = decimal(v);
        if (d == null) {
            return null;
        }
        try {
            return d.stripTrailingZeros().scale() > 0 ? null : d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Exact decimal from text or a decimal column; a binary floating-point column is taken by its shortest text. */
    private static BigDecimal decimal(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
