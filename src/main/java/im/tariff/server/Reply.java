package im.tariff.server;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.io.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One complete HTTP answer: status, content type, body and extra headers. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    /** Writes one JSON value. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    static Reply json(int status, String body) {
        return new Reply(status, JSON, body, Map.of());
    }

    static Reply json(int status, JsonBody body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json(status, out.toString());
    }

    /** {"error": "...", "field": "..."}; field may be null. */
    static Reply error(int status, String error, String field) {
        return json(status, g -> {
            g.writeStartObject();
            g.writeStringField("error", error);
            if (field != null) {
                g.writeStringField("field", field);
            }
            g.writeEndObject();
        });
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, Map.copyOf(h));
    }

    void send(Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        headers.forEach((k, v) -> response.getHeaders().put(k, v));
        Content.Sink.write(response, true, body, callback);
    }
}
