package im.tariff.reload;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.model.Bill;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watched folder reloads when a decision table is edited (src/test/resources/tariffs/tables): a good edit goes
 * live, a broken cell is refused and the last good rules keep serving, the refusal naming the cell.
 */
class TableReloadTest {

    private static final String PAID = "{\"appId\":\"2\",\"billingMonth\":\"2026-10\",\"plan\":\"PAID\","
            + "\"addOns\":[{\"type\":\"BACKUP\"}]}";

    @TempDir
    Path dir;

    @Test
    void anEditOfATableCellReloadsAndABrokenCellIsRefusedAtItsCell() throws Exception {
        Path fixture = Path.of("src/test/resources/tariffs/tables");
        Files.copy(fixture.resolve("catalog.drl"), dir.resolve("catalog.drl"));
        Path table = dir.resolve("prices.drl.csv");
        Files.copy(fixture.resolve("prices.drl.csv"), table);

        try (LiveEvaluator engine = LiveEvaluator.fromDirectory(dir)) {
            String before = engine.rules().version();
            assertThat(backup(engine.evaluate(engine.rules().reader().read(PAID)))).isEqualTo("10.00");
            engine.watch(Duration.ofMillis(50), Duration.ofMillis(200));

            Files.writeString(table, Files.readString(table).replace(",10.00,backup", ",12.00,backup"),
                    StandardCharsets.UTF_8);
            waitFor(() -> !engine.rules().version().equals(before));
            assertThat(backup(engine.evaluate(engine.rules().reader().read(PAID)))).isEqualTo("12.00");

            String good = engine.rules().version();
            Files.writeString(table, Files.readString(table).replace(",12.00,backup", ",12.00\",backup"),
                    StandardCharsets.UTF_8);
            waitFor(() -> engine.status().lastReload() != null && engine.status().lastReload().refused()
                    && !engine.status().lastReload().problems().isEmpty());
            assertThat(engine.rules().version()).isEqualTo(good);
            assertThat(engine.status().lastReload().problems().get(0).toString())
                    .startsWith(table + ":18:E: a quote must enclose the whole cell");
            assertThat(backup(engine.evaluate(engine.rules().reader().read(PAID)))).isEqualTo("12.00");
        }
    }

    private static String backup(Bill bill) {
        return bill.lines().stream().filter(l -> l.code().equals("ADDON_BACKUP")).findFirst().orElseThrow()
                .amount().toPlainString();
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("in 20 s").isTrue();
    }
}
