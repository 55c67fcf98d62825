package im.tariff.server;

import im.tariff.reload.LiveStatus;
import im.tariff.reload.ReloadListener;
import im.tariff.reload.ReloadResult;
import im.tariff.reload.LiveEvaluator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service's meters, exposed in Prometheus text on /metrics: evaluations by outcome, evaluation latency
 * (with histogram buckets), reloads by outcome, refused reloads, and the rules version in force.
 */
final class ServiceMetrics implements ReloadListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer latency;
    private final Counter reloadsFailed;
    private final MultiGauge rulesInfo;
    private final LiveEvaluator engine;

    ServiceMetrics(LiveEvaluator engine) {
        this.engine = engine;
        latency = Timer.builder("tariff.evaluation.duration")
                .description("time to read, evaluate and write one bill")
                .publishPercentileHistogram()
                .register(registry);
        reloadsFailed = Counter.builder("tariff.reloads.failed")
                .description("reload attempts refused: the last good rules kept serving")
                .register(registry);
        rulesInfo = MultiGauge.builder("tariff.rules.info")
                .description("the rules version in force (value 1)")
                .register(registry);
        Gauge.builder("tariff.rules.loaded.timestamp", engine, e -> e.rules().loadedAt().toEpochMilli() / 1000.0)
                .description("when the rules in force were compiled, seconds since the epoch")
                .baseUnit("seconds")
                .register(registry);
        for (String outcome : List.of("ok", "bad_request", "too_large", "timeout", "busy", "error")) {
            evaluations(outcome); // show every series from the start, at 0
        }
        for (ReloadResult.Outcome o : ReloadResult.Outcome.values()) {
            reloads(o);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        showVersion(engine.status());
    }

    private Counter evaluations(String outcome) {
        return Counter.builder("tariff.evaluations").description("evaluation requests by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter reloads(ReloadResult.Outcome outcome) {
        return Counter.builder("tariff.reloads").description("reload attempts by outcome")
                .tag("outcome", outcome.name()).register(registry);
    }

    void evaluated(String outcome, long nanos) {
        evaluations(outcome).increment();
        if ("ok".equals(outcome)) {
            latency.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void onReload(ReloadResult result) {
        reloads(result.outcome()).increment();
        if (result.refused()) {
            reloadsFailed.increment();
        }
        showVersion(engine.status());
    }

    private void showVersion(LiveStatus status) {
        rulesInfo.register(List.of(MultiGauge.Row.of(Tags.of("version", status.version(), "origin", status.origin()),
                1)), true);
    }

    String scrape() {
        return registry.scrape();
    }
}
