package im.tariff.embed;

import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.reload.ReloadGate;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.model.Bill;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A billing service that embeds the tariff engine: build once, share between threads, let it reload. */
public final class EmbeddingExample implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingExample.class);

    private final LiveEvaluator engine;

    /** rulesDir: a folder of .drl files, or null for the rules bundled in the jar. */
    public EmbeddingExample(Path rulesDir, ReloadGate gate) throws IOException, RuleCompilationException {
        engine = LiveEvaluator.builder()
                .rules(rulesDir)
                .gate(gate) // e.g. new ScenarioReloadGate(rulesDir): the scenarios must pass
                .listener(r -> {
                    if (r.refused()) {
                        LOG.warn("rules edit refused, still serving {}: {}", r.servingVersion(), r.reasons());
                    }
                })
                .build(); // throws if the rules do not compile, are unsafe or fail the gate
        if (rulesDir != null) {
            engine.watch(); // reload in the background whenever the files change
        }
    }

    /** Request JSON in, bill JSON out. Safe to call from any number of threads at once. */
    public String bill(String requestJson) {
        try {
            Evaluator rules = engine.rules(); // one rule set for this request, even while a reload swaps
            Bill bill = rules.evaluate(rules.reader().read(requestJson)); // the reader knows the rules' catalog
            return BillWriter.toJson(bill); // bill.rulesVersion() names the rules that made it
        } catch (InvalidRequestException e) {
            return error(e.field() + ": " + e.reason()); // the caller's mistake: answer 400
        } catch (EvaluationException e) {
            return error(e.getMessage()); // a rule failed while firing: answer 500, alert the analysts
        }
    }

    /** The version in force and how the last reload went, for a status page. */
    public String status() {
        var s = engine.status();
        return s.version() + " " + s.lastReload().outcome();
    }

    @Override
    public void close() {
        engine.close(); // stops watching; evaluations keep working on the rules in force
    }

    private static String error(String message) {
        return Json.MAPPER.createObjectNode().put("error", message).toString();
    }
}
