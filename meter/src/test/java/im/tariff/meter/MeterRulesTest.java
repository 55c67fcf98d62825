package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --rules: the folder is compiled on the driver first; rules that do not compile stop the job with exit 3. */
class MeterRulesTest {
    @TempDir
    Path dir;

    @Test
    void rulesThatDoNotCompileAreExit3NamingTheFile() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), "package x;\nrule \"oops\"\nwhen\n  Foo( x > )\nthen\nend\n");
        Path logins = TestMeter.write(dir, "logins.csv", "appId,userId,time", "a,u,2026-10-01T10:00:00+08:00");
        TestMeter.Result r = TestMeter.meter().logins(logins).rules(rules).into(dir.resolve("out"));
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.stderr()).contains(rules.resolve("broken.drl").toString()).contains("the rules do not compile");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
