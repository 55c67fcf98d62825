package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily series from raw events: one meter run over small CSV files, one concern per test (one app each). */
class MeterSeriesTest {
    @TempDir
    static Path dir;
    static TestMeter.Result result;
    static TestMeter.Result spark;

    static final String EPOCH_NOON = Long.toString(
            OffsetDateTime.parse("2026-10-07T12:00:00+08:00").toInstant().toEpochMilli());

    @BeforeAll
    static void meter() throws Exception {
        Path logins = TestMeter.write(dir, "logins.csv",
                "appId,userId,time",
                "once,alice,2026-10-03T08:00:00+08:00",
                "once,alice,2026-10-03T12:00:00+08:00",
                "once,alice,2026-10-03T22:00:00+08:00",
                "once,bob,2026-10-03T09:00:00+08:00",
                "midnight,u1,2026-10-05T23:59:59+08:00",
                "midnight,u1,2026-10-06T00:00:00+08:00",
                "utc,u1,2026-10-04T16:30:00Z",
                "epoch,u1," + EPOCH_NOON,
                "epoch,u2,2026-10-07T01:00:00+08:00",
                "outside,u1,2026-09-30T23:59:59+08:00",
                "outside,u1,2026-11-01T00:00:00+08:00",
                "outside,u1,2026-10-01T00:00:00+08:00",
                "outside,u2,2026-09-30T16:00:00Z");
        Path groups = TestMeter.write(dir, "groups.csv",
                "appId,time,groups",
                "snap,2026-10-02T08:00:00+08:00,5",
                "snap,2026-10-02T12:00:00+08:00,9",
                "snap,2026-10-02T20:00:00+08:00,7",
                "snap,2026-10-03T09:00:00+08:00,4",
                "snap,2026-10-02T16:10:00Z,20");
        Path barrage = TestMeter.write(dir, "barrage.csv",
                "appId,time,region,mbps",
                "live,2026-10-02T08:00:00+08:00,DOMESTIC,1.5",
                "live,2026-10-02T09:00:00+08:00,DOMESTIC,12.25",
                "live,2026-10-02T10:00:00+08:00,INTERNATIONAL,3",
                "live,2026-10-02T11:00:00+08:00,INTERNATIONAL,2.999",
                "live,2026-10-03T11:00:00+08:00,DOMESTIC,0.10");
        result = TestMeter.meter().logins(logins).groups(groups).barrage(barrage).into(dir.resolve("out"));
        assertThat(result.exit()).as(result.stderr()).isZero();
        spark = TestMeter.meter().logins(logins).groups(groups).barrage(barrage).spark().into(dir.resolve("out-spark"));
        assertThat(spark.exit()).as(spark.stderr()).isZero();
    }

    @Test
    void sparkWritesTheSameRequestsBillsAndSummaryByteForByte() throws Exception {
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(result));
    }

    @Test
    void aUserCountsOnceADayHoweverOftenTheyLogIn() throws Exception {
        assertThat(result.dau("once")).containsExactly("2026-10-03=2");
    }

    @Test
    void loginsAt235959And000000ChinaTimeFallOnDifferentDays() throws Exception {
        assertThat(result.dau("midnight")).containsExactly("2026-10-05=1", "2026-10-06=1");
    }

    @Test
    void aUtcTimeNearMidnightLandsOnTheChinaDay() throws Exception {
        assertThat(result.dau("utc")).containsExactly("2026-10-05=1");
    }

    @Test
    void epochMillisecondsAreRead() throws Exception {
        assertThat(result.dau("epoch")).containsExactly("2026-10-07=2");
    }

    @Test
    void eventsOutsideTheMonthAreIgnoredAndCounted() throws Exception {
        assertThat(result.dau("outside")).containsExactly("2026-10-01=2");
        JsonNode logins = result.summary().path("inputs").path("logins");
        assertThat(logins.path("read").asLong()).isEqualTo(13);
        assertThat(logins.path("ignoredOutsideMonth").asLong()).isEqualTo(2);
        assertThat(logins.path("used").asLong()).isEqualTo(11);
    }

    @Test
    void aDaysGroupCountIsItsHighestSnapshot() throws Exception {
        assertThat(result.groups("snap")).containsExactly("2026-10-02=9", "2026-10-03=20");
    }

    @Test
    void barragePeakIsPerRegionAndDayAndExact() throws Exception {
        JsonNode b = result.requests().get("live").path("usage").path("barrage");
        assertThat(b.toString()).isEqualTo("[{\"date\":\"2026-10-02\",\"region\":\"DOMESTIC\",\"peakMbps\":12.25},"
                + "{\"date\":\"2026-10-02\",\"region\":\"INTERNATIONAL\",\"peakMbps\":3},"
                + "{\"date\":\"2026-10-03\",\"region\":\"DOMESTIC\",\"peakMbps\":0.1}]");
    }

    @Test
    void anAppWithoutAnAccountLineIsOnTheDefaultPlanAndEmptySeriesAreLeftOut() throws Exception {
        JsonNode live = result.requests().get("live");
        assertThat(live.path("plan").asText()).isEqualTo("TRIAL");
        assertThat(live.path("billingMonth").asText()).isEqualTo("2026-10");
        assertThat(live.path("usage").has("dailyDau")).isFalse();
        assertThat(live.path("usage").has("dailyGroups")).isFalse();
    }

    @Test
    void billsAreOnePerAppOrderedByAppId() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String l : result.billLines()) {
            JsonNode b = RequestJson.MAPPER.readTree(l);
            assertThat(b.has("lines")).as(l).isTrue();
            ids.add(b.get("appId").asText());
        }
        assertThat(ids).containsExactly("epoch", "live", "midnight", "once", "outside", "snap", "utc");
        assertThat(result.summary().path("bills").asLong()).isEqualTo(7);
    }
}
