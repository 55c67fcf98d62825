package im.tariff.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.batch.BillLineEvaluator;
import im.tariff.batch.LineEvaluator;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One request line to one result line, exactly as a batch worker does it (read, evaluate, write), with the
 * rule engine ("rules") or the hand-coded baseline ("handCoded"), on 1 and 2 threads: the yardstick of issue 5.
 */
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EndToEndBench {

    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"rules", "handCoded"})
        public String evaluator;

        final BenchData data = new BenchData();
        LiveEvaluator engine;
        HandCodedTariff handCoded;

        @Setup
        public void setUp() throws RuleCompilationException {
            engine = LiveEvaluator.bundled();
            handCoded = new HandCodedTariff(engine.rules().version());
        }
    }

    @State(Scope.Thread)
    public static class Worker {
        LineEvaluator evaluator;
        final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 20);
        JsonGenerator out;
        long next;

        @Setup
        public void setUp(Shared s) throws IOException {
            evaluator = "rules".equals(s.evaluator) ? new BillLineEvaluator(s.engine::rules)
                    : new BillLineEvaluator(s.engine.rules().reader(), s.handCoded::evaluate);
            out = Json.FACTORY.createGenerator(sink);
            out.setRootValueSeparator(null);
        }

        @Setup(Level.Iteration)
        public void clear() throws IOException {
            out.flush();
            sink.reset();
        }
    }

    private static boolean line(Shared s, Worker w) throws IOException {
        long n = w.next++;
        byte[] line = s.data.lines[(int) (n & (BenchData.COUNT - 1))];
        boolean ok = w.evaluator.evaluate(n + 1, line, 0, line.length, w.out);
        w.out.writeRaw('\n');
        if (w.sink.size() > (1 << 19)) { // keep the buffer small, as a batch chunk would be
            w.out.flush();
            w.sink.reset();
        }
        return ok;
    }

    @Benchmark
    @Threads(1)
    public boolean lines1(Shared s, Worker w) throws IOException {
        return line(s, w);
    }

    @Benchmark
    @Threads(2)
    public boolean lines2(Shared s, Worker w) throws IOException {
        return line(s, w);
    }
}
