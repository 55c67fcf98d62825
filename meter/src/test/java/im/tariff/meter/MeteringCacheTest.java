package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a rule set's catalog measures is kept by the content hash of its files; an unreadable entry is ignored. */
class MeteringCacheTest {
    @TempDir
    Path dir;

    @AfterEach
    void noCache() {
        System.clearProperty("tariff.meter.cache");
    }

    /** The international sheet with a comment that makes its content (and so its hash) this test's own. */
    private BillingBridge.Rules sheet(String name, String comment) throws Exception {
        Path rules = Files.createDirectories(dir.resolve(name));
        try (Stream<Path> files = Files.list(TestMeter.repo("examples/tariffs/intl"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.writeString(rules.resolve(f.getFileName()), Files.readString(f) + "\n// " + comment + "\n");
            }
        }
        return BillingBridge.Rules.fromDirectory(rules);
    }

    private List<Path> entries(Path cache) throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.toList();
        }
    }

    @Test
    void theMeteringIsKeptAndReadBackWithoutCompilingAndAnUnreadableEntryIsIgnored() throws Exception {
        Path cache = dir.resolve("cache");
        System.setProperty("tariff.meter.cache", cache.toString());
        Metering first = BillingBridge.metering(sheet("a", "cache test " + System.nanoTime()));
        assertThat(first.meters()).extracting(Metering.Meter::field).containsExactly("mau");
        assertThat(entries(cache)).hasSize(1);
        Path kept = entries(cache).get(0);

        // another rule set whose entry holds the first one's metering: it is read as it is, not compiled
        BillingBridge.Rules other = sheet("b", "other " + System.nanoTime());
        BillingBridge.Rules probe = sheet("probe", "probe " + System.nanoTime());
        BillingBridge.metering(probe);
        Path probeEntry = entries(cache).stream().filter(p -> !p.equals(kept)).findFirst().orElseThrow();
        String otherName = probeEntry.getFileName().toString().replace(probe.key, other.key);
        Files.copy(kept, cache.resolve(otherName));
        assertThat(BillingBridge.metering(other)).isEqualTo(first);

        // an entry that is not a metering: the catalog is read again
        BillingBridge.Rules broken = sheet("c", "broken " + System.nanoTime());
        Files.writeString(cache.resolve(otherName.replace(other.key, broken.key)), "not a metering");
        assertThat(BillingBridge.metering(broken).meters()).extracting(Metering.Meter::code).containsExactly("MAU");
    }
}
