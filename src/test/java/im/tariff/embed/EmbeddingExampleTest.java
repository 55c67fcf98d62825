package im.tariff.embed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.ReloadGate;
import im.tariff.reload.RulesFolder;
import im.tariff.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example of docs/EMBEDDING.md, and checks the guide shows exactly this code. */
class EmbeddingExampleTest {

    static final String PRO = "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}";

    @TempDir
    Path tmp;

    @Test
    void theGuideShowsTheExampleThatRuns() throws Exception {
        String example = Files.readString(Path.of("src/test/java/im/tariff/embed/EmbeddingExample.java"),
                StandardCharsets.UTF_8);
        String guide = Files.readString(Path.of("docs/EMBEDDING.md"), StandardCharsets.UTF_8);
        String body = example.substring(example.indexOf("import ")).strip();
        assertThat(guide).contains(body);
    }

    @Test
    void billsFromManyThreadsAndPicksUpAnEdit() throws Exception {
        RulesFolder rules = new RulesFolder(tmp);
        try (EmbeddingExample service = new EmbeddingExample(tmp, ReloadGate.NONE)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> bills = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                bills.add(pool.submit(() -> service.bill(PRO)));
            }
            for (Future<String> f : bills) {
                assertThat(Json.MAPPER.readTree(f.get()).at("/totals/total").asText()).isEqualTo("999.00");
            }
            pool.shutdown();

            JsonNode bad = Json.MAPPER.readTree(service.bill("{\"appId\": \"1\", \"billingMonth\": \"2026-13\", \"plan\": \"PRO\"}"));
            assertThat(bad.get("error").asText()).startsWith("billingMonth: ");

            rules.setProFee("1111.00");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            String total = "";
            while (!total.equals("1111.00") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                total = Json.MAPPER.readTree(service.bill(PRO)).at("/totals/total").asText();
            }
            assertThat(total).isEqualTo("1111.00");
            assertThat(service.status()).endsWith(" SWAPPED");
        }
    }
}
