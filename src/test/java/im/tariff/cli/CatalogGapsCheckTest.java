package im.tariff.cli;

import static im.tariff.cli.EvaluateCommandTest.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tariff check reports the gaps of a catalog, and rules that fail when they fire, at their file:line. */
class CatalogGapsCheckTest {

    @TempDir
    Path dir;

    @Test
    void theSeedTariffHasNoGaps() throws Exception {
        Cli.Result r = Cli.process("check", "--rules", RuleFolders.copyOfBundled(dir).toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("没有发现缺口");
    }

    @Test
    void aPlanWithoutAFeeIsReportedAtItsDeclaration() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        int line = RuleFolders.breakFirst(rules.resolve("catalog.drl"), "$c.plan(\"FLAGSHIP\", \"旗舰版\");",
                "$c.plan(\"FLAGSHIP\", \"旗舰版\"); $c.plan(\"ENTERPRISE\", \"企业版\", \"PRO\");");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("catalog.drl") + ":" + line + ": 套餐 ENTERPRISE（企业版）没有套餐包费用");
    }

    @Test
    void aLanguageTheProductDoesNotSpeakIsReportedAtItsDeclaration() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        RuleFolders.breakFirst(rules.resolve("catalog.drl"), "$c.language(\"zh\");", "$c.language(\"fr\");");
        int rule = RuleFolders.breakFirst(rules.resolve("catalog.drl"), "rule \"目录：币种与套餐\"", "rule \"目录：币种与套餐\"");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        // at the declaring rule (where the catalog's own problems are located)
        assertThat(r.err()).contains(rules.resolve("catalog.drl") + ":" + rule + ": 不支持的语言 'fr'");
    }

    @Test
    void anOfferedAddOnWithoutAPriceOnAPlanIsReported() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        // AVCHATROOM_UNLIMITED now says FLAGSHIP offers it, but FLAGSHIP has no price for it
        int line = RuleFolders.breakFirst(rules.resolve("catalog.drl"),
                "BillingMode.PREPAID,  \"PRO\");", "BillingMode.PREPAID,  \"PRO\", \"FLAGSHIP\");");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("catalog.drl") + ":" + line
                + ": 增值服务 AVCHATROOM_UNLIMITED 写明提供于旗舰版，但旗舰版没有它的价格");
    }

    @Test
    void aMeterNoRuleReadsAndALineCodeNoRuleProducesAreReported() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        int meter = RuleFolders.breakFirst(rules.resolve("catalog.drl"), "$c.count(\"USERS\",",
                "$c.count(\"ONLINE\", \"online\", \"在线人数\", \"人\"); $c.count(\"USERS\",");
        int lineCode = RuleFolders.breakFirst(rules.resolve("catalog.drl"), "$c.line(\"DAU_OVERAGE\",",
                "$c.line(\"SMS_FEE\", \"短信费\"); $c.line(\"DAU_OVERAGE\",");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("catalog.drl") + ":" + meter + ": 用量指标 ONLINE（在线人数）没有任何规则读取")
                .contains(rules.resolve("catalog.drl") + ":" + lineCode + ": 账单行 SMS_FEE 没有任何规则产生");
    }

    @Test
    void aTermNamingAnUndeclaredLineCodeIsReportedAtItsRule() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        RuleFolders.breakFirst(rules.resolve("plans.drl"), "\"PLAN_FEE\", \"2999.00\"", "\"PLAN_FEES\", \"2999.00\"");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).containsPattern(java.util.regex.Pattern.quote(rules.resolve("plans.drl").toString())
                + ":\\d+: 规则 \"旗舰版套餐包费用\" 使用了目录里没有声明的 账单行 PLAN_FEES");
    }

    @Test
    void aRuleThatCompilesButFailsWhenItFiresIsReportedByRuleAndLine() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        int line = RuleFolders.breakFirst(rules.resolve("plans.drl"), "Account(plan == \"PRO\")",
                "Account(plan == \"PRO\", billingMonth >= \"2024-01\")");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains(rules.resolve("plans.drl") + ":" + line + ": 规则 \"专业版套餐包费用\" 执行出错")
                .contains("类型不符");
        assertNoStackTrace(r.err());
    }

    @Test
    void evaluateNamesTheFailingRuleAndItsLine() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        int line = RuleFolders.breakFirst(rules.resolve("plans.drl"), "Account(plan == \"PRO\")",
                "Account(plan == \"PRO\", billingMonth >= \"2024-01\")");
        Path request = dir.resolve("pro.json");
        Files.writeString(request, "{\"appId\": \"1\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}",
                StandardCharsets.UTF_8);

        Cli.Result r = Cli.run("evaluate", "--rules", rules.toString(), request.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).startsWith("error: " + rules.resolve("plans.drl") + ":" + line
                + ": 规则 \"专业版套餐包费用\" 执行出错");
    }
}
