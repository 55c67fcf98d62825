package im.tariff.bench;

import im.tariff.engine.RuleCompilationException;
import im.tariff.engine.TariffEngine;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
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
 * What a request costs the rule engine by its shape: usage given as peaks only, with at least one daily
 * series (each day is one DailyCount fact the rules accumulate), or with a full-month series.
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
    TariffEngine engine;
    int next;

    @Setup
    public void setUp() throws RuleCompilationException {
        engine = TariffEngine.bundled();
        List<BillRequest> chosen = new ArrayList<>();
        for (BillRequest r : new BenchData().requests) {
            int days = r.daily().size();
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
