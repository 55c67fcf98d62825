package im.tariff.server;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real server on 127.0.0.1, an ephemeral port, and a client for it. */
final class ServerFixture implements AutoCloseable {

    final LiveEvaluator engine;
    final TariffServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServerFixture(LiveEvaluator engine, int maxBodyBytes) throws Exception {
        this(engine, maxBodyBytes, TariffServer.DEFAULT_EVAL_TIMEOUT);
    }

    ServerFixture(LiveEvaluator engine, int maxBodyBytes, Duration evalTimeout) throws Exception {
        this.engine = engine;
        this.server = new TariffServer(engine, "127.0.0.1", 0, maxBodyBytes, evalTimeout).start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        server.close();
        engine.close();
    }
}
