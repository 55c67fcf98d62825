package im.tariff.bench;

import im.tariff.evaluate.Evaluator;
import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleSource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the bundled rules. cold: the first build in a fresh JVM (one shot per fork, so it includes class
 * loading and JIT of Drools' compiler, which is what a cold `tariff evaluate` pays). warm: a rebuild in a JVM that
 * has built them before (what `POST /v1/rules/reload` and `serve --watch` pay).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class RuleBuildBench {

    final RuleSource source = RuleSource.bundled();

    @Benchmark
    @Fork(value = 5, jvmArgsAppend = {"-XX:+UseParallelGC"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Evaluator cold() throws RuleCompilationException {
        return build();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-XX:+UseParallelGC"})
    @Warmup(iterations = 10)
    @Measurement(iterations = 10)
    public Evaluator warm() throws RuleCompilationException {
        return build();
    }

    private Evaluator build() throws RuleCompilationException {
        Evaluator rules = Evaluator.compile(source);
        rules.close();
        return rules;
    }
}
