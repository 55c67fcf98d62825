package im.tariff.meter;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Event times: ISO-8601 with an offset ({@code 2026-10-05T23:59:59+08:00}, {@code …Z}, optional fraction) or epoch
 * milliseconds, turned into the natural day of the metering zone. A time without an offset is refused: its
 * instant is unknown.
 */
final class EventTime implements Serializable {
    private static final long serialVersionUID = 1L;
    static final long NOT_A_TIME = Long.MIN_VALUE;
    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;
    private final int firstDay;
    private final int lastDay;
    /** The zone's offset when it is constant over the month (and a day either side); else null. */
    private final Long fixedOffsetMs;

    EventTime(YearMonth month, ZoneId zone) {
        this.zone = zone;
        this.firstDay = (int) month.atDay(1).toEpochDay();
        this.lastDay = (int) month.atEndOfMonth().toEpochDay();
        ZoneRules rules = zone.getRules();
        Instant from = month.atDay(1).minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.atEndOfMonth().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZoneOffsetTransition next = rules.nextTransition(from);
        boolean constant = next == null || next.getInstant().isAfter(to);
        this.fixedOffsetMs = constant ? rules.getOffset(from).getTotalSeconds() * 1000L : null;
    }

    int firstDay() {
        return firstDay;
    }

    int lastDay() {
        return lastDay;
    }

    boolean inMonth(int epochDay) {
        return epochDay >= firstDay && epochDay <= lastDay;
    }

    /** The natural day (epoch day) of an instant in the zone. */
    int day(long epochMillis) {
        long offset = fixedOffsetMs != null ? fixedOffsetMs
                : zone.getRules().getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000L;
        return (int) Math.floorDiv(epochMillis + offset, DAY_MS);
    }

    static String date(int epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** Epoch milliseconds of a time value (text or number), or NOT_A_TIME. */
    static long parse(Object value) {
        if (value == null) {
            return NOT_A_TIME;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.getTime();
        }
        if (value instanceof Instant i) {
            return i.toEpochMilli();
        }
        return parse(value.toString().trim());
    }

    static long parse(String s) {
        int n = s.length();
        if (n == 0) {
            return NOT_A_TIME;
        }
        if (isDigits(s, s.charAt(0) == '-' ? 1 : 0, n)) {
            if (n > 19) {
                return NOT_A_TIME;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return NOT_A_TIME;
            }
        }
        long fast = fastIso(s);
        if (fast != NOT_A_TIME) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return NOT_A_TIME;
        }
    }

    /** yyyy-MM-ddTHH:mm:ss[.f…](Z|±HH:MM); NOT_A_TIME for anything else (the slow parser then decides). */
    private static long fastIso(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return NOT_A_TIME;
        }
        int y = num(s, 0, 4), mo = num(s, 5, 7), d = num(s, 8, 10), h = num(s, 11, 13), mi = num(s, 14, 16),
                se = num(s, 17, 19);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59) {
            return NOT_A_TIME;
        }
        if (d > YearMonth.of(y, mo).lengthOfMonth()) {
            return NOT_A_TIME;
        }
        int i = 19;
        long millis = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 9) {
                return NOT_A_TIME;
            }
            String f = (s.substring(start, i) + "000").substring(0, 3);
            millis = Integer.parseInt(f);
        }
        long offsetSec;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSec = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = num(s, i + 1, i + 3), om = num(s, i + 4, i + 6);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return NOT_A_TIME;
            }
            offsetSec = (oh * 3600L + om * 60L) * (s.charAt(i) == '-' ? -1 : 1);
        } else {
            return NOT_A_TIME;
        }
        long days = LocalDate.of(y, mo, d).toEpochDay();
        return ((days * 86400L + h * 3600L + mi * 60L + se) - offsetSec) * 1000L + millis;
    }

    private static int num(String s, int from, int to) {
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

    private static boolean isDigits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
