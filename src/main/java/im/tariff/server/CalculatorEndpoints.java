package im.tariff.server;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.advise.AdviceWriter;
import im.tariff.advise.Advisor;
import im.tariff.advise.CatalogJson;
import im.tariff.advise.Quote;
import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.JsonInput;
import im.tariff.io.RequestReader;
import im.tariff.model.BillRequest;
import im.tariff.reload.LiveEvaluator;
import java.io.IOException;
import java.time.YearMonth;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The calculator's endpoints (the calculator endpoints, docs/EMBEDDING.md): POST /v1/quote, POST /v1/advise and
 * GET /v1/catalog. Each takes the live rule set once and uses it throughout, so a reload never mixes two rule
 * sets in one answer. Refusals as /v1/evaluate: 400 {"error", "field"} for bad input, 413 for a body over the
 * limit; a quote's evaluation and a whole advice run on the evaluation pool within --eval-timeout (503 past it),
 * like /v1/evaluate. Every message is in the language of the rules served.
 */
final class CalculatorEndpoints {

    /** The work of quote and advise is not counted in the metrics of /v1/evaluate. */
    private static final TimeLimit.Outcomes UNCOUNTED = (outcome, nanos) -> { };

    private final LiveEvaluator engine;
    private final int maxBodyBytes;
    private final TimeLimit limit;

    CalculatorEndpoints(LiveEvaluator engine, int maxBodyBytes, TimeLimit limit) {
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
        this.limit = limit;
    }

    /** A quote body {"plan", "addOns", "usage", "billingMonth"?} → its bill. */
    Reply quote(Request request) throws IOException {
        long started = System.nanoTime();
        Evaluator rules = engine.rules();
        Messages words = rules.reader().messages();
        JsonNode body;
        BillRequest parsed;
        try {
            body = body(request, rules);
            if (body == null) {
                return EvaluateEndpoint.tooLarge(words, maxBodyBytes);
            }
            parsed = Quote.read(rules, body, rules.catalog().thisMonth());
        } catch (InvalidRequestException e) {
            return Reply.error(400, e.reason(), e.field());
        }
        return limit.run(started, "quote", words, UNCOUNTED, deadline -> rules.evaluate(parsed, deadline),
                bill -> Reply.json(200, BillWriter.toJson(bill)));
    }

    /** A request (the plan advisor, docs/PERFORMANCE-ADVISOR.md, plan optional) → the advisor's answer; ?top=N (default 5). */
    Reply advise(Request request) throws IOException {
        long started = System.nanoTime();
        Evaluator rules = engine.rules();
        Messages words = rules.reader().messages();
        Fields query = Request.extractQueryParameters(request);
        String topText = query.getValue("top");
        int top;
        try {
            top = topText == null ? 5 : Integer.parseInt(topText);
        } catch (NumberFormatException e) {
            return Reply.error(400, words.format("http.top", topText), "top");
        }
        JsonNode body;
        try {
            body = body(request, rules);
        } catch (InvalidRequestException e) {
            return Reply.error(400, e.reason(), e.field());
        }
        if (body == null) {
            return EvaluateEndpoint.tooLarge(words, maxBodyBytes);
        }
        return limit.run(started, "advice", words, UNCOUNTED,
                deadline -> Advisor.advise(rules, body, top, Advisor.Mode.PRUNED, deadline),
                advice -> Reply.json(200, AdviceWriter.toJson(advice, rules.catalog(), false)));
    }

    /**
     * The served catalog with its price list and the page's words; ?month=YYYY-MM picks the month whose terms
     * are in force (default: now). A month the reader would refuse is refused here too.
     */
    Reply catalog(Request request) {
        long started = System.nanoTime();
        Evaluator rules = engine.rules();
        Messages words = rules.reader().messages();
        String monthText = Request.extractQueryParameters(request).getValue("month");
        YearMonth month = monthText == null || monthText.isBlank() ? rules.catalog().thisMonth()
                : RequestReader.parseMonth(monthText);
        if (month == null) {
            return Reply.error(400, words.format("reader.expectedMonth", monthText), "month");
        }
        if (month.isAfter(RequestReader.lastMonth())) {
            return Reply.error(400, words.format("reader.monthTooLate", monthText, RequestReader.lastMonth()), "month");
        }
        return limit.run(started, "catalog of " + month, words, UNCOUNTED,
                deadline -> CatalogJson.toJson(rules, month, deadline), json -> Reply.json(200, json));
    }

    /** The parsed body in the rules' words, or null when it is over the limit. */
    private JsonNode body(Request request, Evaluator rules) throws IOException, InvalidRequestException {
        byte[] body = EvaluateEndpoint.readBody(request, maxBodyBytes);
        return body == null ? null : JsonInput.parse(body, 0, body.length, rules.reader().messages());
    }
}
