package im.tariff.server;

import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.io.InvalidRequestException;
import im.tariff.refund.RefundAnswer;
import im.tariff.refund.RefundReader;
import im.tariff.refund.RefundRequest;
import im.tariff.refund.RefundUndefinedException;
import im.tariff.refund.RefundWriter;
import im.tariff.refund.Refunds;
import im.tariff.reload.LiveEvaluator;
import java.io.IOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;

/**
 * POST /v1/refund: a refund request (docs/FORMAT.md, "Refund") in, its answer out. As /v1/evaluate: the body is
 * bounded (413) and read on the HTTP thread (400 {"error", "field"}); the answer (the orders' fees found in the
 * tariff's rules, then the refund rules) runs on the service's evaluation pool under --eval-timeout
 * ({@link TimeLimit}: 503 past it, the refund stopped at its next rule firing). A rule that fails is 500; rules that
 * define no refund are 422 {"error"}.
 */
final class RefundEndpoint {

    private static final TimeLimit.Outcomes UNCOUNTED = (outcome, nanos) -> { };

    /** The refund's answer, or why the rules give none (they define no refund). */
    private record Outcome(RefundAnswer answer, String undefined) {
    }

    private final LiveEvaluator engine;
    private final int maxBodyBytes;
    private final TimeLimit limit;

    RefundEndpoint(LiveEvaluator engine, int maxBodyBytes, TimeLimit limit) {
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
        this.limit = limit;
    }

    Reply handle(Request request) throws IOException {
        long started = System.nanoTime();
        Evaluator rules = engine.rules(); // one rule set for this request, even while a reload swaps
        Messages words = rules.reader().messages();
        byte[] body = EvaluateEndpoint.readBody(request, maxBodyBytes);
        if (body == null) {
            return EvaluateEndpoint.tooLarge(words, maxBodyBytes).withHeader(HttpHeader.CONNECTION.asString(),
                    HttpHeaderValue.CLOSE.asString());
        }
        RefundRequest parsed;
        try {
            parsed = new RefundReader(rules.catalog()).read(body, 0, body.length);
        } catch (InvalidRequestException e) {
            return Reply.error(400, e.reason(), e.field());
        }
        return limit.run(started, "refund of app " + parsed.appId(), words, UNCOUNTED, deadline -> {
            try {
                return new Outcome(Refunds.answer(rules, parsed, deadline), null);
            } catch (RefundUndefinedException none) {
                return new Outcome(null, none.getMessage());
            }
        }, outcome -> outcome.answer() != null
                ? Reply.json(200, RefundWriter.toJson(outcome.answer(), rules.catalog()))
                : Reply.error(422, outcome.undefined(), null));
    }
}
