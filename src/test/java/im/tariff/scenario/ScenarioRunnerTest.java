package im.tariff.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.evaluate.Evaluator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    private static final String PRO_REQUEST = "request: {appId: \"1\", billingMonth: \"2026-10\", plan: PRO, usage: {peakDau: 20001}}";
    private static final String PLAN_FEE = "{code: PLAN_FEE, amount: 999.00, quantity: 1, unitPrice: 999.00,"
            + " periodStart: 2026-10-01, periodEnd: 2026-10-31, chargeDate: 2026-10-01}";
    private static final String DAU_LINE = "{code: DAU_OVERAGE, amount: 2000.00, quantity: 2, unitPrice: 1000.00,"
            + " periodStart: 2026-10-01, periodEnd: 2026-10-31, chargeDate: 2026-11-03}";

    private static List<Scenario> scenarios(String yaml) {
        try {
            return ScenarioLoader.parse("t.yaml", "t.yaml", yaml);
        } catch (ScenarioFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static ScenarioResult run(String yaml) {
        return ScenarioRunner.run(scenarios(yaml).get(0), ProjectRules.SEED.get());
    }

    private static String proScenario(String expect) {
        return "- name: pro\n  " + PRO_REQUEST + "\n  expect:\n" + expect.indent(4);
    }

    @Test
    void aMatchingBillPassesAndRecordsTheRulesThatFired() {
        ScenarioResult r = run(proScenario("total: 2999.00\nlines:\n  - " + PLAN_FEE + "\n  - " + DAU_LINE
                + "\nviolations: []"));
        assertThat(r.differences()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.failureMessage()).isEmpty();
        assertThat(r.firedRules()).contains("专业版套餐包费用", "峰值DAU 超量费用").doesNotContain("旗舰版套餐包费用");
    }

    @Test
    void aWrongAmountNamesTheLineExpectedActualAndRule() {
        ScenarioResult r = run(proScenario("total: 2999.00\nlines:\n  - " + PLAN_FEE + "\n  - "
                + DAU_LINE.replace("amount: 2000.00, quantity: 2", "amount: 3000.00, quantity: 3")));
        assertThat(r.passed()).isFalse();
        String msg = r.failureMessage();
        assertThat(msg).startsWith("FAIL t.yaml › pro  (t.yaml:1)\n");
        assertThat(msg).contains("line DAU_OVERAGE (rule \"峰值DAU 超量费用\", t.yaml:7):");
        assertThat(msg).contains("amount      expected 3000.00, actual 2000.00 (-1000.00)");
        assertThat(msg).contains("quantity    expected 3, actual 2 (-1)");
        assertThat(msg).doesNotContain("PLAN_FEE");
        assertThat(msg).doesNotContain("total");
    }

    @Test
    void anUnexpectedLineFailsEvenWhenEverythingWrittenMatches() {
        ScenarioResult r = run(proScenario("total: 999.00\nlines:\n  - " + PLAN_FEE));
        assertThat(r.differences()).containsExactly(
                "unexpected line DAU_OVERAGE: amount 2000.00 = 2 × 1000.00, 2026-10-01..2026-10-31 (rule \"峰值DAU 超量费用\")",
                "total: expected 999.00, actual 2999.00 (+2000.00)");
    }

    @Test
    void emptyOrAbsentLinesMeanNoLineAtAll() {
        assertThat(run(proScenario("total: 2999.00\nlines: []")).differences())
                .anyMatch(d -> d.startsWith("unexpected line PLAN_FEE"))
                .anyMatch(d -> d.startsWith("unexpected line DAU_OVERAGE"));
        assertThat(run(proScenario("total: 2999.00")).differences()).hasSize(2);
    }

    @Test
    void aMissingLineAndAWrongPeriodAreReported() {
        ScenarioResult r = run(proScenario("total: 3999.00\nlines:\n  - " + PLAN_FEE.replace("periodEnd: 2026-10-31",
                "periodEnd: 2026-11-30") + "\n  - " + DAU_LINE + "\n  - {code: ADDON_SECURITY_ADVANCED, amount: 1000}"));
        assertThat(r.differences()).containsExactly(
                "line PLAN_FEE (rule \"专业版套餐包费用\", t.yaml:6):",
                "    periodEnd   expected 2026-11-30, actual 2026-10-31",
                "missing line ADDON_SECURITY_ADVANCED: expected amount 1000 (t.yaml:8), the bill has no such line",
                "total: expected 3999.00, actual 2999.00 (-1000.00)");
    }

    @Test
    void theCreditsTotalIsComparedWhenWritten() {
        // the seed with a 100.00 credit on PRO: a credit line of its own, totalled apart (Bill.totals().credits())
        Evaluator credited = ProjectRules.SEED.edited("plans.drl", text -> text
                .replace("insert(Fee.plan(kcontext, \"PLAN_FEE\", \"999.00\", \"专业版套餐包\"));",
                        "insert(Fee.plan(kcontext, \"PLAN_FEE\", \"999.00\", \"专业版套餐包\"));\n"
                                + "    insert(Credit.of(kcontext, \"WELCOME_CREDIT\", \"100.00\", \"welcome\"));")
                + "\nrule \"credit line\"\nwhen\n    $c : im.tariff.catalog.CatalogDraft()\nthen\n"
                + "    $c.line(\"WELCOME_CREDIT\", \"welcome credit\");\nend\n");
        String lines = "lines:\n  - " + PLAN_FEE + "\n  - " + DAU_LINE
                + "\n  - {code: WELCOME_CREDIT, billingMode: CREDIT, amount: -100.00}";
        Scenario right = scenarios(proScenario("total: 2899.00\ncredits: -100.00\n" + lines)).get(0);
        Scenario wrong = scenarios(proScenario("total: 2899.00\ncredits: -50\n" + lines)).get(0);

        assertThat(ScenarioRunner.run(right, credited).differences()).isEmpty();
        assertThat(ScenarioRunner.run(wrong, credited).differences())
                .containsExactly("credits total: expected -50, actual -100.00 (-50.00)");
        assertThat(run(proScenario("total: 2999.00\ncredits: 0\nlines:\n  - " + PLAN_FEE + "\n  - " + DAU_LINE))
                .passed()).as("a bill without credits has a credits total of zero").isTrue();
    }

    @Test
    void violationsAreMatchedExactlyByCodeAndSubject() {
        String trial = "- name: trial\n  request: {appId: \"1\", billingMonth: \"2026-10\", plan: TRIAL, usage: {users: 101}}\n"
                + "  expect:\n    total: 0\n    lines: [{code: PLAN_FEE, amount: 0}]\n";
        assertThat(run(trial + "    violations: [{code: LIMIT_EXCEEDED, subject: USERS}]").passed()).isTrue();
        assertThat(run(trial + "    violations: []").differences()).containsExactly(
                "unexpected violation LIMIT_EXCEEDED USERS: 体验版注册用户数 101 超出上限 100 (rule \"用量超出套餐上限\")");
        assertThat(run(trial + "    violations: [{code: LIMIT_EXCEEDED, subject: TOTAL_GROUPS}]").differences())
                .containsExactly(
                        "missing violation LIMIT_EXCEEDED TOTAL_GROUPS (t.yaml:6), the bill has no such violation",
                        "unexpected violation LIMIT_EXCEEDED USERS: 体验版注册用户数 101 超出上限 100 (rule \"用量超出套餐上限\")");
        assertThat(run(trial + "    violations: [{code: LIMIT_EXCEEDED, subject: USERS, message: wrong}]").differences())
                .containsExactly("violation LIMIT_EXCEEDED USERS (rule \"用量超出套餐上限\", t.yaml:6):",
                        "    message     expected wrong, actual 体验版注册用户数 101 超出上限 100");
    }

    @Test
    void aCodeTheCatalogDoesNotDeclareFailsTheScenarioAndSaysSo() {
        ScenarioResult r = run(proScenario("total: 999\nlines: [{code: PLAN_FE, amount: 999}]"));

        assertThat(r.passed()).isFalse();
        assertThat(r.differences()).singleElement().asString()
                .startsWith("unknown line code 'PLAN_FE': the catalog of these rules does not declare it");
    }

    @Test
    void refusalExpectations() {
        String bad = "- name: typo\n  request: {appId: \"1\", billingMonth: \"2026-10\", plan: PRO, usage: {peakDAU: 5}}\n";
        assertThat(run(bad + "  expect: {error: {field: usage.peakDAU, reason: unknown field}}").passed()).isTrue();
        assertThat(run(bad + "  expect: {error: {field: usage.peakDau}}").differences()).singleElement()
                .asString().startsWith("refused, but for another field: expected field usage.peakDau, actual usage.peakDAU");
        assertThat(run(bad + "  expect: {error: {field: usage.peakDAU, reason: negative}}").differences()).singleElement()
                .asString().contains("does not contain \"negative\"");
        assertThat(run(bad + "  expect: {total: 999}").differences()).containsExactly(
                "the request was refused as bad input: usage.peakDAU: unknown field (did you mean 'peakDau'?) (t.yaml:2)");
        assertThat(run(proScenario("error: {field: plan}")).differences()).singleElement().asString()
                .startsWith("expected the request to be refused (field plan), but it was evaluated: total 2999.00");
    }

    @Test
    void aPriceEditFailsExactlyTheScenariosItChangesAndCoverageCountsScenarios() {
        String yaml = proScenario("total: 2999.00\nlines:\n  - " + PLAN_FEE + "\n  - " + DAU_LINE)
                + "- name: flagship untouched\n  request: {appId: \"2\", billingMonth: \"2026-10\", plan: FLAGSHIP}\n"
                + "  expect: {total: 2999.00, lines: [{code: PLAN_FEE, amount: 2999.00}]}\n"
                + "- name: pro again\n  " + PRO_REQUEST + "\n  expect:\n    total: 2999.00\n    lines: [" + PLAN_FEE
                + ", " + DAU_LINE + "]\n";
        ScenarioSuite suite = suiteOf(yaml);
        SuiteResult ok = suite.run(ProjectRules.SEED.get());
        assertThat(ok.passed()).isEqualTo(3);
        assertThat(ok.failed()).isZero();
        assertThat(ok.failureMessages()).isEmpty();
        assertThat(ok.ruleCoverage()).containsEntry("专业版套餐包费用", 2).containsEntry("旗舰版套餐包费用", 1)
                .containsEntry("体验版套餐包费用", 0).containsEntry("峰值DAU 超量费用", 3)
                .containsEntry("超量费用：超出免费额度的部分按块计费，不足一块按一块", 2);
        assertThat(ok.ruleCoverage()).hasSize(ProjectRules.SEED.get().ruleNames().size());
        assertThat(ok.uncoveredRules()).contains("体验版套餐包费用").doesNotContain("专业版套餐包费用");

        Evaluator edited = ProjectRules.SEED.edited("plans.drl", t -> t.replace("\"999.00\"", "\"1099.00\""));
        SuiteResult res = suite.run(edited);
        assertThat(res.passed()).isEqualTo(1);
        assertThat(res.failed()).isEqualTo(2);
        assertThat(res.summary()).isEqualTo("1 passed, 2 failed");
        assertThat(res.failureMessages()).hasSize(2);
        assertThat(res.failureMessages().get(0)).startsWith("FAIL t.yaml › pro ")
                .contains("amount      expected 999.00, actual 1099.00 (+100.00)")
                .contains("unitPrice   expected 999.00, actual 1099.00")
                .contains("total: expected 2999.00, actual 3099.00 (+100.00)");
        assertThat(res.failureMessages().get(1)).startsWith("FAIL t.yaml › pro again ");
    }

    private static ScenarioSuite suiteOf(String yaml) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("scen");
            java.nio.file.Path f = dir.resolve("t.yaml");
            java.nio.file.Files.writeString(f, yaml);
            try {
                return ScenarioSuite.load(f);
            } finally {
                java.nio.file.Files.delete(f);
                java.nio.file.Files.delete(dir);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
