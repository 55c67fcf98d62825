package im.tariff.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.reload.ReloadResult;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.RequestReader;
import im.tariff.model.BillRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload gate of a real rules folder: its own scenarios decide whether an edit goes live. */
class ScenarioReloadGateTest {

    static final String PRO = "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}";

    @TempDir
    Path dir;
    BillRequest pro;

    @BeforeEach
    void copyProjectRules() throws Exception {
        Path source = im.tariff.evaluate.SharedEngine.SEED;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        pro = im.tariff.evaluate.SharedEngine.reader().read(PRO);
    }

    private void setProFee(String fee) throws Exception {
        Path plans = dir.resolve("plans.drl");
        String text = Files.readString(plans, StandardCharsets.UTF_8);
        String edited = text.replaceFirst("\"[0-9.]+\", \"专业版套餐包\"\\)\\);", "\"" + fee + "\", \"专业版套餐包\"));");
        assertThat(edited).isNotEqualTo(text);
        Files.writeString(plans, edited, StandardCharsets.UTF_8);
    }

    @Test
    void anEditThatBreaksAScenarioIsRefusedAndTheOldRulesKeepServing() throws Exception {
        try (LiveEvaluator engine = LiveEvaluator.builder().rules(dir).gate(new ScenarioReloadGate(dir)).build()) {
            String before = engine.rules().version();
            setProFee("1099.00");

            ReloadResult result = engine.reloadNow("test");

            assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.GATE_REFUSED);
            assertThat(String.join("\n", result.reasons())).contains("PLAN_FEE").contains("1099.00");
            assertThat(engine.rules().version()).isEqualTo(before);
            assertThat(engine.evaluate(pro).totals().total()).isEqualByComparingTo("999.00");
        }
    }

    @Test
    void anEditWhoseScenariosWereUpdatedGoesLive() throws Exception {
        try (LiveEvaluator engine = LiveEvaluator.builder().rules(dir).gate(new ScenarioReloadGate(dir)).build()) {
            // only the scenario folder decides: without scenarios every compiling rule set passes
            try (Stream<Path> s = Files.walk(dir.resolve("scenarios"))) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            setProFee("1099.00");

            ReloadResult result = engine.reloadNow("test");

            assertThat(result.swapped()).as(result.summary()).isTrue();
            assertThat(engine.evaluate(pro).totals().total()).isEqualByComparingTo("1099.00");
        }
    }
}
