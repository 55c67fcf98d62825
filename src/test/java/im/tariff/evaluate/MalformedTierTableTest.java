package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.proof.TariffCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A tier table whose bands overlap, leave a gap or end without an open band is made whole by its rule and found
 * wrong only when the library applies it: the failure, in a bill and in check, names the rule that writes the
 * table at its file:line (src/test/resources/tariffs/prorated, prices.drl, rule "small plan"), not the library
 * rule that applied it.
 */
class MalformedTierTableTest {

    private static final Path FIXTURE = Path.of("src/test/resources/tariffs/prorated");
    private static final String TABLE = ".band(0, 10, \"100.00\").bandFrom(11, \"200.00\", 10, \"50.00\")";

    private static Evaluator withTable(String table) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String name : List.of("catalog.drl", "prices.drl")) {
            files.put(name, Files.readString(FIXTURE.resolve(name), StandardCharsets.UTF_8));
        }
        String prices = files.get("prices.drl");
        assertThat(prices).contains(TABLE);
        files.put("prices.drl", prices.replace(TABLE, table));
        return Evaluator.compile(new RuleSource("fixture", files));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overlap | .band(0, 10, \"100.00\").bandFrom(10, \"200.00\") | the bands 0–10 and ≥ 10 overlap",
            "gap     | .band(0, 10, \"100.00\").bandFrom(12, \"200.00\") | the bands leave out 11–11",
            "no end  | .band(0, 10, \"100.00\").band(11, 20, \"200.00\") | the last band ends at 20"})
    void aWrongTableIsReportedAtTheRuleThatWritesIt(String kind, String table, String words) throws Exception {
        Evaluator rules = withTable(table);

        EvaluationException e = catchThrowableOfType(() -> rules.evaluate(rules.reader().read(
                "{\"appId\":\"a\",\"billingMonth\":\"2026-10\",\"plan\":\"SMALL\",\"usage\":{\"peakSeats\":5}}")),
                EvaluationException.class);
        assertThat(e.rule()).isEqualTo("small plan");
        assertThat(e.file()).isEqualTo("fixture/prices.drl");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.reason()).contains(words);

        List<RuleProblem> found = TariffCheck.find(rules, YearMonth.of(2026, 10));
        assertThat(found).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("fixture/prices.drl");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains(words);
        });
    }

    @Test
    void theFixtureTableItselfIsWhole() throws Exception {
        assertThat(TariffCheck.find(withTable(TABLE), YearMonth.of(2026, 10))).isEmpty();
    }
}
