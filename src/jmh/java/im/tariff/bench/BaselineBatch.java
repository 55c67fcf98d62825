package im.tariff.bench;

import im.tariff.batch.BatchRunner;
import im.tariff.batch.BatchSummary;
import im.tariff.batch.BillLineEvaluator;
import im.tariff.batch.ProgressListener;
import im.tariff.evaluate.Evaluator;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * COMPARISON BASELINE ONLY. `tariff batch` with the hand-coded tariff instead of the rules: the same streaming
 * pipeline, Jackson reading and writing, on all cores. Usage: BaselineBatch IN.jsonl OUT.jsonl [THREADS].
 * Bills carry the bundled rules' version, so its output can be compared byte for byte with tariff batch's.
 */
public final class BaselineBatch {

    private BaselineBatch() {
    }

    public static void main(String[] args) throws IOException, RuleCompilationException {
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        // the bundled rules only for their reader (the catalog the requests are validated against) and version
        Evaluator rules = LiveEvaluator.load(null).rules();
        HandCodedTariff tariff = new HandCodedTariff(rules.version());
        BatchRunner runner = new BatchRunner(threads, () -> new BillLineEvaluator(rules.reader(), tariff::evaluate));
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 20)) {
            BatchSummary summary = runner.run(in, out, ProgressListener.NONE);
            System.err.println("hand-coded baseline: " + summary.line());
        }
    }
}
