package im.tariff.server;

import static im.tariff.server.ServerFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.LiveEvaluator;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /v1/refund on a real Jetty on loopback, with the refund fixture tariff (its figures worked out in
 * RefundsTest): the answer, refusals as for /v1/evaluate (400 with the field, 413, 405), 422 for rules that
 * define no refund, 500 for a refund rule that fails, 503 past --eval-timeout.
 */
class HttpRefundTest {

    static final int LIMIT = 4096;
    static final String BASIC = "{\"appId\": \"42\", \"refundDate\": \"2026-10-25\", \"orders\": "
            + "[{\"plan\": \"BASIC\", \"periodStart\": \"2026-10-15\", \"paid\": \"120.00\"}]}";

    @TempDir
    static Path rulesDir;
    static ServerFixture http;

    @BeforeAll
    static void start() throws Exception {
        copyFixture(rulesDir);
        // a refund rule that fails for one app only
        Files.writeString(rulesDir.resolve("zz-bug.drl"), """
                package fixture;
                import im.tariff.refund.*;
                rule "refund bug"
                when
                    RefundRequest(appId == "boom")
                then
                    Integer.parseInt("x");
                end
                """, StandardCharsets.UTF_8);
        http = new ServerFixture(LiveEvaluator.builder().rules(rulesDir).build(), LIMIT);
    }

    static void copyFixture(Path to) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/tariffs/refund"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        http.close();
    }

    @Test
    void answersTheRefund() throws Exception {
        HttpResponse<String> r = http.post("/v1/refund", BASIC);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode a = json(r);
        assertThat(a.at("/orders/0/daysUsed").asInt()).isEqualTo(11);
        assertThat(a.at("/orders/0/periodDays").asInt()).isEqualTo(31);
        assertThat(a.at("/orders/0/monthlyFee").asText()).isEqualTo("120.00");
        assertThat(a.at("/orders/0/usedValue").asText()).isEqualTo("42.58");
        assertThat(a.at("/orders/0/returned").asText()).isEqualTo("77.42");
        assertThat(a.at("/refund").asText()).isEqualTo("77.42");
        assertThat(a.at("/state/renewableOn/1").asText()).isEqualTo("TOP");
        assertThat(a.at("/rulesVersion").asText()).isEqualTo(http.engine.rules().version());
    }

    @Test
    void badInputIs400NamingTheField() throws Exception {
        HttpResponse<String> paid = http.post("/v1/refund", BASIC.replace("\"120.00\"", "\"abc\""));
        assertThat(paid.statusCode()).isEqualTo(400);
        assertThat(json(paid).get("field").asText()).isEqualTo("orders[0].paid");
        assertThat(json(paid).get("error").asText()).isEqualTo("expected an amount such as \"999.00\", got \"abc\"");

        HttpResponse<String> outside = http.post("/v1/refund", BASIC.replace("2026-10-25", "2026-12-25"));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json(outside).get("field").asText()).isEqualTo("refundDate");

        // found when the fee is looked up, on the evaluation pool: still 400 with the field
        HttpResponse<String> unsold = http.post("/v1/refund", "{\"appId\": \"1\", \"refundDate\": \"2026-10-25\", "
                + "\"orders\": [{\"addOn\": \"BACKUP\", \"plan\": \"FREE\", \"periodStart\": \"2026-10-15\", \"paid\": \"1\"}]}");
        assertThat(unsold.statusCode()).isEqualTo(400);
        assertThat(json(unsold).get("field").asText()).isEqualTo("orders[0].addOn");

        HttpResponse<String> malformed = http.post("/v1/refund", "{\"appId\": ");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).get("field").asText()).isEqualTo("$");
        assertThat(malformed.body()).doesNotContain("Exception");
    }

    @Test
    void aBodyOverTheLimitIs413AndAnotherMethod405() throws Exception {
        HttpResponse<String> big = http.post("/v1/refund", BASIC.replace("\"42\"", "\"" + "4".repeat(LIMIT) + "\""));
        assertThat(big.statusCode()).isEqualTo(413);

        HttpResponse<String> get = http.get("/v1/refund");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aFailingRefundRuleIs500WithoutAStackTrace() throws Exception {
        HttpResponse<String> r = http.post("/v1/refund", BASIC.replace("\"42\"", "\"boom\""));

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).get("error").asText()).contains("refund bug").doesNotContain("\tat ");
    }

    @Test
    void rulesThatDefineNoRefundAre422InPlainWords(@TempDir Path mini) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/tariffs/mini"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, mini.resolve(f.getFileName()));
            }
        }
        try (ServerFixture none = new ServerFixture(LiveEvaluator.builder().rules(mini).build(), LIMIT)) {
            HttpResponse<String> r = none.post("/v1/refund", BASIC.replace("BASIC", "PAID"));

            assertThat(r.statusCode()).isEqualTo(422);
            assertThat(json(r).get("error").asText()).contains("defines no refund");
        }
    }

    @Test
    void aRefundOverTheTimeLimitIs503InTime(@TempDir Path slow) throws Exception {
        copyFixture(slow);
        Files.writeString(slow.resolve("slow.drl"), """
                package fixture;
                import im.tariff.refund.*;
                import java.math.BigInteger;

                declare SlowTick
                    n : int
                end

                rule "slow start"
                when
                    RefundRequest()
                then
                    insert(new SlowTick(0));
                end

                rule "slow tick"
                when
                    $t : SlowTick(n < 4000)
                then
                    BigInteger.valueOf(3).pow(60000).bitLength();
                    modify($t) { setN($t.getN() + 1) };
                end
                """, StandardCharsets.UTF_8);
        try (ServerFixture limited = new ServerFixture(LiveEvaluator.builder().rules(slow).build(), LIMIT,
                Duration.ofMillis(300))) {
            long started = System.nanoTime();
            HttpResponse<String> r = limited.post("/v1/refund", BASIC);
            long tookMs = (System.nanoTime() - started) / 1_000_000;

            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(json(r).get("error").asText()).contains("300 ms");
            assertThat(tookMs).isLessThan(5_000);
            // the service goes on answering on the same pool
            assertThat(limited.post("/v1/evaluate", "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", "
                    + "\"plan\": \"BASIC\"}").statusCode()).isEqualTo(200);
        }
    }
}
