package im.tariff.bench;

import im.tariff.evaluate.Evaluator;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.RequestReader;
import im.tariff.model.BillRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The benchmarks' input: generated requests (tariff generate --seed 20261126), as bytes and as parsed requests. */
final class BenchData {

    static final long SEED = 20261126L;
    static final int COUNT = 4096; // a power of two: index with & (COUNT - 1)

    final byte[][] lines = new byte[COUNT][];
    final BillRequest[] requests = new BillRequest[COUNT];

    BenchData() {
        try {
            Evaluator rules = LiveEvaluator.load(null).rules();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RequestGenerator(SEED, rules.catalog(), TariffHints.from(rules)).writeLines(COUNT, out);
            String[] text = out.toString(StandardCharsets.UTF_8).split("\n");
            RequestReader reader = rules.reader();
            for (int i = 0; i < COUNT; i++) {
                lines[i] = text[i].getBytes(StandardCharsets.UTF_8);
                requests[i] = reader.read(lines[i], 0, lines[i].length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidRequestException | RuleCompilationException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BillRequest> list(BillRequest[] requests) {
        return new ArrayList<>(List.of(requests));
    }
}
