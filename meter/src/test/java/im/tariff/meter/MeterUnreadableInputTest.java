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
    void theCommandLineRefusesABadMonthWithExit2() {
        assertThat(MeterCli.run("meter", "--month", "2026-13", "--logins", "x.csv", "--out", "o")).isEqualTo(2);
    }
}
