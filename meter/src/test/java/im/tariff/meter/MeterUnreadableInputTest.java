package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input that cannot be read at all stops the job with exit status 2 and a plain message. */
class MeterUnreadableInputTest {
    @TempDir
    Path dir;

    private Path goodLogins() throws Exception {
        return TestMeter.write(dir, "logins.csv", "appId,userId,time", "a,u,2026-10-01T10:00:00+08:00");
    }

    @Test
    void aMissingFileIsExit2() throws Exception {
        TestMeter.Result r = TestMeter.meter().logins(dir.resolve("nope.csv")).into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("--logins").contains("nope.csv: no such file");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aWrongExtensionIsExit2() throws Exception {
        Path txt = TestMeter.write(dir, "groups.txt", "appId,time,groups");
        TestMeter.Result r = TestMeter.meter().logins(goodLogins()).groups(txt).into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("--groups").contains("cannot tell the format");
    }

    @Test
    void aCsvWithoutTheNeededColumnIsExit2() throws Exception {
        Path csv = TestMeter.write(dir, "barrage.csv", "appId,time,mbps", "a,2026-10-01T10:00:00+08:00,1");
        TestMeter.Result r = TestMeter.meter().logins(goodLogins()).barrage(csv).into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("has no column region");
    }

    @Test
    void aFileThatIsNotParquetIsExit2() throws Exception {
        Path bad = dir.resolve("logins.parquet");
        Files.writeString(bad, "this is not parquet");
        TestMeter.Result r = TestMeter.meter().logins(bad).into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("cannot be read as Parquet").doesNotContain("Exception");
    }

    @Test
    void aMissingAccountsFileIsExit2() throws Exception {
        TestMeter.Result r = TestMeter.meter().logins(goodLogins()).accounts(dir.resolve("accounts.jsonl"))
                .into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("--accounts");
    }

    @Test
    void anEventSourceTheCatalogDoesNotMeasureIsExit2NamingTheSources() throws Exception {
        TestMeter.Result r = TestMeter.meter().logins(goodLogins()).events("clicks", goodLogins())
                .into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("--clicks").contains("logins, groups, barrage");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFloatingPointAmountColumnInParquetIsExit2() throws Exception {
        Path p = dir.resolve("barrage.parquet");
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
            s.execute("COPY (SELECT 'a' AS appId, 1791131400000 AS time, 'DOMESTIC' AS region, 1.5::DOUBLE AS mbps) TO '"
                    + p + "' (FORMAT parquet)");
        }
        for (MeterJob.Engine e : MeterJob.Engine.values()) {
            TestMeter.Result r = TestMeter.meter().logins(goodLogins()).barrage(p).engine(e)
                    .into(dir.resolve("out-" + e));
            assertThat(r.exit()).as(r.stderr()).isEqualTo(2);
            assertThat(r.stderr()).contains("column mbps is floating");
        }
    }

    @Test
    void theCommandLineTakesTheCatalogsSourcesAsOptions() throws Exception {
        Path out = dir.resolve("cli-out");
        assertThat(MeterCli.run("meter", "--month", "2026-10", "--logins", goodLogins().toString(), "--out",
                out.toString())).isZero();
        assertThat(out.resolve("requests.jsonl")).exists();
        assertThat(MeterCli.run("meter", "--month", "2026-10", "--events", "logins=" + goodLogins(), "--out",
                dir.resolve("cli-out2").toString(), "--engine", "duckdb")).isZero();
        assertThat(Files.readString(dir.resolve("cli-out2/requests.jsonl")))
                .isEqualTo(Files.readString(out.resolve("requests.jsonl")));
        assertThat(MeterCli.run("meter", "--month", "2026-10", "--logins", goodLogins().toString(), "--out",
                dir.resolve("cli-out3").toString(), "--engine", "flink")).isEqualTo(2);
    }

    @Test
    void theCommandLineRefusesABadMonthWithExit2() {
        assertThat(MeterCli.run("meter", "--month", "2026-13", "--logins", "x.csv", "--out", "o")).isEqualTo(2);
    }
}
