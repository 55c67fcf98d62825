package im.tariff.server;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.reload.LiveEvaluator;
import im.tariff.reload.RulesFolder;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No request can hold a server thread: over-large bodies, and evaluations over the time limit. */
class ServerLimitsTest {

    private static final String PRO = "{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\"}";

    /** A rule that keeps firing, each firing slow: an evaluation of many seconds, made of many firings. */
    private static final String SLOW_RULE = """
            package im.tariff.rules;

            import im.tariff.model.*;
            import java.math.BigInteger;

            declare SlowTick
                n : int
            end

            rule "slow start"
            when
                Account()
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
            """;

    @Test
    void aClientThatWritesAWholeOversizedBodyBeforeReadingGetsThe413() throws Exception {
        try (ServerFixture http = new ServerFixture(LiveEvaluator.bundled(), 1 << 20);
             Socket socket = new Socket("127.0.0.1", http.server.port())) {
            socket.setSoTimeout(30_000);
            byte[] body = new byte[20 << 20];
            java.util.Arrays.fill(body, (byte) ' ');
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body); // the whole body first, as Python's urllib does
            out.flush();
            String response = readHead(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void anEvaluationOverTheTimeLimitGets503InTimeAndIsStoppedFreeingItsThread(@TempDir Path dir) throws Exception {
        try (ServerFixture http = slowServer(dir)) {
            HttpResponse<String> r = stoppedInTime(http, "/v1/evaluate", PRO);
            assertThat(ServerFixture.json(r).get("error").asText()).contains("300 毫秒"); // the seed speaks Chinese
            assertThat(http.get("/metrics").body()).contains("outcome=\"timeout\"} 1.0");
        }
    }

    /** A server on the seed tariff plus a rule that makes every evaluation slow, with a limit of 300 ms. */
    private static ServerFixture slowServer(Path dir) throws Exception {
        RulesFolder rules = new RulesFolder(dir);
        rules.write("slow.drl", SLOW_RULE);
        return new ServerFixture(LiveEvaluator.builder().rules(dir).build(), 1 << 20, Duration.ofMillis(300));
    }

    /** Calls path (GET when body is null): 503 within 5 s, and the work behind it stopped soon after. */
    private static HttpResponse<String> stoppedInTime(ServerFixture http, String path, String body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = body == null ? http.get(path) : http.post(path, body);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(r.statusCode()).as(path).isEqualTo(503);
        assertThat(tookMs).as(path).isLessThan(5_000);
        long until = System.nanoTime() + 5_000_000_000L;
        while (http.server.evaluationsInProgress() > 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(http.server.evaluationsInProgress()).as("%s was stopped, not abandoned", path).isZero();
        return r;
    }

    /** A quote, an advice and the price list obey the same time limit, and are stopped past it. */
    @Test
    void quoteAdviceAndThePriceListObeyTheTimeLimit(@TempDir Path dir) throws Exception {
        try (ServerFixture http = slowServer(dir)) {
            String timedOut = http.engine.rules().reader().messages().format("http.timeout", 300);
            for (String[] call : new String[][] {{"/v1/quote", "{\"plan\": \"PRO\", \"billingMonth\": \"2026-10\"}"},
                    {"/v1/advise", PRO}, {"/v1/catalog?month=2026-10", null}}) {
                HttpResponse<String> r = stoppedInTime(http, call[0], call[1]);
                assertThat(ServerFixture.json(r).get("error").asText()).isEqualTo(timedOut);
            }
        }
    }

    /** The status line and headers of one HTTP response. */
    private static String readHead(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
