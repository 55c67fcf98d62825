package im.tariff.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;

/** The JSON cost alone, per request: reading and validating a request line, and writing a bill. */
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class JsonBench {

    BenchData data;
    String[] strings;
    Bill[] bills;
    RequestReader reader;
    final ByteArrayOutputStream sink = new ByteArrayOutputStream(1 << 16);
    int next;

    @Setup
    public void setUp() throws RuleCompilationException {
        data = new BenchData();
        LiveEvaluator engine = LiveEvaluator.bundled();
        reader = engine.rules().reader();
        strings = new String[BenchData.COUNT];
        bills = new Bill[BenchData.COUNT];
        for (int i = 0; i < BenchData.COUNT; i++) {
            strings[i] = new String(data.lines[i], StandardCharsets.UTF_8);
            bills[i] = engine.evaluate(data.requests[i]);
        }
    }

    /** What tariff batch does: parse + validate a UTF-8 line. */
    @Benchmark
    public BillRequest readBytes() throws InvalidRequestException {
        byte[] line = data.lines[next++ & (BenchData.COUNT - 1)];
        return reader.read(line, 0, line.length);
    }

    /** The same from a String (tariff evaluate, HTTP). */
    @Benchmark
    public BillRequest readString() throws InvalidRequestException {
        return reader.read(strings[next++ & (BenchData.COUNT - 1)]);
    }

    /** What tariff batch does: one bill into a UTF-8 buffer. */
    @Benchmark
    public int writeBytes() throws IOException {
        sink.reset();
        try (JsonGenerator g = Json.FACTORY.createGenerator(sink)) {
            BillWriter.write(bills[next++ & (BenchData.COUNT - 1)], g);
        }
        return sink.size();
    }

    /** BillWriter.toJson (a String), as tariff evaluate and HTTP use it. */
    @Benchmark
    public String writeString() {
        return BillWriter.toJson(bills[next++ & (BenchData.COUNT - 1)]);
    }
}
