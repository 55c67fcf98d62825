package im.tariff.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.advise.AdviceWriter;
import im.tariff.advise.Advisor;
import im.tariff.advise.CatalogJson;
import im.tariff.advise.Quote;
import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.Json;
import im.tariff.server.TariffServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/quote, POST /v1/advise and GET /v1/catalog answer what the Java services answer. */
class CalculatorHttpTest {

    private static LiveEvaluator engine;
    private static TariffServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        engine = LiveEvaluator.fromDirectory(Path.of("src/test/resources/advise/substitutes"));
        server = new TariffServer(engine, "127.0.0.1", 0, 4096).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        engine.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Evaluator rules() {
        return engine.rules();
    }

    @Test
    void quoteAnswersTheQuoteServicesBill() throws Exception {
        String body = "{\"plan\": \"PRO\", \"billingMonth\": \"2026-10\", \"addOns\": [{\"type\": \"HISTORY_STORAGE\", "
                + "\"days\": 90}], \"usage\": {\"peakDau\": 25000}}";
        HttpResponse<String> r = send("POST", "/v1/quote", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(BillWriter.toJson(Quote.bill(rules(), Json.MAPPER.readTree(body), YearMonth.now())));
    }

    @Test
    void quoteRefusesBadInputWithTheField() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/quote", "{\"plan\": \"PRO\", \"usage\": {\"peakDau\": -1}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("field").asText()).isEqualTo("usage.peakDau");
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"plan\": \"PRO\", \"appId\": \"" + "x".repeat(5000) + "\"}";
        assertThat(send("POST", "/v1/quote", big).statusCode()).isEqualTo(413);
        assertThat(send("POST", "/v1/advise", big).statusCode()).isEqualTo(413);
    }

    @Test
    void adviseAnswersTheAdvisorsJson() throws Exception {
        String body = "{\"appId\": \"t\", \"billingMonth\": \"2026-10\", \"usage\": {\"maxMembersPerGroup\": 1500}}";
        HttpResponse<String> r = send("POST", "/v1/advise?top=2", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(AdviceWriter.toJson(Advisor.advise(rules(), body, 2, Advisor.Mode.PRUNED),
                rules().catalog(), false));
    }

    @Test
    void adviseRefusesBadInputWithTheField() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/advise", "{\"appId\": \"t\", \"billingMonth\": \"2026-13\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(r.body()).get("field").asText()).isEqualTo("billingMonth");
    }

    @Test
    void theCatalogListsEachPlansPricedOptionValues() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/catalog?month=2026-10", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = Json.MAPPER.readTree(r.body());
        assertThat(c.get("currency").asText()).isEqualTo(rules().catalog().currency());
        assertThat(c.get("plans")).hasSize(rules().catalog().plans().size());
        assertThat(c.get("meters")).hasSize(rules().catalog().meters().size());
        for (JsonNode a : c.get("addOns")) {
            if (a.has("option")) {
                for (var plan : a.get("offeredOn")) {
                    assertThat(a.get("option").get("values").get(plan.asText()).toString()).isEqualTo(
                            CatalogJson.optionValues(rules(), plan.asText(), a.get("code").asText(),
                                    YearMonth.of(2026, 10)).toString().replace(" ", ""));
                }
            }
        }
    }

    @Test
    void theCatalogSpeaksItsLanguageAndCarriesThePagesWords() throws Exception {
        JsonNode c = Json.MAPPER.readTree(send("GET", "/v1/catalog?month=2026-10", null).body());
        Messages words = Messages.of(rules().catalog().language());
        assertThat(c.get("language").asText()).isEqualTo(rules().catalog().language().code());
        assertThat(c.get("words").size()).isEqualTo(words.templates("web.").size());
        words.templates("web.").forEach((k, v) -> assertThat(c.get("words").get(k).asText()).isEqualTo(v));
        assertThat(c.get("inputOrder")).hasSize(rules().catalog().meters().size());
        assertThat(c.get("priceList").get("month").asText()).isEqualTo("2026-10");
    }

    @Test
    void aMonthTheReaderWouldRefuseIsRefusedByTheCatalogInItsWords() throws Exception {
        Messages words = Messages.of(rules().catalog().language());
        HttpResponse<String> r = send("GET", "/v1/catalog?month=2026-13", null);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = Json.MAPPER.readTree(r.body());
        assertThat(error.get("field").asText()).isEqualTo("month");
        assertThat(error.get("error").asText()).isEqualTo(words.format("reader.expectedMonth", "2026-13"));
        assertThat(send("GET", "/v1/catalog?month=9999-12", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/v1/catalog?month=+10000-01", null).statusCode()).isEqualTo(400);
    }

    /** The service of an English sheet answers in English: refusals, wrong methods, unknown paths, the page. */
    @Test
    void anEnglishSheetIsServedInEnglish() throws Exception {
        try (LiveEvaluator english = LiveEvaluator.fromDirectory(Path.of("examples/tariffs/intl"));
             TariffServer other = new TariffServer(english, "127.0.0.1", 0, 4096).start()) {
            HttpClient http = HttpClient.newHttpClient();
            java.util.function.BiFunction<String, String, HttpResponse<String>> call = (method, path) -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + path))
                            .method(method, "POST".equals(method)
                                    ? HttpRequest.BodyPublishers.ofString("{\"plan\": \"GOLD\"}")
                                    : HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            };
            HttpResponse<String> bad = call.apply("POST", "/v1/quote");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(bad.body()).get("error").asText()).startsWith("unknown plan 'GOLD' (expected ");
            assertThat(Json.MAPPER.readTree(call.apply("GET", "/nowhere").body()).get("error").asText())
                    .isEqualTo("no such endpoint: /nowhere");
            assertThat(Json.MAPPER.readTree(call.apply("PUT", "/v1/quote").body()).get("error").asText())
                    .isEqualTo("method PUT not allowed, use POST");
            String page = call.apply("GET", "/").body();
            assertThat(page).contains("<html lang=\"en\">").doesNotContainPattern(CJK);
            assertThat(Json.MAPPER.readTree(call.apply("GET", "/v1/catalog").body()).get("words").toString())
                    .doesNotContainPattern(CJK);
        }
    }

    @Test
    void theChinesePageIsWrittenInChinese() throws Exception {
        String page = send("GET", "/", null).body();
        assertThat(page).contains("<html lang=\"zh-CN\">")
                .contains("<title>" + Messages.of(im.tariff.i18n.Language.ZH).format("web.title") + "</title>")
                .doesNotContain("{{");
    }

    /** CJK ideographs and the full-width punctuation that goes with them. */
    private static final String CJK = "[\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]";

    @Test
    void thePageAndItsAssetsAreServedFromTheJar() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("/web/app.js").doesNotContain("http://", "https://");
        assertThat(send("GET", "/web/app.js", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/web/app.css", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/web/../rules/plans.drl", null).statusCode()).isEqualTo(404);
    }
}
