package im.tariff.server;

import static im.tariff.server.ServerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.LiveEvaluator;
import im.tariff.reload.RulesFolder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpReloadTest {

    static final String PRO = "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}";

    @TempDir
    Path rulesDir;

    @Test
    void refusedReloadsKeepTheLastGoodRulesAndSayWhy() throws Exception {
        RulesFolder rules = new RulesFolder(rulesDir);
        try (ServerFixture http = new ServerFixture(LiveEvaluator.builder().rules(rulesDir).build(), 1 << 20)) {
            String good = http.engine.rules().version();

            rules.breakSyntax();
            HttpResponse<String> broken = http.post("/v1/rules/reload", "");
            assertThat(broken.statusCode()).isEqualTo(422);
            JsonNode b = json(broken);
            assertThat(b.get("outcome").asText()).isEqualTo("NOT_COMPILED");
            assertThat(b.get("servingVersion").asText()).isEqualTo(good);
            assertThat(b.at("/errors/0/file").asText()).endsWith("plans.drl");
            assertThat(b.at("/errors/0/line").asInt()).isEqualTo(11);
            assertThat(b.at("/errors/0/text").asText()).startsWith(rulesDir.resolve("plans.drl") + ":11: ");
            assertThat(json(http.post("/v1/evaluate", PRO)).at("/totals/total").asText()).isEqualTo("999.00");

            rules.makeUnsafe();
            JsonNode unsafe = json(http.post("/v1/rules/reload", ""));
            assertThat(unsafe.get("outcome").asText()).isEqualTo("UNSAFE");
            assertThat(unsafe.at("/errors/0/message").asText()).contains("System");

            JsonNode status = json(http.get("/v1/rules"));
            assertThat(status.get("version").asText()).isEqualTo(good);
            assertThat(status.at("/lastReload/outcome").asText()).isEqualTo("UNSAFE");
            assertThat(status.at("/lastReload/refused").asBoolean()).isTrue();
            assertThat(json(http.get("/health")).get("lastReloadRefused").asBoolean()).isTrue();

            rules.setProFee("1288.00");
            HttpResponse<String> fixed = http.post("/v1/rules/reload", "");
            assertThat(fixed.statusCode()).isEqualTo(200);
            assertThat(json(fixed).get("outcome").asText()).isEqualTo("SWAPPED");
            JsonNode bill = json(http.post("/v1/evaluate", PRO));
            assertThat(bill.at("/totals/total").asText()).isEqualTo("1288.00");
            assertThat(bill.get("rulesVersion").asText()).isEqualTo(json(fixed).get("servingVersion").asText())
                    .isNotEqualTo(good);

            assertThat(http.post("/v1/rules/reload", "").statusCode()).isEqualTo(200); // unchanged

            String metrics = http.get("/metrics").body();
            assertThat(HttpApiTest.counter(metrics, "tariff_reloads_failed_total")).isEqualTo(2.0);
            assertThat(HttpApiTest.counter(metrics, "tariff_reloads_total{outcome=\"SWAPPED\"}")).isEqualTo(1.0);
            assertThat(HttpApiTest.counter(metrics, "tariff_reloads_total{outcome=\"UNCHANGED\"}")).isEqualTo(1.0);
            assertThat(metrics).contains("version=\"" + bill.get("rulesVersion").asText() + "\"")
                    .doesNotContain("version=\"" + good + "\"");
        }
    }
}
