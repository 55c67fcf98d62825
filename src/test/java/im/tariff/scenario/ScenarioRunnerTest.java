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
            return ScenarioLoader.parse("t.yaml", "t.yaml", yaml, im.tariff.i18n.Messages.defaults());
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
        assertThat(msg).startsWith("失败 t.yaml › pro（t.yaml:1）\n");
        assertThat(msg).contains("账单行 DAU_OVERAGE（规则 \"峰值DAU 超量费用\"，t.yaml:7）：");
        assertThat(msg).contains("amount      期望 3000.00，实际 2000.00（-1000.00）");
        assertThat(msg).contains("quantity    期望 3，实际 2（-1）");
        assertThat(msg).doesNotContain("PLAN_FEE");
        assertThat(msg).doesNotContain("合计");
    }

    @Test
    void anUnexpectedLineFailsEvenWhenEverythingWrittenMatches() {
        ScenarioResult r = run(proScenario("total: 999.00\nlines:\n  - " + PLAN_FEE));
        assertThat(r.differences()).containsExactly(
                "多出的账单行 DAU_OVERAGE：金额 2000.00 = 2 × 1000.00，2026-10-01..2026-10-31（规则 \"峰值DAU 超量费用\"）",
                "合计：期望 999.00，实际 2999.00（+2000.00）");
    }

    @Test
    void emptyOrAbsentLinesMeanNoLineAtAll() {
        assertThat(run(proScenario("total: 2999.00\nlines: []")).differences())
                .anyMatch(d -> d.startsWith("多出的账单行 PLAN_FEE"))
                .anyMatch(d -> d.startsWith("多出的账单行 DAU_OVERAGE"));
        assertThat(run(proScenario("total: 2999.00")).differences()).hasSize(2);
    }

    @Test
    void aMissingLineAndAWrongPeriodAreReported() {
        ScenarioResult r = run(proScenario("total: 3999.00\nlines:\n  - " + PLAN_FEE.replace("periodEnd: 2026-10-31",
                "periodEnd: 2026-11-30") + "\n  - " + DAU_LINE + "\n  - {code: ADDON_SECURITY_ADVANCED, amount: 1000}"));
        assertThat(r.differences()).containsExactly(
                "账单行 PLAN_FEE（规则 \"专业版套餐包费用\"，t.yaml:6）：",
                "    periodEnd   期望 2026-11-30，实际 2026-10-31",
                "缺少账单行 ADDON_SECURITY_ADVANCED：期望金额 1000（t.yaml:8），账单里没有这一行",
                "合计：期望 3999.00，实际 2999.00（-1000.00）");
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
                .containsExactly("抵扣合计：期望 -50，实际 -100.00（-50.00）");
        assertThat(run(proScenario("total: 2999.00\ncredits: 0\nlines:\n  - " + PLAN_FEE + "\n  - " + DAU_LINE))
                .passed()).as("a bill without credits has a credits total of zero").isTrue();
    }

    @Test
    void violationsAreMatchedExactlyByCodeAndSubject() {
        String trial = "- name: trial\n  request: {appId: \"1\", billingMonth: \"2026-10\", plan: TRIAL, usage: {users: 101}}\n"
                + "  expect:\n    total: 0\n    lines: [{code: PLAN_FEE, amount: 0}]\n";
        assertThat(run(trial + "    violations: [{code: LIMIT_EXCEEDED, subject: USERS}]").passed()).isTrue();
        assertThat(run(trial + "    violations: []").differences()).containsExactly(
                "多出的违规 LIMIT_EXCEEDED USERS：体验版注册用户数 101 超出上限 100（规则 \"用量超出套餐上限\"）");
        assertThat(run(trial + "    violations: [{code: LIMIT_EXCEEDED, subject: TOTAL_GROUPS}]").differences())
                .containsExactly(
                        "缺少违规 LIMIT_EXCEEDED TOTAL_GROUPS（t.yaml:6），账单里没有这条违规",
                        "多出的违规 LIMIT_EXCEEDED USERS：体验版注册用户数 101 超出上限 100（规则 \"用量超出套餐上限\"）");
        assertThat(run(trial + "    violations: [{code: LIMIT_EXCEEDED, subject: USERS, message: wrong}]").differences())
                .containsExactly("违规 LIMIT_EXCEEDED USERS（规则 \"用量超出套餐上限\"，t.yaml:6）：",
                        "    message     期望 wrong，实际 体验版注册用户数 101 超出上限 100");
    }

    @Test
    void aCodeTheCatalogDoesNotDeclareFailsTheScenarioAndSaysSo() {
        ScenarioResult r = run(proScenario("total: 999\nlines: [{code: PLAN_FE, amount: 999}]"));

        assertThat(r.passed()).isFalse();
        assertThat(r.differences()).singleElement().asString()
                .startsWith("未知的账单行代码「PLAN_FE」：这套规则的目录没有声明它");
    }

    @Test
    void refusalExpectations() {
        String bad = "- name: typo\n  request: {appId: \"1\", billingMonth: \"2026-10\", plan: PRO, usage: {peakDAU: 5}}\n";
        assertThat(run(bad + "  expect: {error: {field: usage.peakDAU, reason: 未知字段}}").passed()).isTrue();
        assertThat(run(bad + "  expect: {error: {field: usage.peakDau}}").differences()).singleElement()
                .asString().startsWith("请求被拒绝了，但字段不同：期望字段 usage.peakDau，实际 usage.peakDAU");
        assertThat(run(bad + "  expect: {error: {field: usage.peakDAU, reason: negative}}").differences()).singleElement()
                .asString().contains("原因里没有“negative”");
        assertThat(run(bad + "  expect: {total: 999}").differences()).containsExactly(
                "请求作为错误输入被拒绝：usage.peakDAU：未知字段（是不是「peakDau」？）（t.yaml:2）");
        assertThat(run(proScenario("error: {field: plan}")).differences()).singleElement().asString()
                .startsWith("期望请求被拒绝（字段 plan），但它被计算了：合计 2999.00");
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
        assertThat(res.summary()).isEqualTo("1 个通过，2 个失败");
        assertThat(res.failureMessages()).hasSize(2);
        assertThat(res.failureMessages().get(0)).startsWith("失败 t.yaml › pro（")
                .contains("amount      期望 999.00，实际 1099.00（+100.00）")
                .contains("unitPrice   期望 999.00，实际 1099.00")
                .contains("合计：期望 2999.00，实际 3099.00（+100.00）");
        assertThat(res.failureMessages().get(1)).startsWith("失败 t.yaml › pro again（");
    }

    /** A tariff that declares English gets its differences in English (the seed above speaks Chinese). */
    @Test
    void anEnglishTariffIsToldInEnglish() throws Exception {
        Evaluator english = Evaluator.compile(im.tariff.compile.RuleSource.fromDirectory(
                java.nio.file.Path.of("src/test/resources/tariffs/mini")));
        SuiteResult r = suiteOf("- name: paid\n  request: {appId: \"1\", billingMonth: \"2026-10\", plan: PAID}\n"
                + "  expect: {total: 0}\n- name: typo\n  request: {appId: \"1\", billingMonth: \"2026-10\", "
                + "plan: PAID, usage: {seat: 1}}\n  expect: {total: 0}\n").run(english);
        assertThat(r.summary()).isEqualTo("0 passed, 2 failed");
        assertThat(r.failureMessages().get(0)).startsWith("FAIL t.yaml › paid  (").contains("t.yaml:1)\n")
                .contains("unexpected line PLAN_FEE: amount ").contains("total: expected 0, actual ");
        assertThat(r.failureMessages().get(1)).contains("the request was refused as bad input: usage.seat: unknown field");
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
