package im.tariff.server;

import im.tariff.engine.CompiledRules;
import im.tariff.engine.EvaluationException;
import im.tariff.engine.TariffEngine;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** POST /v1/evaluate: a request (SPEC 2.1) in, its bill (SPEC 2.3) out; refusals as SPEC 2.5 says. */
final class EvaluateEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateEndpoint.class);

    private final TariffEngine engine;
    private final ServiceMetrics metrics;
    private final int maxBodyBytes;

    EvaluateEndpoint(TariffEngine engine, ServiceMetrics metrics, int maxBodyBytes) {
        this.engine = engine;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    Reply handle(Request request) throws IOException {
        long started = System.nanoTime();
        byte[] body = readBody(request, maxBodyBytes);
        if (body == null) {
            metrics.evaluated("too_large", 0);
            return Reply.error(413, "请求体超过 " + maxBodyBytes + " 字节 (request body over " + maxBodyBytes
                    + " bytes)", null);
        }
        try {
            CompiledRules rules = engine.rules();
            String bill = BillWriter.toJson(rules.evaluate(rules.reader().read(new String(body, StandardCharsets.UTF_8))));
            metrics.evaluated("ok", System.nanoTime() - started);
            return Reply.json(200, bill);
        } catch (InvalidRequestException e) {
            metrics.evaluated("bad_request", 0);
            return Reply.error(400, e.reason(), e.field());
        } catch (EvaluationException e) {
            // a rule bug, not the caller's fault: say so without a stack trace
            metrics.evaluated("error", 0);
            LOG.error("evaluation failed on rules {}: {}", engine.rules().version(), e.getMessage());
            return Reply.error(500, e.getMessage(), null);
        }
    }

    /** The body, or null when it is larger than the limit (declared or actual). */
    static byte[] readBody(Request request, int maxBodyBytes) throws IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            return null;
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            return body.length > maxBodyBytes ? null : body;
        }
    }
}
