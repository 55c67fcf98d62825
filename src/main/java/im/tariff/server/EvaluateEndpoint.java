package im.tariff.server;

import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.BillRequest;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;

/**
 * POST /v1/evaluate: a request (docs/FORMAT.md) in, its bill (docs/FORMAT.md) out; refusals as docs/FORMAT.md says. The request
 * is read on the HTTP thread (bounded: body size, and the number bounds of the reader); the evaluation runs
 * on the service's bounded evaluation pool under a time limit, so no request can hold an HTTP thread: past
 * the limit the caller gets 503 and the evaluation is stopped at its next rule firing.
 */
final class EvaluateEndpoint {

    /**
     * An over-large body is read and thrown away up to this many bytes before the 413 is sent, so that a client
     * that writes its whole body before reading (Python's urllib, many others) reads the 413 instead of a
     * connection reset; beyond it the connection is closed unread.
     */
    static final long MAX_DISCARD_BYTES = 64L << 20;

    private final LiveEvaluator engine;
    private final ServiceMetrics metrics;
    private final int maxBodyBytes;
    private final TimeLimit limit;

    EvaluateEndpoint(LiveEvaluator engine, ServiceMetrics metrics, int maxBodyBytes, TimeLimit limit) {
        this.engine = engine;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.limit = limit;
    }

    Reply handle(Request request) throws IOException {
        long started = System.nanoTime();
        Evaluator rules = engine.rules(); // one rule set for this request, even while a reload swaps
        Messages words = rules.reader().messages();
        byte[] body = readBody(request, maxBodyBytes);
        if (body == null) {
            metrics.evaluated("too_large", 0);
            return tooLarge(words, maxBodyBytes).withHeader(HttpHeader.CONNECTION.asString(),
                    HttpHeaderValue.CLOSE.asString());
        }
        BillRequest parsed;
        try {
            parsed = rules.reader().read(body, 0, body.length);
        } catch (InvalidRequestException e) {
            metrics.evaluated("bad_request", 0);
            return Reply.error(400, e.reason(), e.field());
        }
        return limit.run(started, "evaluation of app " + parsed.account().appId(), words, metrics::evaluated,
                deadline -> rules.evaluate(parsed, deadline), bill -> Reply.json(200, BillWriter.toJson(bill)));
    }

    /** 413: the body is over the limit, in the words of the rules. */
    static Reply tooLarge(Messages words, int maxBodyBytes) {
        return Reply.error(413, words.format("http.tooLarge", maxBodyBytes), null);
    }

    /** The body, or null when it is larger than the limit (declared or actual). */
    static byte[] readBody(Request request, int maxBodyBytes) throws IOException {
        long declared = request.getLength();
        try (InputStream in = Request.asInputStream(request)) {
            if (declared > maxBodyBytes) {
                discard(request, in, declared);
                return null;
            }
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                discard(request, in, -1);
                return null;
            }
            return body;
        }
    }

    /**
     * Reads and drops the rest of a refused body (up to {@link #MAX_DISCARD_BYTES}), unless the client waits
     * for "100 Continue" before sending it (curl does): that client reads the 413 without sending anything.
     */
    private static void discard(Request request, InputStream in, long declared) throws IOException {
        if (request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())
                || declared > MAX_DISCARD_BYTES) {
            return;
        }
        byte[] buf = new byte[64 * 1024];
        long left = MAX_DISCARD_BYTES;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
            left -= n;
        }
    }
}
