package im.tariff.scenario;

import im.tariff.evaluate.Evaluator;
import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.SharedEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A rules folder with its scenarios, compiled once for all scenario tests (a compile takes a second or
 * two). LIVE is the analysts' rules/ (only its own scenarios pin it); SEED is the frozen seed tariff that
 * the tests of the scenario mechanics edit and break, so an analyst's edit of rules/ never breaks them.
 */
final class ProjectRules {

    static final ProjectRules LIVE = new ProjectRules(Path.of("rules"));
    static final ProjectRules SEED = new ProjectRules(SharedEngine.SEED);
    /** The two other real sheets, written in rules only: the 2024 domestic one and the international one. */
    static final ProjectRules CN_2024 = new ProjectRules(Path.of("examples/tariffs/cn-2024"));
    static final ProjectRules INTL = new ProjectRules(Path.of("examples/tariffs/intl"));
    /** Other vendors' sheets: ZEGOCLOUD, RongCloud's Beijing (USD) and CNY sheets, and a contract variant of the latter. */
    static final ProjectRules ZEGOCLOUD = new ProjectRules(Path.of("examples/tariffs/zegocloud"));
    static final ProjectRules RONGCLOUD_BEIJING = new ProjectRules(Path.of("examples/tariffs/rongcloud-beijing"));
    static final ProjectRules RONGCLOUD = new ProjectRules(Path.of("examples/tariffs/rongcloud"));
    static final ProjectRules RONGCLOUD_CONTRACT = new ProjectRules(Path.of("examples/tariffs/rongcloud-contract"));

    final Path rules;
    final Path scenarios;
    private Evaluator compiled;

    private ProjectRules(Path rules) {
        this.rules = rules;
        this.scenarios = rules.resolve("scenarios");
    }

    synchronized Evaluator get() {
        if (compiled == null) {
            compiled = compile(source());
        }
        return compiled;
    }

    RuleSource source() {
        try {
            return RuleSource.fromDirectory(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules with one file's text edited, as an analyst would. */
    Evaluator edited(String file, UnaryOperator<String> edit) {
        Map<String, String> files = new TreeMap<>(source().files());
        String before = files.get(file);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changed nothing in " + file);
        }
        files.put(file, after);
        return compile(new RuleSource("edited", files));
    }

    static Evaluator compile(RuleSource source) {
        try {
            return Evaluator.compile(source);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
