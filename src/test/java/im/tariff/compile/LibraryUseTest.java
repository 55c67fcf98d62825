package im.tariff.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.evaluate.Evaluator;
import im.tariff.model.Bill;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A tariff and the engine's library: copies of library rules refused, a library rule replaced on purpose. */
class LibraryUseTest {

    private static final Path MINI = Path.of("src/test/resources/tariffs/mini");

    @Test
    void aFileOfLibraryCopiesIsRefusedWholeAndACopiedRuleInAFileOfTheTariffsOwnIsRefusedAtItsLine() throws IOException {
        Map<String, String> files = mini();
        files.put("calendar.drl", """
                package fixture;
                import im.tariff.model.*;
                rule "后付费周期：自然月，次月3日扣费"
                when
                    Account($month : billingMonth)
                then
                    insert(BillingMonth.of($month));
                end
                """);
        files.put("prices.drl", files.get("prices.drl") + """

                rule "Usage above the plan limit"
                when
                    $limit : Limit($meter : meter)
                then
                end
                """);
        assertThatThrownBy(() -> RuleCompiler.compile(new RuleSource("mini", files)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.file()).endsWith("calendar.drl");
                        assertThat(p.line()).isEqualTo(1);
                        assertThat(p.message()).contains("请删除整个文件").contains("delete it");
                    });
                    assertThat(e.problems()).anySatisfy(p -> {
                        assertThat(p.file()).endsWith("prices.drl");
                        assertThat(p.line()).isGreaterThan(1);
                        assertThat(p.message()).contains("\"Usage above the plan limit\"").contains("\"用量超出套餐上限\"");
                    });
                });
    }

    @Test
    void aRuleMarkedOverridesReplacesTheLibraryRuleItNames() throws Exception {
        Map<String, String> files = mini();
        // this tariff counts overage on the usage itself, not on started blocks: its own rule, still from the term
        files.put("overage.drl", """
                package fixture;
                import im.tariff.catalog.*;
                import im.tariff.model.*;
                import java.math.BigDecimal;
                rule "overage per unit, no blocks"
                    @overrides("超量费用：超出免费额度的部分按块计费，不足一块按一块")
                when
                    $o : Overage($meter : meter)
                    Usage(meter == $meter, $used : value > $o.free)
                    $month : BillingMonth()
                then
                    insert(ChargeLine.monthly($o, $o.line(), $month, BigDecimal.valueOf($used - $o.free()), $o.price(), "per unit"));
                end
                """);
        Evaluator rules = Evaluator.compile(new RuleSource("mini", files));
        Bill bill = rules.evaluate(rules.reader().read(
                "{\"appId\":\"1\",\"billingMonth\":\"2026-07\",\"plan\":\"PAID\",\"usage\":{\"peakOnline\":150}}"));
        assertThat(bill.lines()).filteredOn(l -> l.code().equals("ONLINE_OVERAGE")).singleElement()
                .satisfies(l -> assertThat(l.description()).isEqualTo("per unit"));
        assertThat(rules.ruleNames()).doesNotContain("超量费用：超出免费额度的部分按块计费，不足一块按一块");
    }

    @Test
    void anOverrideOfARuleTheLibraryDoesNotHaveIsRefused() throws IOException {
        Map<String, String> files = mini();
        files.put("overage.drl", """
                package fixture;
                import im.tariff.model.*;
                rule "mine"
                    @overrides("a rule nobody wrote")
                when
                    Account()
                then
                end
                """);
        assertThatThrownBy(() -> RuleCompiler.compile(new RuleSource("mini", files)))
                .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("a rule nobody wrote")));
    }

    private static Map<String, String> mini() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(MINI)) {
            for (Path f : (Iterable<Path>) list::iterator) {
                if (f.toString().endsWith(".drl")) {
                    files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
