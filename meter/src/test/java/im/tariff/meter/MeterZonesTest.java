package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Natural days in other zones, files of one input with their columns in another order, a catalog without a zone. */
class MeterZonesTest {
    @TempDir
    Path dir;

    @Test
    void aZoneWithDaylightSavingUsesTheOffsetOfEachInstantOnBothEngines() throws Exception {
        // Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC
        Path logins = TestMeter.write(dir, "logins.csv", "appId,userId,time",
                "a,u1,2026-10-24T22:30:00Z",     // 00:30 CEST on the 25th
                "a,u2,2026-10-25T22:30:00Z",     // 23:30 CET on the 25th
                "a,u3,2026-10-25T23:30:00Z");    // 00:30 CET on the 26th
        TestMeter.Result duck = TestMeter.meter().logins(logins).zone("Europe/Berlin").into(dir.resolve("duck"));
        assertThat(duck.exit()).as(duck.stderr()).isZero();
        assertThat(duck.dau("a")).containsExactly("2026-10-25=2", "2026-10-26=1");
        TestMeter.Result spark = TestMeter.meter().logins(logins).zone("Europe/Berlin").spark()
                .into(dir.resolve("spark"));
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(duck));
        assertThat(duck.summary().path("zone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void partFilesWithTheirColumnsInAnotherOrderAreReadByTheirHeaders() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logins.csv"));
        TestMeter.write(folder, "part-0.csv", "appId,userId,time", "a,u1,2026-10-02T10:00:00+08:00",
                "a,u2,not a time");
        TestMeter.write(folder, "part-1.csv", "time,appId,userId", "2026-10-02T11:00:00+08:00,a,u3",
                "2026-10-02T11:00:00+08:00,,u4");
        TestMeter.Result duck = TestMeter.meter().logins(folder).into(dir.resolve("duck"));
        assertThat(duck.exit()).as(duck.stderr()).isZero();
        assertThat(duck.dau("a")).containsExactly("2026-10-02=2");
        assertThat(duck.stderr()).contains("part-0.csv line 3: unparseable time").contains("part-1.csv line 3: empty appId");
        TestMeter.Result spark = TestMeter.meter().logins(folder).spark().into(dir.resolve("spark"));
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(duck));
    }

    @Test
    void aCatalogWithoutATimeZoneNeedsZone() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(TestMeter.repo("examples/tariffs/intl"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = Files.readString(f);
                Files.writeString(rules.resolve(f.getFileName()), text.replaceAll("\\$c\\.timeZone\\([^)]*\\);", ""));
            }
        }
        Path logins = TestMeter.write(dir, "l.csv", "appId,userId,time", "a,u1,2026-10-02T10:00:00+08:00");
        TestMeter.Result r = TestMeter.meter().rules(rules).events("logins", logins).into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("declares no time zone").contains("--zone");
        assertThat(dir.resolve("out")).doesNotExist();
        TestMeter.Result z = TestMeter.meter().rules(rules).events("logins", logins).zone("UTC").into(dir.resolve("out"));
        assertThat(z.exit()).as(z.stderr()).isZero();
    }
}
