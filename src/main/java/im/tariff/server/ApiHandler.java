package im.tariff.server;

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
    private final RefundEndpoint refund;
    private final WebAssets web = new WebAssets();

    ApiHandler(LiveEvaluator engine, ServiceMetrics metrics, int maxBodyBytes, java.time.Duration evalTimeout,
               java.util.concurrent.ExecutorService evaluations) {
        this.engine = engine;
        this.metrics = metrics;
        this.evaluate = new EvaluateEndpoint(engine, metrics, maxBodyBytes, evalTimeout, evaluations);
        this.calculator = new CalculatorEndpoints(engine, maxBodyBytes);
        this.refund = new RefundEndpoint(engine, maxBodyBytes, evalTimeout, evaluations);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        Reply reply;
        try {
            reply = switch (path) {
                case "/v1/evaluate" -> only("POST", method, () -> evaluate.handle(request));
                case "/v1/quote" -> only("POST", method, () -> calculator.quote(request));
                case "/v1/refund" -> only("POST", method, () -> refund.handle(request));
                case "/v1/advise" -> only("POST", method, () -> calculator.advise(request));
                case "/v1/catalog" -> only("GET", method, () -> calculator.catalog(request));
                case "/v1/rules" -> only("GET", method, () -> Reply.json(200, g -> StatusJson.rules(engine.status(), g)));
                case "/v1/rules/reload" -> only("POST", method, this::reload);
                case "/health" -> only("GET", method, () -> Reply.json(200, g -> StatusJson.health(engine.status(), g)));
                case "/metrics" -> only("GET", method, () -> new Reply(200, PROMETHEUS_TEXT, metrics.scrape(),
                        java.util.Map.of()));
                default -> page(method, path);
            };
        } catch (Exception | StackOverflowError e) {
            LOG.error("{} {} failed", method, path, e);
            reply = Reply.error(500, "内部错误 (internal error)", null);
        }
        reply.send(response, callback);
        return true;
    }

    /** The calculator page and its assets (GET), or 404. */
    private Reply page(String method, String path) {
        Reply asset = "GET".equals(method) ? web.get(path) : null;
        return asset != null ? asset : Reply.error(404, "没有这个接口 (no such endpoint): " + path, null);
    }

    private Reply reload() {
        ReloadResult r = engine.reloadNow("http");
        // 422: the files were read but refused; the last good rules keep serving
        return Reply.json(r.refused() ? 422 : 200, g -> StatusJson.reload(r, g));
    }

    private static Reply only(String allowed, String method, Action action) throws Exception {
        if (!allowed.equals(method)) {
            return Reply.error(405, "请用 " + allowed + " (method " + method + " not allowed, use " + allowed + ")",
                    null).withHeader("Allow", allowed);
        }
        return action.run();
    }

    /** One endpoint's work (not Callable: Handler already has a nested type of that name). */
    @FunctionalInterface
    private interface Action {
        Reply run() throws Exception;
    }
}
