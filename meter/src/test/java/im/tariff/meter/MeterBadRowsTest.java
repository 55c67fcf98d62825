package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad row is counted by reason and reported with its file and line; the good rows still count. */
class MeterBadRowsTest {
    @TempDir
    static Path dir;
    static TestMeter.Result result;
    static TestMeter.Result spark;
    static Path logins;
    static Path groups;
    static Path barrage;

    @BeforeAll
    static void meter() throws Exception {
        logins = TestMeter.write(dir, "logins.csv",
                "appId,userId,time",                      // line 1
                "a1,u1,2026-10-01T10:00:00+08:00",        // 2 good
                "a1,u2,2026-10-01 10:00",                 // 3 unparseable time
                ",u3,2026-10-01T10:00:00+08:00",          // 4 empty appId
                "a1,,2026-10-01T10:00:00+08:00",          // 5 empty userId
                "a1,u4",                                  // 6 wrong number of columns
                "a1,u5,2026-10-01T10:00:00");             // 7 no offset: unparseable time
        groups = TestMeter.write(dir, "groups.csv",
                "appId,time,groups",
                "a1,2026-10-01T10:00:00+08:00,-5",        // 2 negative
                "a1,2026-10-01T11:00:00+08:00,many",      // 3 not a number
                "a1,2026-10-01T12:00:00+08:00,8");        // 4 good
        barrage = TestMeter.write(dir, "barrage.csv",
                "appId,time,region,mbps",
                "a1,2026-10-01T10:00:00+08:00,MARS,1.0",  // 2 unknown region
                "a1,2026-10-01T10:00:00+08:00,DOMESTIC,-0.5", // 3 negative
                "a1,2026-10-01T10:00:00+08:00,DOMESTIC,1.2.3", // 4 not a number
                "a1,2026-10-01T10:00:00+08:00,DOMESTIC,4.5"); // 5 good
        result = TestMeter.meter().logins(logins).groups(groups).barrage(barrage).into(dir.resolve("out"));
        assertThat(result.exit()).as(result.stderr()).isZero();
        spark = TestMeter.meter().logins(logins).groups(groups).barrage(barrage).spark().into(dir.resolve("out-spark"));
        assertThat(spark.exit()).as(spark.stderr()).isZero();
    }

    @Test
    void bothEnginesGiveTheSameBadRowReport() throws Exception {
        assertThat(spark.summary().path("badRows")).isEqualTo(result.summary().path("badRows"));
        assertThat(spark.summary().path("inputs")).isEqualTo(result.summary().path("inputs"));
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(result));
        assertThat(spark.stderr()).contains("bad row: logins " + logins + " line 3: unparseable time");
    }

    private static List<String> details(String input) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode d : result.summary().path("badRows").path("details")) {
            if (d.path("input").asText().equals(input)) {
                assertThat(d.path("file").asText()).endsWith(input + ".csv");
                out.add(d.path("line").asLong() + ": " + d.path("reason").asText());
            }
        }
        return out;
    }

    private static long count(String reason) throws Exception {
        return result.summary().path("badRows").path("byReason").path(reason).asLong();
    }

    @Test
    void unparseableTimesAreCountedWithTheirLines() throws Exception {
        assertThat(count(EventSql.BAD_TIME)).isEqualTo(2);
        assertThat(details("logins")).contains("3: unparseable time", "7: unparseable time");
    }

    @Test
    void emptyAppIdAndUserIdAreCounted() throws Exception {
        assertThat(count("empty appId")).isEqualTo(1);
        assertThat(count("empty userId")).isEqualTo(1);
        assertThat(details("logins")).contains("4: empty appId", "5: empty userId");
    }

    @Test
    void aRowWithMissingColumnsIsCounted() throws Exception {
        assertThat(details("logins")).contains("6: wrong number of columns");
    }

    @Test
    void negativeAndNonNumericGroupCountsAreCounted() throws Exception {
        assertThat(details("groups")).containsExactly("2: negative groups", "3: groups is not a whole number");
    }

    @Test
    void unknownRegionsAndBadMbpsAreCounted() throws Exception {
        assertThat(details("barrage")).containsExactly("2: unknown region", "3: negative mbps", "4: mbps is not a number");
    }

    @Test
    void totalsPerInputAddUp() throws Exception {
        JsonNode in = result.summary().path("inputs");
        assertThat(in.path("logins").path("read").asLong()).isEqualTo(6);
        assertThat(in.path("logins").path("bad").asLong()).isEqualTo(5);
        assertThat(in.path("logins").path("used").asLong()).isEqualTo(1);
        assertThat(in.path("barrage").path("bad").asLong()).isEqualTo(3);
        assertThat(result.summary().path("badRows").path("total").asLong()).isEqualTo(10);
    }

    @Test
    void theGoodRowsBesideThemStillCount() throws Exception {
        assertThat(result.dau("a1")).containsExactly("2026-10-01=1");
        assertThat(result.groups("a1")).containsExactly("2026-10-01=8");
        assertThat(result.series("a1", "barrage", "peakMbps")).containsExactly("2026-10-01=4.5");
    }

    @Test
    void badRowsAreReportedOnStderr() {
        assertThat(result.stderr()).contains("bad row: logins " + logins + " line 3: unparseable time: a1,u2,2026-10-01 10:00");
        assertThat(result.stderr()).contains("bad rows: 10 (");
    }
}
