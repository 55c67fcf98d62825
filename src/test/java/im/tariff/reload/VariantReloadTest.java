package im.tariff.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watched variant sheet follows its base: an edit of the base folder goes live in the variant. */
class VariantReloadTest {

    @TempDir
    Path dir;

    @Test
    void anEditOfTheBaseReloadsTheVariant() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/tariffs/mini"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, base.resolve(f.getFileName()));
            }
        }
        Path variant = Files.createDirectories(dir.resolve("variant"));
        Files.writeString(variant.resolve("base.txt"), "../base\n", StandardCharsets.UTF_8);
        Files.writeString(variant.resolve("extra.drl"), "package fixture;\n", StandardCharsets.UTF_8);

        try (LiveEvaluator engine = LiveEvaluator.fromDirectory(variant)) {
            String before = engine.rules().version();
            engine.watch(Duration.ofMillis(50), Duration.ofMillis(200));
            Path prices = base.resolve("prices.drl");
            Files.writeString(prices, Files.readString(prices).replace("\"100.00\"", "\"101.00\""), StandardCharsets.UTF_8);

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (engine.rules().version().equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(engine.rules().version()).isNotEqualTo(before);
            assertThat(engine.rules().source().files().get("prices.drl")).contains("\"101.00\"");
        }
    }
}
