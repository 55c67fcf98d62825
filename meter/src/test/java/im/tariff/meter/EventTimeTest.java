package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EventTimeTest {
    private final EventTime china = new EventTime(YearMonth.of(2026, 10), ZoneId.of("Asia/Shanghai"));

    private static LocalDate day(EventTime t, String time) {
        return LocalDate.ofEpochDay(t.day(EventTime.parse(time)));
    }

    @Test
    void anOffsetTimeIsOnItsLocalDay() {
        assertThat(day(china, "2026-10-05T23:59:59+08:00")).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(day(china, "2026-10-06T00:00:00+08:00")).isEqualTo(LocalDate.of(2026, 10, 6));
    }

    @Test
    void aUtcTimeNearMidnightIsOnTheChinaDay() {
        assertThat(day(china, "2026-10-04T16:30:00Z")).isEqualTo(LocalDate.of(2026, 10, 5));
        assertThat(day(china, "2026-10-04T15:59:59.999Z")).isEqualTo(LocalDate.of(2026, 10, 4));
    }

    @Test
    void epochMillisAreInstants() {
        long millis = java.time.Instant.parse("2026-10-04T16:30:00Z").toEpochMilli();
        assertThat(EventTime.parse(Long.toString(millis))).isEqualTo(millis);
        assertThat(EventTime.parse((Object) millis)).isEqualTo(millis);
    }

    @Test
    void fastAndSlowParsersAgree() {
        for (String s : new String[] {"2026-10-05T23:59:59+08:00", "2026-10-05T23:59:59.5-03:30",
                "2026-10-05T23:59:59.123456789Z", "2026-02-28T00:00:00+14:00"}) {
            assertThat(EventTime.parse(s)).as(s)
                    .isEqualTo(java.time.OffsetDateTime.parse(s).toInstant().toEpochMilli());
        }
    }

    @Test
    void timesWithoutAnOffsetOrInvalidAreRefused() {
        for (String s : new String[] {"2026-10-05T12:00:00", "2026-10-05 12:00:00+08:00", "2026-02-30T00:00:00Z",
                "yesterday", "", "12.5", "2026-10-05T24:00:00Z"}) {
            assertThat(EventTime.parse(s)).as(s).isEqualTo(EventTime.NOT_A_TIME);
        }
    }

    @Test
    void anotherZoneMovesTheDay() {
        EventTime utc = new EventTime(YearMonth.of(2026, 10), ZoneId.of("UTC"));
        assertThat(day(utc, "2026-10-04T16:30:00Z")).isEqualTo(LocalDate.of(2026, 10, 4));
    }

    @Test
    void aZoneWithDaylightSavingUsesTheOffsetOfTheInstant() {
        // Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC
        EventTime berlin = new EventTime(YearMonth.of(2026, 10), ZoneId.of("Europe/Berlin"));
        assertThat(day(berlin, "2026-10-24T22:30:00Z")).isEqualTo(LocalDate.of(2026, 10, 25)); // 00:30 CEST
        assertThat(day(berlin, "2026-10-25T22:30:00Z")).isEqualTo(LocalDate.of(2026, 10, 25)); // 23:30 CET
    }
}
