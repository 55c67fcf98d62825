package im.tariff.server;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.cli.TariffCli;
import im.tariff.reload.RulesFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeAndCheckCliTest {

    @TempDir
    Path tmp;

    @Test
    void checkPassesTheProjectRulesAndRefusesUnsafeOnes() throws Exception {
        assertThat(TariffCli.run("check", "--rules", "rules")).isEqualTo(0);
        new RulesFolder(tmp).makeUnsafe();
        assertThat(TariffCli.run("check", "--rules", tmp.toString())).isEqualTo(3);
    }

    @Test
    void serveRefusesToStartOnUnsafeRulesAndWatchWithoutAFolder() throws Exception {
        assertThat(TariffCli.run("serve", "--watch", "--port", "0")).isEqualTo(2);
        new RulesFolder(tmp).makeUnsafe();
        assertThat(TariffCli.run("serve", "--rules", tmp.toString(), "--port", "0")).isEqualTo(3);
    }
}
