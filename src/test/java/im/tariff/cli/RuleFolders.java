package im.tariff.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Temporary copies of the seed tariff's rules folder, broken on purpose at a known line. */
final class RuleFolders {

    private RuleFolders() {
    }

    /** Copies the seed tariff's *.drl (a frozen copy of the tariff, see SharedEngine) into dir/rules. */
    static Path copyOfBundled(Path dir) throws IOException {
        Path target = dir.resolve("rules");
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(im.tariff.evaluate.SharedEngine.SEED)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".drl"))::iterator) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }

    /**
     * Replaces the first occurrence of text in file by replacement and returns its 1-based line: the line a
     * rule problem must be reported at. Found by content, so the tests follow edits to the rules.
     */
    static int breakFirst(Path file, String text, String replacement) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                lines.set(i, lines.get(i).replace(text, replacement));
                Files.write(file, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new AssertionError(file + " no longer contains " + text);
    }
}
