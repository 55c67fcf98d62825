package im.tariff.scenario;

import im.tariff.engine.CompiledRules;
import im.tariff.engine.RuleCompilationException;
import im.tariff.engine.RuleCompiler;
import im.tariff.engine.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The project's rules/ folder compiled once for all scenario tests (a compile takes a second or two). */
final class ProjectRules {

    static final Path RULES = Path.of("rules");
    static final Path SCENARIOS = RULES.resolve("scenarios");

    private static CompiledRules compiled;

    private ProjectRules() {
    }

    static synchronized CompiledRules get() {
        if (compiled == null) {
            compiled = compile(source());
        }
        return compiled;
    }

    static RuleSource source() {
        try {
            return RuleSource.fromDirectory(RULES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's rules with one file's text edited, as an analyst would. */
    static CompiledRules edited(String file, UnaryOperator<String> edit) {
        Map<String, String> files = new TreeMap<>(source().files());
        String before = files.get(file);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changed nothing in " + file);
        }
        files.put(file, after);
        return compile(new RuleSource("edited", files));
    }

    static CompiledRules compile(RuleSource source) {
        try {
            return RuleCompiler.compile(source);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
