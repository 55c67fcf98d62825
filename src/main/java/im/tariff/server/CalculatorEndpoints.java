package im.tariff.server;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.advise.AdviceWriter;
import im.tariff.advise.Advisor;
import im.tariff.advise.CatalogJson;
import im.tariff.advise.Quote;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.JsonInput;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calculator's endpoints (the calculator endpoints, docs/EMBEDDING.md): POST /v1/quote, POST /v1/advise and GET /v1/catalog. Each takes the
 * live rule set once and uses it throughout, so a reload never mixes two rule sets in one answer. Refusals
 * as /v1/evaluate: 400 {"error", "field"} for bad input, 413 for a body over the limit.
 */
final class CalculatorEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(CalculatorEndpoints.class);

    private final LiveEvaluator engine;
    private final int maxBodyBytes;

    CalculatorEndpoints(LiveEvaluator engine, int maxBodyBytes) {
        this.engine = engine;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A quote body {"plan", "addOns", "usage", "billingMonth"?} → its bill. */
    Reply quote(Request request) throws IOException {
        return withBody(request, (rules, body) -> {
            return Reply.json(200, BillWriter.toJson(Quote.bill(rules, body, rules.catalog().thisMonth())));
        });
    }

    /** A request (the plan advisor, docs/PERFORMANCE-ADVISOR.md, plan optional) → the advisor's answer; ?top=N (default 5). */
    Reply advise(Request request) throws IOException {
        Fields query = Request.extractQueryParameters(request);
        String topText = query.getValue("top");
        int top;
        try {
            top = topText == null ? 5 : Integer.parseInt(topText);
        } catch (NumberFormatException e) {
            return Reply.error(400, "expected a whole number, got '" + topText + "'", "top");
        }
        return withBody(request, (rules, body) -> {
            String json = AdviceWriter.toJson(Advisor.advise(rules, body, top, Advisor.Mode.PRUNED),
                    rules.catalog(), false);
            return Reply.json(200, json);
        });
    }

    /** The served catalog; ?month=YYYY-MM picks the month whose option values are listed (default: now). */
    Reply catalog(Request request) {
        String monthText = Request.extractQueryParameters(request).getValue("month");
        Evaluator rules = engine.rules();
        YearMonth month;
        try {
            month = monthText == null || monthText.isBlank() ? rules.catalog().thisMonth() : YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            return Reply.error(400, "expected a month as YYYY-MM, got '" + monthText + "'", "month");
        }
        return Reply.json(200, g -> CatalogJson.write(rules, month, g));
    }

    @FunctionalInterface
    private interface BodyAction {
        Reply run(Evaluator rules, JsonNode body) throws InvalidRequestException;
    }

    private Reply withBody(Request request, BodyAction action) throws IOException {
        byte[] body = EvaluateEndpoint.readBody(request, maxBodyBytes);
        if (body == null) {
            return Reply.error(413, "请求体超过 " + maxBodyBytes + " 字节 (request body over " + maxBodyBytes
                    + " bytes)", null);
        }
        Evaluator rules = engine.rules();
        try {
            return action.run(rules, JsonInput.parse(body, 0, body.length));
        } catch (InvalidRequestException e) {
            return Reply.error(400, e.reason(), e.field());
        } catch (EvaluationException e) {
            LOG.error("evaluation failed on rules {}: {}", rules.version(), e.getMessage());
            return Reply.error(500, e.getMessage(), null);
        }
    }
}
