package im.tariff.server;

import im.tariff.i18n.Messages;
import im.tariff.reload.ReloadResult;
import im.tariff.reload.LiveEvaluator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the API (docs/FORMAT.md): every answer is JSON, except /metrics in Prometheus text. */
final class ApiHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final LiveEvaluator engine;
    private final ServiceMetrics metrics;
    private final EvaluateEndpoint evaluate;
    private final CalculatorEndpoints calculator;
    private final WebAssets web;
    private final RefundEndpoint refund;

    ApiHandler(LiveEvaluator engine, ServiceMetrics metrics, int maxBodyBytes, java.time.Duration evalTimeout,
               java.util.concurrent.ExecutorService evaluations) {
        this.engine = engine;
        this.metrics = metrics;
        TimeLimit limit = new TimeLimit(evaluations, evalTimeout);
        this.evaluate = new EvaluateEndpoint(engine, metrics, maxBodyBytes, limit);
        this.calculator = new CalculatorEndpoints(engine, maxBodyBytes, limit);
        this.web = new WebAssets(engine);
        this.refund = new RefundEndpoint(engine, maxBodyBytes, limit);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        Messages words = engine.rules().reader().messages();
        Reply reply;
        try {
            reply = switch (path) {
                case "/v1/evaluate" -> only("POST", method, words, () -> evaluate.handle(request));
                case "/v1/quote" -> only("POST", method, words, () -> calculator.quote(request));
                case "/v1/refund" -> only("POST", method, words, () -> refund.handle(request));
                case "/v1/advise" -> only("POST", method, words, () -> calculator.advise(request));
                case "/v1/catalog" -> only("GET", method, words, () -> calculator.catalog(request));
                case "/v1/rules" -> only("GET", method, words,
                        () -> Reply.json(200, g -> StatusJson.rules(engine.status(), g)));
                case "/v1/rules/reload" -> only("POST", method, words, this::reload);
                case "/health" -> only("GET", method, words,
                        () -> Reply.json(200, g -> StatusJson.health(engine.status(), g)));
                case "/metrics" -> only("GET", method, words, () -> new Reply(200, PROMETHEUS_TEXT, metrics.scrape(),
                        java.util.Map.of()));
                default -> page(method, path, words);
            };
        } catch (Exception | StackOverflowError e) {
            LOG.error("{} {} failed", method, path, e);
            reply = Reply.error(500, words.format("http.internal"), null);
        }
        reply.send(response, callback);
        return true;
    }

    /** The calculator page and its assets (GET), or 404. */
    private Reply page(String method, String path, Messages words) {
        Reply asset = "GET".equals(method) ? web.get(path) : null;
        return asset != null ? asset : Reply.error(404, words.format("http.noEndpoint", path), null);
    }

    private Reply reload() {
        ReloadResult r = engine.reloadNow("http");
        // 422: the files were read but refused; the last good rules keep serving
        return Reply.json(r.refused() ? 422 : 200, g -> StatusJson.reload(r, g));
    }

    private static Reply only(String allowed, String method, Messages words, Action action) throws Exception {
        if (!allowed.equals(method)) {
            return Reply.error(405, words.format("http.method", allowed, method), null).withHeader("Allow", allowed);
        }
        return action.run();
    }

    /** One endpoint's work (not Callable: Handler already has a nested type of that name). */
    @FunctionalInterface
    private interface Action {
        Reply run() throws Exception;
    }
}
