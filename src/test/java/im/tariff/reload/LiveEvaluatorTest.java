package im.tariff.reload;

import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.Req;
import im.tariff.evaluate.SharedEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** The engine around the rules: a folder of .drl files, content versions, reload, listeners, runaway rules. */
class LiveEvaluatorTest {

    @TempDir
    Path dir;

    private Path copyOfRules() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        try (Stream<Path> files = Files.list(im.tariff.evaluate.SharedEngine.SEED)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".drl"))::iterator) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        return rules;
    }

    private static void replace(Path file, String text, String replacement) throws Exception {
        String drl = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(drl).contains(text);
        Files.writeString(file, drl.replace(text, replacement), StandardCharsets.UTF_8);
    }

    private static String proFee(LiveEvaluator engine) {
        return engine.evaluate(Req.pro().request()).lines().get(0).amount().toPlainString();
    }

    @Test
    void anAnalystChangesTheProPriceInOneDrlLineAndReloads() throws Exception {
        Path rules = copyOfRules();
        replace(rules.resolve("plans.drl"), "\"999.00\"", "\"1099.00\"");
        LiveEvaluator engine = LiveEvaluator.fromDirectory(rules);

        assertThat(proFee(engine)).isEqualTo("1099.00");
        assertThat(engine.rules().version()).isNotEqualTo(SharedEngine.get().rules().version());

        replace(rules.resolve("plans.drl"), "\"1099.00\"", "\"1199.00\"");
        engine.reload();
        assertThat(proFee(engine)).isEqualTo("1199.00");

        // a broken edit is refused and the last good rules keep serving
        String version = engine.rules().version();
        replace(rules.resolve("plans.drl"), "\"PRO\")", "\"PRO\"");
        assertThatThrownBy(engine::reload).isInstanceOf(RuleCompilationException.class);
        assertThat(proFee(engine)).isEqualTo("1199.00");
        assertThat(engine.rules().version()).isEqualTo(version);
    }

    @Test
    void versionIsAContentHash() throws Exception {
        Path rules = copyOfRules();

        String original = RuleSource.fromDirectory(SharedEngine.SEED).version();
        assertThat(RuleSource.fromDirectory(rules).version()).isEqualTo(original)
                .isEqualTo(RuleSource.fromDirectory(rules).version());
        replace(rules.resolve("limits.drl"), "\"USERS\", 100", "\"USERS\", 101");
        assertThat(RuleSource.fromDirectory(rules).version()).isNotEqualTo(original);
    }

    @Test
    void listenerSeesTheRulesOfItsOwnEvaluationOnly() {
        List<String> fired = new ArrayList<>();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };
        Evaluator rules = SharedEngine.get().rules();

        rules.evaluate(Req.pro().peakDau(10001).request(), listener);
        rules.evaluate(Req.flagship().request());

        assertThat(fired).contains("专业版套餐包费用", "峰值DAU 超量费用").doesNotContain("旗舰版套餐包费用");
    }

    @Test
    void aRuleThatKeepsInsertingFactsIsStoppedWithAnEvaluationError() throws Exception {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("loop.drl"), """
                package im.tariff.rules;
                import im.tariff.model.*;
                rule "每次加一"
                when
                    $l : Limit(meter == "USERS")
                then
                    insert(Limit.of(kcontext, "USERS", $l.cap() + 1));
                end
                """, StandardCharsets.UTF_8);
        LiveEvaluator engine = LiveEvaluator.fromDirectory(rules);
        BillRequest trial = Req.trial().request();

        assertThatThrownBy(() -> engine.evaluate(trial)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("5000");
    }

    @Test
    void aRuleThatFailsWhileFiringIsAnEvaluationError() throws Exception {
        Path rules = copyOfRules();
        Files.writeString(rules.resolve("boom.drl"), """
                package im.tariff.rules;
                import im.tariff.model.*;
                rule "除以零"
                when
                    Account(plan == "PRO")
                then
                    int x = 1 / 0;
                end
                """, StandardCharsets.UTF_8);
        LiveEvaluator engine = LiveEvaluator.fromDirectory(rules);
        BillRequest pro = Req.pro().request();

        assertThatThrownBy(() -> engine.evaluate(pro)).isInstanceOf(EvaluationException.class);
        // the failed sessions go back to the pool clean: later bills carry nothing of the failed ones
        BillRequest flagship = Req.flagship().request();
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> engine.evaluate(pro)).isInstanceOf(EvaluationException.class);
            Bill bill = engine.evaluate(flagship);
            assertThat(bill.lines()).hasSize(1);
            assertThat(bill.totals().total().toPlainString()).isEqualTo("2999.00");
        }
    }
}
