package im.tariff.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every scenario of rules/scenarios/ as its own JUnit test (named "file › scenario"), against the rules
 * of rules/, plus the check that every rule fires in some scenario.
 */
class RuleScenariosTest {

    @TestFactory
    Stream<DynamicTest> everyScenario() throws ScenarioFormatException {
        ScenarioSuite suite = ScenarioSuite.load(ProjectRules.LIVE.scenarios);
        return suite.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.displayName(), () -> {
            ScenarioResult r = ScenarioRunner.run(s, ProjectRules.LIVE.get());
            if (!r.passed()) {
                fail(r.failureMessage());
            }
        }));
    }

    @Test
    void everyRuleFiresInSomeScenario() throws ScenarioFormatException {
        SuiteResult result = ScenarioSuite.load(ProjectRules.LIVE.scenarios).run(ProjectRules.LIVE.get());
        List<String> uncovered = result.uncoveredRules();
        assertThat(uncovered).as("rules that no scenario fires (add a scenario for each)").isEmpty();
        assertThat(result.ruleCoverage().keySet()).containsAll(ProjectRules.LIVE.get().billingRules())
                .containsAll(ProjectRules.LIVE.get().ruleNames());
    }

    @Test
    void theSuiteIsLargeAndEveryViolationCodeIsExpectedSomewhere() throws ScenarioFormatException {
        ScenarioSuite suite = ScenarioSuite.load(ProjectRules.LIVE.scenarios);
        assertThat(suite.scenarios()).hasSizeGreaterThan(80);
        List<String> codes = suite.scenarios().stream()
                .flatMap(s -> s.expect().violations().stream())
                .map(v -> v.get("code")).distinct().toList();
        for (var v : ProjectRules.LIVE.get().catalog().violations()) {
            // the library's closed-world codes appear only where a tariff has a gap, and the bundled one has none
            boolean library = ProjectRules.LIVE.get().locator().inLibrary(v.declared().rule());
            if (!library && !v.code().equals("USAGE_NOT_PRICED")) {
                assertThat(codes).as("a scenario expects " + v.code()).contains(v.code());
            }
        }
        List<String> lineCodes = suite.scenarios().stream()
                .flatMap(s -> s.expect().lines().stream())
                .map(v -> v.get("code")).distinct().toList();
        for (var l : ProjectRules.LIVE.get().catalog().lines()) {
            assertThat(lineCodes).as("a scenario expects a line " + l.code()).contains(l.code());
        }
    }
}
