package im.tariff.scenario;

import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** A set of regression scenarios loaded from YAML files, run against a compiled rule set. */
public final class ScenarioSuite {

    private final List<Scenario> scenarios;

    private ScenarioSuite(List<Scenario> scenarios) {
        this.scenarios = List.copyOf(scenarios);
    }

    /**
     * Loads one YAML file or every *.yaml/*.yml under a folder (recursively, in name order); what is wrong with
     * a file is said in the default language.
     */
    public static ScenarioSuite load(Path fileOrDir) throws ScenarioFormatException {
        return load(List.of(fileOrDir), Messages.defaults());
    }

    /** As {@link #load(Path)}, what is wrong said in the words given (those of the rules under test). */
    public static ScenarioSuite load(Path fileOrDir, Messages words) throws ScenarioFormatException {
        return load(List.of(fileOrDir), words);
    }

    /** Loads several files or folders into one suite. */
    public static ScenarioSuite load(Collection<Path> paths, Messages words) throws ScenarioFormatException {
        List<Scenario> all = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                for (Path f : yamlFiles(p, words)) {
                    all.addAll(ScenarioLoader.load(f, p.relativize(f).toString().replace('\\', '/'), words));
                }
            } else if (Files.isRegularFile(p)) {
                all.addAll(ScenarioLoader.load(p, String.valueOf(p.getFileName()), words));
            } else {
                throw new ScenarioFormatException(p.toString(), 0, words.format("scenario.noSuchPath"));
            }
        }
        return new ScenarioSuite(all);
    }

    private static List<Path> yamlFiles(Path dir, Messages words) throws ScenarioFormatException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ScenarioFormatException(dir.toString(), 0, words.format("scenario.cannotList", e.getMessage()));
        }
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    /** Runs every scenario; never throws for a failing scenario. */
    public SuiteResult run(Evaluator rules) {
        List<ScenarioResult> results = new ArrayList<>(scenarios.size());
        for (Scenario s : scenarios) {
            results.add(ScenarioRunner.run(s, rules));
        }
        return new SuiteResult(results, rules.ruleKinds(), rules.reader().messages());
    }
}
