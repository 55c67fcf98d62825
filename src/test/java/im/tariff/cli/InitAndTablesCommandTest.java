package im.tariff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tariff init} writes a sheet that checks and tests clean, in either language and any currency, and never
 * into a folder that holds something; {@code tariff test --coverage} names a table's rule by its row and a library
 * rule by its name in the sheet's language.
 */
class InitAndTablesCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aNewChineseSheetChecksAndTestsClean() throws Exception {
        Path dir = tmp.resolve("新资费");
        Cli.Result init = Cli.process("init", dir.toString());
        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("已建立新资费", "./tariff check --rules " + dir);
        assertThat(Files.readString(dir.resolve("catalog.drl"), StandardCharsets.UTF_8))
                .contains("$c.language(\"zh\")", "$c.currency(\"CNY\", \"元\")", "$c.plan(\"BASIC\", \"基础版\")");
        for (String f : InitCommand.FILES) {
            assertThat(dir.resolve(f)).isRegularFile();
        }

        Cli.Result check = Cli.process("check", "--rules", dir.toString());
        assertThat(check.status()).as(check.err()).isZero();
        assertThat(check.out()).contains("规则检查通过");
        Cli.Result test = Cli.process("test", "--rules", dir.toString(), "--coverage");
        assertThat(test.status()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("1 个通过，0 个失败", "资费的每条规则（共 1 条）都有场景触发");
    }

    @Test
    void anEnglishSheetInAnotherCurrencyChecksAndTestsClean() throws Exception {
        Path dir = tmp.resolve("sheet");
        assertThat(Cli.process("init", dir.toString(), "--language", "en", "--currency", "EUR").status()).isZero();
        assertThat(Files.readString(dir.resolve("catalog.drl"), StandardCharsets.UTF_8))
                .contains("$c.language(\"en\")", "$c.currency(\"EUR\", \"EUR\")");
        assertThat(Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8)).contains("100.00 EUR");

        assertThat(Cli.process("check", "--rules", dir.toString()).status()).isZero();
        Cli.Result test = Cli.process("test", "--rules", dir.toString());
        assertThat(test.status()).isZero();
        assertThat(test.out()).contains("1 passed, 0 failed");
    }

    @Test
    void aFolderThatHoldsSomethingIsRefusedAndSoAreBadOptions() throws Exception {
        Files.writeString(tmp.resolve("plans.drl"), "// mine\n");
        Cli.Result taken = Cli.run("init", tmp.toString(), "--language", "en");
        assertThat(taken.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(taken.err()).contains("is not an empty folder");
        assertThat(Files.readString(tmp.resolve("plans.drl"))).isEqualTo("// mine\n");

        assertThat(Cli.run("init", tmp.resolve("a").toString(), "--currency", "usd").status()).isEqualTo(2);
        assertThat(Cli.run("init", tmp.resolve("b").toString(), "--language", "fr").status()).isEqualTo(2);
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void coverageNamesATablesRuleByItsRowAndLibraryRulesInTheSheetsLanguage() throws Exception {
        Path fixture = Path.of("src/test/resources/tariffs/tables");
        Cli.Result test = Cli.process("test", "--rules", fixture.toString(), "--coverage");

        assertThat(test.status()).as(test.out() + test.err()).isZero();
        assertThat(test.out())
                .contains("paid backup  (" + fixture.resolve("prices.drl.csv") + " row 18)")
                .contains("free plan  (" + fixture.resolve("prices.drl.csv") + " row 10)")
                .containsPattern("Usage above the plan limit  \\(library/limits\\.drl:\\d+\\)   library rule")
                .doesNotContain("用量超出套餐上限");
    }
}
