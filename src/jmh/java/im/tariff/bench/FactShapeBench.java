package im.tariff.bench;

import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a request costs the rule engine by its shape: peak meters (DAU, peak groups) given as peaks only, with
 * at least one daily series (each day is one DailyUsage fact the rules accumulate), or with a full-month series.
 * Only the series of peak meters count here; barrage days (also DailyUsage facts) may come with any shape.
 */
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class FactShapeBench {

    @Param({"peaksOnly", "withSeries", "fullMonthSeries"})
    public String shape;

    BillRequest[] requests;
    LiveEvaluator engine;
    int next;

    @Setup
    public void setUp() throws RuleCompilationException {
        engine = LiveEvaluator.bundled();
        List<BillRequest> chosen = new ArrayList<>();
        Catalog catalog = engine.rules().catalog();
        for (BillRequest r : new BenchData().requests) {
            int days = 0;
            for (DailyUsage d : r.daily()) {
                MeterDef meter = catalog.meter(d.meter());
                if (meter != null && meter.shape() == MeterShape.PEAK) {
                    days++;
                }
            }
            boolean keep = switch (shape) {
                case "peaksOnly" -> days == 0;
                case "withSeries" -> days > 0;
                default -> days >= 28;
            };
            if (keep) {
                chosen.add(r);
            }
        }
        requests = chosen.toArray(new BillRequest[0]);
    }

    @Benchmark
    public Bill evaluate() {
        BillRequest r = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return engine.evaluate(r);
    }
}
