package im.tariff.cli;

import static im.tariff.cli.EvaluateCommandTest.assertNoStackTrace;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tariff check (docs/FORMAT.md): exit 0 on clean rules; exit 3 with every problem as file:line: message, the file
 * and line being where the rule text is broken.
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void bundledRulesAreClean() {
        Cli.Result r = Cli.run("check");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aMonthThatIsNoMonthIsRefusedInPlainWords() {
        Cli.Result r = Cli.run("check", "--month", "2026-13");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--month").contains("「2026-13」不是月份").contains("YYYY-MM")
                .doesNotContain("java.").doesNotContain("Exception");
        assertNoStackTrace(r.err());
    }

    @Test
    void projectRulesFolderIsClean() {
        assertThat(Cli.run("check", "--rules", "rules").status()).isZero();
    }

    @Test
    void syntaxErrorIsReportedAtItsFileAndLine() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        Path plans = rules.resolve("plans.drl");
        int line = RuleFolders.breakFirst(plans, "plan == \"PRO\"", "plan === \"PRO\"");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(problemLines(r.err())).containsExactly(plans + ":" + line + ": " + messageOf(r.err(), plans));
        assertThat(r.err()).contains("语法错误");
        assertThat(r.err().strip()).endsWith("1 个问题：规则不能编译 (1 problem(s): rules do not compile)");
        assertNoStackTrace(r.err());
    }

    @Test
    void unknownFactTypeIsReportedAtItsFileAndLine() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        Path limits = rules.resolve("addons.drl");
        int line = RuleFolders.breakFirst(limits, "$addOn : AddOn(type == \"AVCHATROOM_UNLIMITED\")",
                "$addOn : AddOnn(type == \"AVCHATROOM_UNLIMITED\")");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(problemLines(r.err()).get(0)).startsWith(limits + ":" + line + ": ").contains("AddOnn");
        // what follows from it (its bindings unknown further down the rule) is after it, never at line 0
        assertThat(problemLines(r.err())).allSatisfy(l -> assertThat(l).startsWith(limits + ":")
                .doesNotStartWith(limits + ":0:"));
        assertNoStackTrace(r.err());
    }

    @Test
    void errorInAThenPartIsReportedAtThatLine() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        Path overage = rules.resolve("restrictions.drl");
        int line = RuleFolders.breakFirst(overage, "$cat.planName($from)", "$cat.planNamez($from)");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(problemLines(r.err())).hasSize(1);
        assertThat(problemLines(r.err()).get(0)).startsWith(overage + ":" + line + ": ").contains("planNamez");
    }

    @Test
    void problemsInTwoFilesAreAllReported() throws Exception {
        Path rules = RuleFolders.copyOfBundled(dir);
        int plansLine = RuleFolders.breakFirst(rules.resolve("plans.drl"), "plan == \"FLAGSHIP\"",
                "plan == \"FLAGSHIP\")");
        int usageLine = RuleFolders.breakFirst(rules.resolve("barrage.drl"), "DailyUsage(meter", "DailyUsag(meter");

        Cli.Result r = Cli.run("check", "--rules", rules.toString());

        assertThat(r.status()).isEqualTo(3);
        assertThat(problemLines(r.err())).anySatisfy(l -> assertThat(l).startsWith(
                rules.resolve("plans.drl") + ":" + plansLine + ": "));
        assertThat(problemLines(r.err())).anySatisfy(l -> assertThat(l).startsWith(
                rules.resolve("barrage.drl") + ":" + usageLine + ": "));
    }

    @Test
    void emptyOrMissingFolderExits3() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(Cli.run("check", "--rules", empty.toString()).status()).isEqualTo(3);
        assertThat(Cli.run("check", "--rules", dir.resolve("missing").toString()).status()).isEqualTo(3);
    }

    /** The file:line: message lines of the output (the summary line is left out). */
    private static List<String> problemLines(String err) {
        return err.lines().filter(l -> l.matches(".+\\.drl:\\d+: .+")).toList();
    }

    private static String messageOf(String err, Path file) {
        return problemLines(err).stream().filter(l -> l.startsWith(file.toString())).findFirst()
                .map(l -> l.substring(l.indexOf(": ") + 2)).orElse("(none)");
    }
}
