package im.tariff.compile;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.evaluate.Evaluator;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import im.tariff.io.BillWriter;
import im.tariff.model.BillRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * The bundled rules as the build compiled them (Drools' executable model, {@link Precompiled}) against the same
 * rules compiled from their text at run time: the same catalog, the same rules firing, the same bills byte for
 * byte; and only the very files the build compiled are ever loaded that way.
 */
class PrecompiledRulesTest {

    static CompiledRuleSet precompiled;
    static CompiledRuleSet compiled;

    @BeforeAll
    static void compileBothWays() throws Exception {
        precompiled = RuleCompiler.compile(RuleSource.bundled(), true);
        compiled = RuleCompiler.compile(RuleSource.bundled(), false);
    }

    @Test
    void theBundledRulesAreLoadedAsTheBuildCompiledThem() {
        assertThat(precompiled.container()).as("loaded from the executable model, no container built").isNull();
        assertThat(compiled.container()).isNotNull();
        assertThat(rules(precompiled)).isEqualTo(rules(compiled));
        assertThat(precompiled.catalog().lines().stream().map(l -> l.code()).toList())
                .isEqualTo(compiled.catalog().lines().stream().map(l -> l.code()).toList());
        assertThat(precompiled.catalog().plans().stream().map(p -> p.code() + p.name()).toList())
                .isEqualTo(compiled.catalog().plans().stream().map(p -> p.code() + p.name()).toList());
    }

    private static List<String> rules(CompiledRuleSet set) {
        List<String> names = new ArrayList<>();
        set.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> names.add(p.getName() + "/" + r.getName()
                + " " + new TreeMap<>(r.getMetaData()))));
        names.sort(null);
        return names;
    }

    @Test
    void bothWaysBillAlikeAndFireTheSameRules() throws Exception {
        Evaluator a = new Evaluator(precompiled);
        Evaluator b = new Evaluator(compiled);
        int bills = 0;
        for (RequestGenerator.Mix mix : RequestGenerator.Mix.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new RequestGenerator(17, b.catalog(), TariffHints.from(b), mix).writeLines(3000, out);
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                BillRequest r = b.reader().read(line);
                Map<String, Integer> firedA = new TreeMap<>();
                Map<String, Integer> firedB = new TreeMap<>();
                String billA = BillWriter.toJson(a.evaluate(r, counter(firedA)));
                String billB = BillWriter.toJson(b.evaluate(r, counter(firedB)));
                assertThat(billA).as(line).isEqualTo(billB);
                assertThat(firedA).as(line).isEqualTo(firedB);
                bills++;
            }
        }
        assertThat(bills).isEqualTo(6000);
        assertThat(a.version()).isEqualTo(b.version());
    }

    private static DefaultAgendaEventListener counter(Map<String, Integer> fired) {
        return new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        };
    }

    @Test
    void anEvaluatorOnThePrecompiledRulesClosesLikeAnyOther() throws Exception {
        CompiledRuleSet own = RuleCompiler.compile(RuleSource.bundled(), true);
        Evaluator e = new Evaluator(own);
        BillRequest r = e.reader().read("{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\"}");
        assertThat(e.evaluate(r).lines()).isNotEmpty();
        e.close(); // what a reload does to the rule set it replaces
        own.dispose();
    }

    @Test
    void aFolderWithOneByteChangedIsCompiledFromItsText() throws Exception {
        java.util.LinkedHashMap<String, byte[]> files = RuleSource.fromDirectory(Path.of("rules")).contents();
        // rules/ as it is on disk is what the build compiled: loaded as such
        assertThat(RuleCompiler.compile(RuleSource.fromDirectory(Path.of("rules")), true).container()).isNull();
        String name = files.keySet().stream().filter(n -> n.endsWith(".drl")).findFirst().orElseThrow();
        files.put(name, (new String(files.get(name), StandardCharsets.UTF_8) + "\n// one more line\n")
                .getBytes(StandardCharsets.UTF_8));
        CompiledRuleSet edited = RuleCompiler.compile(RuleSource.ofBytesInOrder("edited", files), true);
        assertThat(edited.container()).as("an edited sheet is compiled, never taken for the bundled one").isNotNull();
    }
}
