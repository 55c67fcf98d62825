package im.tariff.server;

import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /v1/evaluate: a request (docs/FORMAT.md) in, its bill (docs/FORMAT.md) out; refusals as docs/FORMAT.md says. The request
 * is read on the HTTP thread (bounded: body size, and the number bounds of the reader); the evaluation runs
 * on the service's bounded evaluation pool under a time limit, so no request can hold an HTTP thread: past
 * the limit the caller gets 503 and the evaluation is stopped at its next rule firing.
 */
final class EvaluateEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateEndpoint.class);

    /**
     * An over-large body is read and thrown away up to this many bytes before the 413 is sent, so that a client
     * that writes its whole body before reading (Python's urllib, many others) reads the 413 instead of a
     * connection reset; beyond it the connection is closed unread.
     */
    static final long MAX_DISCARD_BYTES = 64L << 20;

    private final LiveEvaluator engine;
    private final ServiceMetrics metrics;
    private final int maxBodyBytes;
    private final Duration timeout;
    private final ExecutorService evaluations;

    EvaluateEndpoint(LiveEvaluator engine, ServiceMetrics metrics, int maxBodyBytes, Duration timeout,
                     ExecutorService evaluations) {
        this.engine = engine;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
        this.timeout = timeout;
        this.evaluations = evaluations;
    }

    Reply handle(Request request) throws IOException {
        long started = System.nanoTime();
        byte[] body = readBody(request, maxBodyBytes);
        if (body == null) {
            metrics.evaluated("too_large", 0);
            return Reply.error(413, "请求体超过 " + maxBodyBytes + " 字节 (request body over " + maxBodyBytes
                    + " bytes)", null).withHeader(HttpHeader.CONNECTION.asString(), HttpHeaderValue.CLOSE.asString());
        }
        Evaluator rules = engine.rules(); // one rule set for this request, even while a reload swaps
        BillRequest parsed;
        try {
            parsed = rules.reader().read(body, 0, body.length);
        } catch (InvalidRequestException e) {
            metrics.evaluated("bad_request", 0);
            return Reply.error(400, e.reason(), e.field());
        }
        EvaluationDeadline deadline = new EvaluationDeadline(started + timeout.toNanos());
        Future<Bill> evaluation;
        try {
            evaluation = evaluations.submit(() -> rules.evaluate(parsed, deadline));
        } catch (RejectedExecutionException e) {
            metrics.evaluated("busy", 0);
            return Reply.error(503, "服务繁忙 (too many evaluations in progress; try again later)", null);
        }
        try {
            Bill bill = evaluation.get(Math.max(0, started + timeout.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            String json = BillWriter.toJson(bill);
            metrics.evaluated("ok", System.nanoTime() - started);
            return Reply.json(200, json);
        } catch (TimeoutException e) {
            deadline.cancel();
            evaluation.cancel(true);
            return timedOut(parsed);
        } catch (InterruptedException e) {
            deadline.cancel();
            evaluation.cancel(true);
            Thread.currentThread().interrupt();
            metrics.evaluated("error", 0);
            return Reply.error(503, "服务正在停止 (the service is stopping)", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (EvaluationDeadline.stoppedBy(cause)) {
                return timedOut(parsed);
            }
            if (cause instanceof EvaluationException) {
                // a rule bug, not the caller's fault: say so without a stack trace
                metrics.evaluated("error", 0);
                LOG.error("evaluation failed on rules {}: {}", rules.version(), cause.getMessage());
                return Reply.error(500, cause.getMessage(), null);
            }
            metrics.evaluated("error", 0);
            LOG.error("evaluation of app {} failed unexpectedly", parsed.account().appId(), cause);
            return Reply.error(500, "内部错误 (internal error)", null);
        }
    }

    private Reply timedOut(BillRequest request) {
        metrics.evaluated("timeout", 0);
        LOG.warn("evaluation of app {} stopped: over the time limit of {} ms", request.account().appId(),
                timeout.toMillis());
        return Reply.error(503, "评估超时 (the evaluation took longer than " + timeout.toMillis()
                + " ms and was stopped)", null);
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
