package im.tariff.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a tariff: a variant sheet on its base, the library in its version, bundled rules from several threads. */
class RuleSourceTest {

    @TempDir
    Path dir;

    @Test
    void aVariantHoldsOnlyWhatDiffersAndItsFilesReplaceTheBasesOfTheSameName() throws IOException {
        Path base = write(dir.resolve("base"), "a.drl", "// base a", "b.drl", "// base b");
        Path variant = write(dir.resolve("variant"), "b.drl", "// variant b", "c.drl", "// variant c");
        Files.writeString(variant.resolve(RuleSource.BASE_FILE), "# builds on the base\n../base\n");

        RuleSource source = RuleSource.fromDirectory(variant);

        assertThat(source.files()).containsEntry("a.drl", "// base a").containsEntry("b.drl", "// variant b")
                .containsEntry("c.drl", "// variant c");
        assertThat(source.order()).containsExactly("a.drl", "b.drl", "c.drl");
        assertThat(source.display("a.drl")).isEqualTo(base.resolve("a.drl").normalize().toString());
        assertThat(source.display("b.drl")).isEqualTo(variant.resolve("b.drl").toString());
        assertThat(source.folders()).hasSize(2);
    }

    @Test
    void aBaseThatDoesNotExistOrLeadsBackIsRefused() throws IOException {
        Path a = write(dir.resolve("a"), "a.drl", "//");
        Path b = write(dir.resolve("b"), "b.drl", "//");
        Files.writeString(a.resolve(RuleSource.BASE_FILE), "../missing\n");
        assertThatThrownBy(() -> RuleSource.fromDirectory(a)).hasMessageContaining("base folder not found");

        Files.writeString(a.resolve(RuleSource.BASE_FILE), "../b\n");
        Files.writeString(b.resolve(RuleSource.BASE_FILE), "../a\n");
        assertThatThrownBy(() -> RuleSource.fromDirectory(a)).hasMessageContaining("leads back");
    }

    @Test
    void theVersionChangesWithTheTariffAndNotWithWhereItIsRead() throws IOException {
        Path one = write(dir.resolve("one"), "a.drl", "// a");
        Path two = write(dir.resolve("two"), "a.drl", "// a");
        assertThat(RuleSource.fromDirectory(one).version()).isEqualTo(RuleSource.fromDirectory(two).version());
        Files.writeString(two.resolve("a.drl"), "// b");
        assertThat(RuleSource.fromDirectory(one).version()).isNotEqualTo(RuleSource.fromDirectory(two).version());
    }

    @Test
    void bundledRulesInAJarCanBeReadByManyThreadsAtOnce() throws Exception {
        Path jar = dir.resolve("rules.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("rules/catalog.drl", "rules/plans.drl")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("// " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        URI marker = URI.create("jar:" + jar.toUri() + "!/rules/catalog.drl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RuleSource>> reads = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            reads.add(pool.submit(() -> {
                start.await();
                return RuleSource.readBundled(marker);
            }));
        }
        start.countDown();
        for (Future<RuleSource> read : reads) {
            assertThat(read.get().files()).containsOnlyKeys("catalog.drl", "plans.drl");
        }
        pool.shutdown();
    }

    private static Path write(Path folder, String... nameThenText) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < nameThenText.length; i += 2) {
            Files.writeString(folder.resolve(nameThenText[i]), nameThenText[i + 1], StandardCharsets.UTF_8);
        }
        return folder;
    }
}
