package im.tariff.server;

import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.refund.RefundAnswer;
import im.tariff.refund.RefundReader;
import im.tariff.refund.RefundRequest;
import im.tariff.refund.RefundUndefinedException;
import im.tariff.refund.RefundWriter;
import im.tariff.refund.Refunds;
import im.tariff.reload.LiveEvaluator;
import java.io.IOException;
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
 * POST /v1/refund: a refund request (docs/FORMAT.md, "Refund") in, its answer out. As /v1/evaluate: the body is
 * bounded (413) and read on the HTTP thread (400 {"error", "field"}); the answer (the orders' fees found in the
 * tariff's rules, then the refund rules) runs on the service's evaluation pool under --eval-timeout (503 past
 * it, the refund's session stopped at its next rule firing). A rule that fails is 500; rules that define no
 * refund are 422 {"error"}.
 */
final class RefundEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(RefundEndpoint.class);

    private final LiveEvaluator engine;
    private final int maxBodyBytes;
    private final Duration timeout;
    private final ExecutorService pool;

    RefundEndpoint(LiveEvaluator engine, int maxBodyBytes, Duration timeout, ExecutorService pool) {
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
        this.timeout = timeout;
        this.pool = pool;
    }

    Reply handle(Request request) throws IOException {
        long started = System.nanoTime();
        byte[] body = EvaluateEndpoint.readBody(request, maxBodyBytes);
        if (body == null) {
            return Reply.error(413, "请求体超过 " + maxBodyBytes + " 字节 (request body over " + maxBodyBytes
                    + " bytes)", null).withHeader(HttpHeader.CONNECTION.asString(), HttpHeaderValue.CLOSE.asString());
        }
        Evaluator rules = engine.rules(); // one rule set for this request, even while a reload swaps
        RefundRequest parsed;
        try {
            parsed = new RefundReader(rules.catalog()).read(body, 0, body.length);
        } catch (InvalidRequestException e) {
            return Reply.error(400, e.reason(), e.field());
        }
        EvaluationDeadline deadline = new EvaluationDeadline(started + timeout.toNanos());
        Future<RefundAnswer> answer;
        try {
            answer = pool.submit(() -> Refunds.answer(rules, parsed, deadline));
        } catch (RejectedExecutionException e) {
            return Reply.error(503, "服务繁忙 (too many evaluations in progress; try again later)", null);
        }
        try {
            RefundAnswer a = answer.get(Math.max(0, started + timeout.toNanos() - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            return Reply.json(200, RefundWriter.toJson(a, rules.catalog()));
        } catch (TimeoutException e) {
            deadline.cancel();
            answer.cancel(true);
            return timedOut(parsed);
        } catch (InterruptedException e) {
            deadline.cancel();
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Reply.error(503, "服务正在停止 (the service is stopping)", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (EvaluationDeadline.stoppedBy(cause)) {
                return timedOut(parsed);
            }
            if (cause instanceof InvalidRequestException bad) {
                return Reply.error(400, bad.reason(), bad.field());
            }
            if (cause instanceof RefundUndefinedException none) {
                return Reply.error(422, none.getMessage(), null);
            }
            if (cause instanceof EvaluationException) {
                LOG.error("refund failed in a rule of {}: {}", rules.version(), cause.getMessage());
                return Reply.error(500, cause.getMessage(), null);
            }
            LOG.error("refund of app {} failed unexpectedly", parsed.appId(), cause);
            return Reply.error(500, "内部错误 (internal error)", null);
        }
    }

    private Reply timedOut(RefundRequest request) {
        LOG.warn("refund of app {} stopped: over the time limit of {} ms", request.appId(), timeout.toMillis());
        return Reply.error(503, "评估超时 (the refund took longer than " + timeout.toMillis()
                + " ms and was stopped)", null);
    }
}
