package im.tariff.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    /** The loader's words in English (the language of the rules under test decides them in tariff test). */
    private static final Messages EN = Messages.of(Language.EN);

    private static final String GOOD = """
            scenarios:
              - name: PRO fee
                description: the plan fee
                request:
                  appId: "1"
                  billingMonth: "2026-10"
                  plan: PRO
                expect:
                  total: 999.00
                  lines:
                    - {code: PLAN_FEE, amount: 999.00, periodEnd: 2026-10-31}
              - name: refused
                request: {appId: "1", billingMonth: "2026-10"}
                expect:
                  error: {field: plan, reason: missing}
            """;

    private static ScenarioFormatException error(String yaml) {
        try {
            ScenarioLoader.parse("s.yaml", "s.yaml", yaml, EN);
        } catch (ScenarioFormatException e) {
            return e;
        }
        throw new AssertionError("expected a format error");
    }

    @Test
    void readsAMapWithScenarios() throws Exception {
        List<Scenario> list = ScenarioLoader.parse("f.yaml", "f.yaml", GOOD, EN);
        assertThat(list).hasSize(2);
        Scenario s = list.get(0);
        assertThat(s.name()).isEqualTo("PRO fee");
        assertThat(s.description()).isEqualTo("the plan fee");
        assertThat(s.line()).isEqualTo(2);
        assertThat(s.displayName()).isEqualTo("f.yaml › PRO fee");
        assertThat(s.expect().total()).isEqualByComparingTo("999.00");
        assertThat(s.expect().lines().get(0).fields())
                .containsEntry("code", "PLAN_FEE").containsEntry("amount", "999.00")
                .containsEntry("periodEnd", "2026-10-31");
        assertThat(s.expect().lines().get(0).line()).isEqualTo(11);
        assertThat(s.expect().violations()).isEmpty();
        assertThat(list.get(1).expect().expectsError()).isTrue();
        assertThat(list.get(1).expect().errorField()).isEqualTo("plan");
    }

    @Test
    void readsAPlainListAndASingleScenario() throws Exception {
        String list = """
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect: {total: 999}
                - name: b
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect: {total: "999.00"}
                """;
        assertThat(ScenarioLoader.parse("l.yaml", "l.yaml", list, EN)).extracting(Scenario::name).containsExactly("a", "b");
        assertThat(ScenarioLoader.parse("l.yaml", "l.yaml", list, EN).get(1).expect().total())
                .isEqualTo(new BigDecimal("999.00"));
        String single = """
                name: only
                request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                expect: {total: 999}
                """;
        assertThat(ScenarioLoader.parse("o.yaml", "o.yaml", single, EN)).extracting(Scenario::name).containsExactly("only");
    }

    @Test
    void badYamlIsReportedWithItsLine() {
        ScenarioFormatException e = error("""
                scenarios:
                  - name: a
                    request: {appId: "1", plan: PRO
                    expect: {total: 1}
                """);
        assertThat(e.getMessage()).startsWith("s.yaml:");
        assertThat(e.line()).isBetween(3, 5);
        assertThat(e.reason()).contains("bad YAML");
    }

    @Test
    void missingNameIsReportedAtTheScenario() {
        ScenarioFormatException e = error("""
                scenarios:
                  - name: a
                    request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                    expect: {total: 999}
                  - request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                    expect: {total: 999}
                """);
        assertThat(e.getMessage()).isEqualTo("s.yaml:5: missing key 'name'");
    }

    @Test
    void unknownKeyIsReportedAtItsLine() {
        ScenarioFormatException e = error("""
                scenarios:
                  - name: a
                    request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                    expect:
                      total: 999
                      lines:
                        - {code: PLAN_FEE, amount: 999}
                        - {code: DAU_OVERAGE, amout: 1000}
                """);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.reason()).contains("unknown key 'amout'");
    }

    @Test
    void unknownScenarioKeyIsReported() {
        ScenarioFormatException e = error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expected: {total: 999}
                """);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).contains("unknown key 'expected'");
    }

    @Test
    void requestThatIsNotAMapIsReported() {
        ScenarioFormatException e = error("""
                - name: a
                  request: "PRO"
                  expect: {total: 999}
                """);
        assertThat(e.getMessage()).startsWith("s.yaml:2: ").contains("'request' must be a map");
    }

    @Test
    void badNumbersAndDatesAreReported() {
        assertThat(error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect: {total: lots}
                """).getMessage()).startsWith("s.yaml:3: ").contains("'total' must be a number");
        assertThat(error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect:
                    total: 999
                    lines: [{code: PLAN_FEE, amount: 999, periodEnd: 2026-10-32}]
                """).reason()).contains("'periodEnd' must be a date");
        assertThat(error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect:
                    total: 999
                    violations: [{code: LIMIT_EXCEEDED}]
                """).reason()).contains("missing key 'subject'");
    }

    @Test
    void missingTotalDuplicateNamesEmptyFileAndErrorWithBillAreReported() {
        assertThat(error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect: {lines: []}
                """).reason()).contains("missing key 'total'");
        assertThat(error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect: {total: 999}
                - name: a
                  request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                  expect: {total: 999}
                """).getMessage()).startsWith("s.yaml:4: ").contains("duplicate scenario name 'a'");
        assertThat(error("# nothing here\n").reason()).contains("empty file");
        assertThat(error("""
                - name: a
                  request: {appId: "1", billingMonth: "2026-10"}
                  expect: {error: {field: plan}, total: 0}
                """).reason()).contains("takes no other key");
        assertThat(error("""
                - name: a
                  name: b
                  request: {appId: "1", billingMonth: "2026-10"}
                  expect: {total: 0}
                """).getMessage()).startsWith("s.yaml:2: ").contains("duplicate key 'name'");
    }

    @Test
    void whatIsWrongIsSaidInTheWordsGiven() {
        String yaml = "- name: a\n  request: {appId: \"1\"}\n  expect: {total: 1, amout: 2}\n";
        ScenarioFormatException zh = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parse("s.yaml", "s.yaml", yaml, Messages.of(Language.ZH)));
        assertThat(zh.getMessage()).startsWith("s.yaml:3: 未知的键「amout」（在 expect 里；允许的键：");
        ScenarioFormatException en = org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioFormatException.class,
                () -> ScenarioLoader.parse("s.yaml", "s.yaml", yaml, EN));
        assertThat(en.getMessage()).startsWith("s.yaml:3: unknown key 'amout' in expect (allowed: ");
    }

    @Test
    void folderLoadingFindsYamlRecursivelyAndReportsTheBadFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        Files.writeString(dir.resolve("sub/b.yml"), GOOD);
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");
        try {
            ScenarioSuite suite = ScenarioSuite.load(dir, EN);
            assertThat(suite.scenarios()).hasSize(4);
            assertThat(suite.scenarios()).extracting(Scenario::label).contains("a.yaml", "sub/b.yml");
        } catch (ScenarioFormatException e) {
            throw new AssertionError(e);
        }
        Files.writeString(dir.resolve("sub/c.yaml"), "- name: x\n  request: [1]\n  expect: {total: 1}\n");
        assertThatThrownBy(() -> ScenarioSuite.load(dir, EN))
                .isInstanceOf(ScenarioFormatException.class)
                .hasMessage(dir.resolve("sub/c.yaml") + ":2: scenario 'x': 'request' must be a map (the request of docs/FORMAT.md)");
        assertThatThrownBy(() -> ScenarioSuite.load(dir.resolve("missing.yaml"), EN))
                .isInstanceOf(ScenarioFormatException.class).hasMessageContaining("no such scenario file");
    }
}
