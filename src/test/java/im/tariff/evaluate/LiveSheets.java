package im.tariff.evaluate;

import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The sheets the project ships, as they are on disk (rules/ and every folder under examples/tariffs/),
 * compiled once per test JVM. Tests that run on them may compare the engine with an oracle or check properties
 * that hold for any tariff; none of them may pin a price (the scenarios of each sheet do that).
 */
public final class LiveSheets {

    private static final Map<Path, Evaluator> COMPILED = new ConcurrentHashMap<>();

    private LiveSheets() {
    }

    /** rules/ first, then every sheet folder under examples/tariffs/, by name. */
    public static List<Path> all() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of("rules"));
        try (Stream<Path> dirs = Files.list(Path.of("examples", "tariffs"))) {
            dirs.filter(Files::isDirectory).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static Evaluator evaluator(Path sheet) {
        return COMPILED.computeIfAbsent(sheet, s -> {
            try {
                return Evaluator.compile(RuleSource.fromDirectory(s));
            } catch (RuleCompilationException e) {
                throw new AssertionError(s + " does not compile:\n" + e.getMessage(), e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
