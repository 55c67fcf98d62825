package im.tariff.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.engine.EvaluationException;
import im.tariff.engine.TariffEngine;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.io.RequestReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Evaluates one request per line (JSONL); writes one result per line, in order. "
                + "A bad line becomes {\"line\": N, \"error\": ..., \"field\": ...}.",
        footer = {"", "Exit status: 0 done (error records included); 2 unreadable input; 3 rules do not compile."})
public class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN.jsonl", description = "requests, one JSON object a line")
    Path in;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl", description = "output file (default: stdout)")
    Path out;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws IOException {
        if (!Files.isReadable(in)) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: cannot read " + in);
        }
        TariffEngine engine = rules.loadEngine();
        RequestReader reader = new RequestReader();
        long bills = 0;
        long errors = 0;
        long started = System.nanoTime();
        Path tmp = out == null ? null : out.resolveSibling(out.getFileName() + ".partial");
        try (BufferedReader lines = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             Writer w = tmp == null ? new OutputStreamWriter(Console.OUT, StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            String line;
            long n = 0;
            while ((line = lines.readLine()) != null) {
                n++;
                String result = evaluateLine(engine, reader, n, line);
                if (result.startsWith("{\"line\"")) {
                    errors++;
                } else {
                    bills++;
                }
                w.write(result);
                w.write('\n');
            }
            w.flush();
        }
        if (tmp != null) {
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Console.ERR.printf("%d bills, %d errors, %.2f s, %.0f bills/s%n", bills, errors, seconds,
                seconds > 0 ? bills / seconds : 0.0);
        return ExitCodes.OK;
    }

    /** The output line for one input line: the bill, or an error record naming the line and field. */
    static String evaluateLine(TariffEngine engine, RequestReader reader, long lineNo, String line) {
        try {
            return BillWriter.toJson(engine.evaluate(reader.read(line)));
        } catch (InvalidRequestException e) {
            return errorRecord(lineNo, e.reason(), e.field());
        } catch (EvaluationException e) {
            return errorRecord(lineNo, e.getMessage(), "$");
        }
    }

    static String errorRecord(long lineNo, String error, String field) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(sw)) {
            g.writeStartObject();
            g.writeNumberField("line", lineNo);
            g.writeStringField("error", error);
            g.writeStringField("field", field);
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }
}
