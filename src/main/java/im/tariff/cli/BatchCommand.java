package im.tariff.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.batch.AtomicOutput;
import im.tariff.batch.BatchRunner;
import im.tariff.batch.BatchSummary;
import im.tariff.batch.BillLineEvaluator;
import im.tariff.batch.ErrorRecord;
import im.tariff.batch.ProgressListener;
import im.tariff.batch.TerminalProgress;
import im.tariff.evaluate.EvaluationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.evaluate.Evaluator;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Evaluates one request per line (JSONL) on all cores and writes one result per line, "
                + "in input order. A bad line becomes {\"line\": N, \"error\": ..., \"field\": ...} in its place.",
                "With -o, results go to OUT.partial, renamed to OUT only when every line is written: an OUT file "
                        + "is always complete (an older OUT is removed when the run starts)."},
        footer = {"", "Exit status: 0 done (error records included); 2 unreadable input or output; "
                + "3 rules do not compile."})
public class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.jsonl", description = "requests, one JSON object a line")
    Path in;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl", description = "output file (default: stdout)")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() {
        if (Files.isDirectory(in) || !Files.isReadable(in)) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: cannot read " + in);
        }
        if (threads < 1) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: --threads must be at least 1");
        }
        if (out != null && sameFile(in, out)) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: the output would overwrite the input " + in);
        }
        LiveEvaluator engine = rules.loadEngine();
        BatchRunner runner = new BatchRunner(threads, () -> new BillLineEvaluator(engine::rules));
        BatchSummary summary;
        try (InputStream input = Files.newInputStream(in)) {
            ProgressListener progress = System.console() != null
                    ? new TerminalProgress(Console.ERR, Files.isRegularFile(in) ? Files.size(in) : -1)
                    : ProgressListener.NONE;
            if (out == null) {
                OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 20);
                summary = runner.run(input, stdout, progress);
            } else {
                try (AtomicOutput output = AtomicOutput.open(out)) {
                    summary = runner.run(input, output.stream(), progress);
                    output.commit();
                }
            }
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: batch stopped, no output written: " + e.getMessage());
        }
        Console.ERR.println(summary.line());
        return ExitCodes.OK;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The output line for one input line: the bill, or an error record naming the line and field. */
    static String evaluateLine(Evaluator rules, long lineNo, String line) {
        try {
            return BillWriter.toJson(rules.evaluate(rules.reader().read(line)));
        } catch (InvalidRequestException e) {
            return errorRecord(lineNo, e.reason(), e.field());
        } catch (EvaluationException e) {
            return errorRecord(lineNo, e.getMessage(), "$");
        }
    }

    /** {"line": N, "error": ..., "field": ...} (docs/FORMAT.md). */
    static String errorRecord(long lineNo, String error, String field) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(sw)) {
            ErrorRecord.write(g, lineNo, error, field);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
