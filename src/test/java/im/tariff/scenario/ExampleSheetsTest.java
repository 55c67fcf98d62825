package im.tariff.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The example sheets under examples/tariffs (cn-2024, intl, zegocloud, rongcloud-beijing, rongcloud and its
 * contract variant) are complete rules folders written without a line of Java: the same jar bills them, every
 * scenario of each passes, and every rule of each fires in one of its scenarios.
 */
class ExampleSheetsTest {

    @TestFactory
    Stream<DynamicNode> everyScenarioOfEverySheet() {
        return Stream.of(ProjectRules.CN_2024, ProjectRules.INTL, ProjectRules.ZEGOCLOUD,
                ProjectRules.RONGCLOUD_BEIJING, ProjectRules.RONGCLOUD, ProjectRules.RONGCLOUD_CONTRACT).map(sheet -> {
            ScenarioSuite suite;
            try {
                suite = ScenarioSuite.load(sheet.scenarios);
            } catch (ScenarioFormatException e) {
                throw new AssertionError(e.getMessage(), e);
            }
            List<DynamicNode> tests = new java.util.ArrayList<>();
            for (Scenario s : suite.scenarios()) {
                tests.add(DynamicTest.dynamicTest(s.displayName(), () -> {
                    ScenarioResult r = ScenarioRunner.run(s, sheet.get());
                    if (!r.passed()) {
                        fail(r.failureMessage());
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest("every rule fires in some scenario", () ->
                    assertThat(suite.run(sheet.get()).uncoveredRules()).as("rules of %s no scenario fires", sheet.rules)
                            .isEmpty()));
            return DynamicContainer.dynamicContainer(sheet.rules.toString(), tests);
        });
    }
}
