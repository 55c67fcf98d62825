package im.tariff.bench;

import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.model.Bill;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rule engine alone (requests already parsed, bills not written): latency of one evaluation, and
 * throughput on 1 and 2 threads. Each call takes the next of 4096 generated requests.
 */
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class EvaluateBench {

    @State(Scope.Benchmark)
    public static class Engine {
        final BenchData data = new BenchData();
        LiveEvaluator engine;

        @Setup
        public void compile() throws RuleCompilationException {
            engine = LiveEvaluator.bundled();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** Steady-state latency of one evaluation (µs, averaged over the request mix). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Bill latency(Engine e, Cursor c) {
        return e.engine.evaluate(e.data.requests[c.next++ & (BenchData.COUNT - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(1)
    public Bill throughput1(Engine e, Cursor c) {
        return e.engine.evaluate(e.data.requests[c.next++ & (BenchData.COUNT - 1)]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public Bill throughput2(Engine e, Cursor c) {
        return e.engine.evaluate(e.data.requests[c.next++ & (BenchData.COUNT - 1)]);
    }
}
