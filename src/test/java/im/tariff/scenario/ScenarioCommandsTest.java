package im.tariff.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.cli.TariffCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** tariff test and tariff diff as an analyst runs them: output and exit status (docs/FORMAT.md). */
class ScenarioCommandsTest {

    private static final String PASSING = """
            scenarios:
              - name: PRO fee
                request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                expect:
                  total: 999.00
                  lines: [{code: PLAN_FEE, amount: 999.00}]
            """;

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private static Run tariff(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = TariffCli.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** A copy of the project's rules/*.drl (without scenarios) that a test may edit. */
    private Path rulesCopy(String name) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        try (Stream<Path> drl = Files.list(ProjectRules.SEED.rules)) {
            for (Path f : (Iterable<Path>) drl.filter(p -> p.toString().endsWith(".drl"))::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void passingFailingAndMalformedScenarios() throws IOException {
        Path rules = rulesCopy("rules");
        Path ok = Files.writeString(tmp.resolve("ok.yaml"), PASSING);
        Run pass = tariff("test", "--rules", rules.toString(), ok.toString());
        assertThat(pass.status()).isZero();
        assertThat(pass.lastLine()).isEqualTo("1 个通过，0 个失败");

        Path bad = Files.writeString(tmp.resolve("bad.yaml"), PASSING.replace("999.00}", "998.00}"));
        Run fail = tariff("test", "--rules", rules.toString(), ok.toString(), bad.toString());
        assertThat(fail.status()).isEqualTo(1);
        assertThat(fail.out()).contains("失败 bad.yaml › PRO fee", "账单行 PLAN_FEE（规则 \"专业版套餐包费用\"",
                "amount      期望 998.00，实际 999.00（+1.00）");
        assertThat(fail.lastLine()).isEqualTo("1 个通过，1 个失败");

        Path broken = Files.writeString(tmp.resolve("broken.yaml"), PASSING.replace("name: PRO fee", "nam: PRO fee"));
        Run malformed = tariff("test", "--rules", rules.toString(), broken.toString());
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).startsWith(broken + ":2: ").contains("未知的键「nam」"); // the rules speak Chinese
    }

    @Test
    void rulesThatDoNotCompileExitWith3() throws IOException {
        Path rules = rulesCopy("broken-rules");
        edit(rules.resolve("plans.drl"), "rule \"专业版套餐包费用\"\nwhen", "rule \"专业版套餐包费用\"\nwhen when");
        Path ok = Files.writeString(tmp.resolve("ok.yaml"), PASSING);
        Run r = tariff("test", "--rules", rules.toString(), ok.toString());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("plans.drl:");
    }

    @Test
    void defaultPathIsTheScenariosFolderOfTheRulesAndCoverageFailsForAnUnfiredRule() throws IOException {
        Path rules = rulesCopy("cov-rules");
        Files.createDirectories(rules.resolve("scenarios"));
        Files.writeString(rules.resolve("scenarios/ok.yaml"), PASSING);
        Run plain = tariff("test", "--rules", rules.toString());
        assertThat(plain.status()).isZero();
        assertThat(plain.out()).contains("1 个场景，来自 [" + rules.resolve("scenarios") + "]");
        Run cov = tariff("test", "--coverage", "--rules", rules.toString());
        assertThat(cov.status()).isEqualTo(1);
        assertThat(cov.out()).containsPattern("\\s1  专业版套餐包费用  （\\S+plans.drl:\\d+）\\n")
                .containsPattern("\\s0  旗舰版套餐包费用  （\\S+plans.drl:\\d+）   <-- 没有场景")
                .containsPattern("   -  目录：币种与套餐  （\\S+catalog.drl:\\d+）   编译规则时声明目录")
                .containsPattern("   -  超量费用：超出免费额度的部分按块计费，不足一块按一块  （library/usage-charges.drl:\\d+）   引擎通用规则");
        assertThat(cov.lastLine()).isEqualTo("1 个通过，0 个失败");
    }

    @Test
    void theProjectSuiteCoversEveryRule() {
        Run cov = tariff("test", "--coverage", "--rules", ProjectRules.SEED.rules.toString());
        assertThat(cov.status()).as(cov.out()).isZero();
        assertThat(cov.out()).contains("资费的每条规则（共 " + ProjectRules.SEED.get().billingRules().size()
                + " 条）都有场景触发；共列出 " + ProjectRules.SEED.get().ruleNames().size() + " 条规则");
        assertThat(cov.lastLine()).matches("\\d+ 个通过，0 个失败");
    }

    @Test
    void diffShowsEveryChangedBillAndTheRevenueDifference() throws IOException {
        Path newRules = rulesCopy("new-rules");
        edit(newRules.resolve("plans.drl"), "\"999.00\"", "\"1099.00\"");
        Path requests = Files.writeString(tmp.resolve("requests.jsonl"), String.join("\n",
                "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\", \"usage\": {\"peakDau\": 20001}}",
                "{\"appId\": \"2\", \"billingMonth\": \"2026-10\", \"plan\": \"FLAGSHIP\"}",
                "{\"appId\": \"3\", \"billingMonth\": \"2026-10\", \"plan\": \"GOLD\"}",
                "",
                "{\"appId\": \"4\", \"billingMonth\": \"2026-10\", \"plan\": \"专业版\", \"requestedPlan\": \"TRIAL\"}") + "\n");
        Run r = tariff("diff", "--base", ProjectRules.SEED.rules.toString(), "--rules", newRules.toString(),
                requests.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("line 1  app 1  2026-10  PRO  total 2999.00 → 3099.00 (+100.00)",
                "PLAN_FEE                         999.00 → 1099.00  (+100.00)  unitPrice 999.00 → 1099.00",
                "line 5  app 4  2026-10  PRO  total 999.00 → 1099.00 (+100.00)");
        assertThat(r.out()).doesNotContain("app 2 ");
        assertThat(r.err()).contains("line 3: skipped, bad request: plan: 未知的套餐「GOLD」");
        assertThat(r.out()).contains("bills compared: 3, bills changed: 2, lines skipped: 1",
                "revenue: 6997.00 → 7197.00 (difference +200.00)");
    }

    @Test
    void diffReportsViolationsAddedAndRemoved() throws IOException {
        Path newRules = rulesCopy("limit-rules");
        edit(newRules.resolve("limits.drl"), "Limit.of(kcontext, \"USERS\", 100)", "Limit.of(kcontext, \"USERS\", 200)");
        edit(newRules.resolve("limits.drl"), "Limit.of(kcontext, \"TOTAL_GROUPS\", 100)", "Limit.of(kcontext, \"TOTAL_GROUPS\", 50)");
        Path requests = Files.writeString(tmp.resolve("r.jsonl"),
                "{\"appId\": \"9\", \"billingMonth\": \"2026-10\", \"plan\": \"TRIAL\", \"usage\": {\"users\": 150, \"totalGroups\": 60}}\n");
        Run r = tariff("diff", "--base", ProjectRules.SEED.rules.toString(), "--rules", newRules.toString(), requests.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("line 1  app 9  2026-10  TRIAL  total 0.00 → 0.00 (+0.00)",
                "+ violation LIMIT_EXCEEDED TOTAL_GROUPS", "- violation LIMIT_EXCEEDED USERS",
                "bills compared: 1, bills changed: 1", "(difference +0.00)");
    }

    @Test
    void acceptRewritesNumbersAfterADeliberateChangeButNotMissingLines() throws IOException {
        Path rules = rulesCopy("accept-rules");
        edit(rules.resolve("plans.drl"), "\"999.00\"", "\"1099.00\"");
        Path file = Files.writeString(tmp.resolve("a.yaml"), """
                # PRO fee (comment kept)
                scenarios:
                  - name: PRO fee
                    request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                    expect:
                      total: "999.00"
                      lines: [{code: PLAN_FEE, amount: 999.00, unitPrice: 999, periodEnd: 2026-10-31}]
                  - name: PRO with a line that is not there
                    request: {appId: "1", billingMonth: "2026-10", plan: PRO}
                    expect:
                      total: 999.00
                      lines:
                        - {code: PLAN_FEE, amount: 999.00}
                        - {code: DAU_OVERAGE, amount: 1000.00}
                """);
        Run r = tariff("test", "--accept", "--rules", rules.toString(), file.toString());
        assertThat(r.out()).contains("已改写 " + file + ":6  total 999.00 → 1099.00",
                "已改写 " + file + ":7  amount 999.00 → 1099.00", "已改写 " + file + ":7  unitPrice 999 → 1099.00",
                "已接受 5 个值");
        assertThat(Files.readString(file)).startsWith("# PRO fee (comment kept)\n")
                .contains("total: \"1099.00\"\n",
                        "lines: [{code: PLAN_FEE, amount: 1099.00, unitPrice: 1099.00, periodEnd: 2026-10-31}]",
                        "- {code: DAU_OVERAGE, amount: 1000.00}");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("缺少账单行 DAU_OVERAGE");
        assertThat(r.lastLine()).isEqualTo("1 个通过，1 个失败");
    }
}
