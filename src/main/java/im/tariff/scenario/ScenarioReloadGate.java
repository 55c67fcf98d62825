package im.tariff.scenario;

import im.tariff.evaluate.Evaluator;
import im.tariff.reload.ReloadGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reload gate of a rules folder: every scenario in {@code <rulesDir>/scenarios/} must pass on the
 * candidate rules. The scenarios are read again at every check, so an edited scenario counts at once.
 * A folder without scenarios lets every rule set through.
 */
public final class ScenarioReloadGate implements ReloadGate {

    private final Path scenariosDir;

    public ScenarioReloadGate(Path rulesDir) {
        this.scenariosDir = rulesDir.resolve("scenarios");
    }

    @Override
    public List<String> check(Evaluator candidate) {
        if (!Files.isDirectory(scenariosDir)) {
            return List.of();
        }
        ScenarioSuite suite;
        try {
            suite = ScenarioSuite.load(scenariosDir, candidate.reader().messages());
        } catch (ScenarioFormatException e) {
            return List.of(candidate.reader().messages().format("test.malformedScenario", e.getMessage()));
        }
        SuiteResult result = suite.run(candidate);
        if (result.failed() == 0) {
            return List.of();
        }
        List<String> failures = new ArrayList<>(result.failureMessages());
        if (failures.isEmpty()) {
            failures.add(result.summary());
        }
        return failures;
    }
}
