package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run leaves no temporary folder of its own behind (DuckDB's spill folder, the rules copied for compiling). */
class MeterTempFoldersTest {
    @TempDir
    Path dir;

    private static Set<String> ours() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("tariff-meter"))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void aRunOnTheEmbeddedEngineRemovesItsFolders() throws Exception {
        Set<String> before = ours();
        Path logins = TestMeter.write(dir, "logins.csv", "appId,userId,time", "a,u,2026-10-01T10:00:00+08:00");
        TestMeter.Result r = TestMeter.meter().logins(logins).into(dir.resolve("out"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(ours()).isEqualTo(before);
    }

    @Test
    void compilingRulesShippedAsFileContentsRemovesTheFolderTheyWereWrittenTo() throws Exception {
        Set<String> before = ours();
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(TestMeter.repo("examples/tariffs/intl"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        BillingBridge.Outcome o = BillingBridge.evaluate(BillingBridge.Rules.fromDirectory(rules),
                "{\"appId\":\"a\",\"billingMonth\":\"2026-10\",\"plan\":\"STANDARD\"}");
        assertThat(o.isBill()).as(o.error()).isTrue();
        assertThat(ours()).isEqualTo(before);
    }
}
