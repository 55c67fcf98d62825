package im.tariff.compile;

import im.tariff.evaluate.Evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleLint;
import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.compile.UnsafeRulesException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleLintTest {

    private static final String HEAD = "package im.tariff.rules;\nimport im.tariff.model.*;\n";

    private static String rule(String then) {
        return HEAD + "rule \"r\"\nwhen\n    Account()\nthen\n    " + then + "\nend\n";
    }

    private static List<RuleProblem> lint(String text) {
        return RuleLint.check("rules/x.drl", text);
    }

    @Test
    void theProjectRulesAreClean() throws Exception {
        assertThat(RuleLint.check(RuleSource.fromDirectory(im.tariff.evaluate.SharedEngine.SEED))).isEmpty();
        assertThat(RuleLint.check(RuleSource.bundled())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(0);",
            "java.lang.System.exit(0);",
            "java . lang . System . exit(0);",
            "java/* hidden */.lang.\n  System.exit(0);",
            "Runtime.getRuntime().exec(\"rm -rf /\");",
            "new ProcessBuilder(\"sh\").start();",
            "new Thread(() -> {}).start();",
            "Class.forName(\"x.Y\");",
            "Object o = $x.getClass().getDeclaredMethods();",
            "String.class.getMethods();",
            "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));",
            "new java.io.File(\"/tmp/x\").delete();",
            "new java.net.URL(\"http://example.com\").openStream();",
            "java.lang.reflect.Array.newInstance(null, 1);",
            "java.lang.invoke.MethodHandles.lookup();",
            "Thread.currentThread().getContextClassLoader().loadClass(\"x\");",
            "\\u0053ystem.exit(0);",
            "// a comment \\u000a System.exit(0);",
            "javax.script.ScriptEngine e = null;",
            "java.util.concurrent.Executors.newFixedThreadPool(1);",
            "org.kie.api.KieServices.Factory.get();",
            "im.tariff.reload.LiveEvaluator.fromDirectory(im.tariff.evaluate.SharedEngine.SEED);",
            "kcontext.getKieRuntime().halt();",
            "while (true) { }",
            "for (;;) { }",
            "for (int i = 0; i < 10; i--) { }",
            "java.lang.Runtime r = null;",
    })
    void refusesCodeThatReachesOutside(String then) {
        List<RuleProblem> problems = lint(rule(then));
        assertThat(problems).as(then).isNotEmpty();
        // the finding names the file and the line of the consequence (line 7), or the next one
        assertThat(problems.get(0).file()).isEqualTo("rules/x.drl");
        assertThat(problems.get(0).line()).isBetween(7, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import java.io.File;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import static java.lang.System.exit;",
            "import java.lang.reflect.Method;",
            "import function java.lang.System.exit;",
            "import accumulate org.evil.Sum evilSum;",
            "global java.util.List results;",
    })
    void refusesImportsAndGlobalsOutsideTheAllowList(String header) {
        List<RuleProblem> problems = lint("package im.tariff.rules;\n" + header + "\n");
        assertThat(problems).as(header).isNotEmpty();
        assertThat(problems.get(0).line()).isEqualTo(2);
        assertThat(problems.get(0).toString()).startsWith("rules/x.drl:2: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "// System.exit(0) in a comment is harmless\n    insert(new Usage(\"DAU\", 1));",
            "/* Runtime, Thread, java.io.File */ insert(new Usage(\"DAU\", 1));",
            "String s = \"System.exit(0) and java.io.File in a description\";",
            "String s = \"escaped \\\" quote then System in text\";",
            "java.math.BigDecimal x = java.math.BigDecimal.ZERO.add(1000B);",
            "java.time.LocalDate d = java.time.LocalDate.of(2026, 1, 31);",
            "java.util.List l = new java.util.ArrayList();",
            "for (Object o : java.util.List.of(1, 2)) { }",
            "java.math.BigDecimal net = java.math.BigDecimal.ONE; net.add(java.math.BigDecimal.TEN); String io = net.toString();",
    })
    void acceptsTariffCode(String then) {
        assertThat(lint(rule(then))).as(then).isEmpty();
    }

    @Test
    void acceptsTheAllowedImports() {
        String text = "package im.tariff.rules;\nimport im.tariff.model.*;\nimport java.math.BigDecimal;\n"
                + "import java.math.RoundingMode;\nimport java.time.LocalDate;\nimport java.util.List;\n"
                + "import static java.math.BigDecimal.ZERO;\n";
        assertThat(lint(text)).isEmpty();
    }

    @Test
    void refusesRecursiveFunctions() {
        String text = HEAD + "function int f(int n) {\n  return n <= 0 ? 0 : f(n - 1);\n}\n"
                + "function int g(int n) {\n  return h(n);\n}\nfunction int h(int n) {\n  return g(n);\n}\n"
                + "function int ok(int n) {\n  return Math.max(n, 0);\n}\n";
        assertThat(lint(text)).extracting(RuleProblem::line).containsExactly(3, 6, 9);
    }

    @Test
    void reportsEveryFindingWithItsLine() {
        String text = HEAD + "rule \"a\"\nwhen\n  Account()\nthen\n  System.exit(1);\n"
                + "  // fine: System\n  Runtime.getRuntime();\nend\n";
        assertThat(lint(text)).extracting(RuleProblem::line).containsExactly(7, 9);
    }

    @Test
    void theCompilerRefusesUnsafeRulesBeforeCompiling() {
        RuleSource source = new RuleSource("rules", Map.of("evil.drl", rule("System.exit(3);")));
        assertThatThrownBy(() -> Evaluator.compile(source))
                .isInstanceOf(UnsafeRulesException.class)
                .hasMessageContaining("rules/evil.drl:7:")
                .hasMessageContaining("System");
    }
}
