package im.tariff.server;

import static im.tariff.server.ServerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.LiveEvaluator;
import im.tariff.reload.RulesFolder;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpApiTest {

    static final int LIMIT = 4096;

    @TempDir
    static Path rulesDir;
    static ServerFixture http;

    @BeforeAll
    static void start() throws Exception {
        RulesFolder rules = new RulesFolder(rulesDir);
        // a rule bug that only one request reaches: parsing a non-number throws while firing
        rules.write("zz-bug.drl", "package im.tariff.rules;\nimport im.tariff.model.*;\n"
                + "rule \"故障规则\"\nwhen\n    Account(appId == \"boom\")\nthen\n    Integer.parseInt(\"x\");\nend\n");
        http = new ServerFixture(LiveEvaluator.builder().rules(rulesDir).build(), LIMIT);
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @Test
    void evaluatesTheExampleIntoItsBill() throws Exception {
        HttpResponse<String> r = http.post("/v1/evaluate", Files.readString(Path.of("examples/pro-mid-month.json")));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode bill = json(r);
        // the tariff in rules/ by hand: prepaid = PRO 999 + member cap 500 + security 1000;
        // postpaid = DAU 2 blocks 2000 + groups 1 block 1000 + history 90 d 1000 + barrage 20.5×2 + 3.25×4
        assertThat(bill.at("/totals/prepaid").asText()).isEqualTo("2499.00");
        assertThat(bill.at("/totals/postpaid").asText()).isEqualTo("4054.00");
        assertThat(bill.at("/totals/total").asText()).isEqualTo("6553.00");
        assertThat(bill.at("/lines/0/code").asText()).isEqualTo("PLAN_FEE");
        assertThat(bill.at("/rulesVersion").asText()).isEqualTo(http.engine.rules().version());
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        HttpResponse<String> typo = http.post("/v1/evaluate",
                "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\", \"usage\": {\"peakDAU\": 5}}");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).get("field").asText()).isEqualTo("usage.peakDAU");
        assertThat(json(typo).get("error").asText()).isNotBlank();

        HttpResponse<String> missing = http.post("/v1/evaluate", "{\"appId\": \"1\", \"billingMonth\": \"2026-10\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("field").asText()).isEqualTo("plan");

        HttpResponse<String> malformed = http.post("/v1/evaluate", "{\"appId\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("field").asText()).isEqualTo("$");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at im.tariff");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"appId\": \"" + "1".repeat(LIMIT) + "\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}";
        HttpResponse<String> declared = http.post("/v1/evaluate", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared).get("error").asText()).contains(String.valueOf(LIMIT));

        // without a Content-Length (chunked), the limit holds while reading
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(http.uri("/v1/evaluate"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);

        // just under the limit is read and judged on its content
        String fits = "{\"appId\": \"" + "1".repeat(LIMIT - 100) + "\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}";
        assertThat(http.post("/v1/evaluate", fits).statusCode()).isEqualTo(200);
    }

    @Test
    void aRuleFailureIs500WithAJsonMessage() throws Exception {
        HttpResponse<String> r = http.post("/v1/evaluate",
                "{\"appId\": \"boom\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}");
        assertThat(r.statusCode()).isEqualTo(500);
        // the message names the failing rule and where it is, so an analyst can go straight to it
        assertThat(json(r).get("error").asText()).contains("规则 \"故障规则\" 执行出错").contains("zz-bug.drl:3: ");
        assertThat(r.body()).doesNotContain("\tat ");
    }

    @Test
    void wrongMethodIs405AndUnknownPathIs404() throws Exception {
        HttpResponse<String> get = http.get("/v1/evaluate");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(get).get("error").asText()).contains("POST");
        assertThat(http.post("/v1/rules", "").statusCode()).isEqualTo(405);
        assertThat(http.post("/health", "").statusCode()).isEqualTo(405);
        assertThat(http.get("/v1/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void healthAndRules() throws Exception {
        HttpResponse<String> health = http.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
        assertThat(json(health).get("rulesVersion").asText()).isEqualTo(http.engine.rules().version());

        JsonNode rules = json(http.get("/v1/rules"));
        assertThat(rules.get("version").asText()).isEqualTo(http.engine.rules().version());
        assertThat(rules.get("files").toString()).contains("\"plans.drl\"", "\"zz-bug.drl\"");
        assertThat(rules.get("loadedAt").asText()).isNotBlank();
        assertThat(rules.at("/lastReload/outcome").asText()).isEqualTo("SWAPPED");
    }

    @Test
    void metricsInPrometheusText() throws Exception {
        http.post("/v1/evaluate", "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"TRIAL\"}");
        http.post("/v1/evaluate", "{\"appId\": \"1\"}");
        HttpResponse<String> r = http.get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String text = r.body();
        assertThat(counter(text, "tariff_evaluations_total{outcome=\"ok\"}")).isGreaterThanOrEqualTo(1);
        assertThat(counter(text, "tariff_evaluations_total{outcome=\"bad_request\"}")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("tariff_evaluation_duration_seconds_bucket{")
                .contains("tariff_evaluation_duration_seconds_count")
                .contains("tariff_reloads_total{outcome=\"SWAPPED\"}")
                .contains("tariff_reloads_failed_total")
                .contains("version=\"" + http.engine.rules().version() + "\"");
    }

    /** The value of one sample line of a Prometheus text page. */
    static double counter(String text, String series) {
        return text.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + text));
    }
}
