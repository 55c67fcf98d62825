package im.tariff.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A scratch copy of the project's rules/ that tests edit the way an analyst would. */
public final class RulesFolder {

    public static final String PRO_FEE = "\"999.00\"";

    private final Path dir;

    public RulesFolder(Path dir) throws IOException {
        this.dir = dir;
        try (Stream<Path> files = Files.list(im.tariff.evaluate.SharedEngine.SEED)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".drl"))::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /** The seed plans.drl with the PRO plan fee set to {@code fee} (e.g. "1234.00"). */
    public static String plansWithProFee(String fee) throws IOException {
        String plans = Files.readString(im.tariff.evaluate.SharedEngine.SEED.resolve("plans.drl"), StandardCharsets.UTF_8);
        if (!plans.contains(PRO_FEE)) {
            throw new IllegalStateException("the seed plans.drl no longer holds the PRO fee " + PRO_FEE);
        }
        return plans.replace(PRO_FEE, "\"" + fee + "\"");
    }

    /** Writes a file the way many editors save: a temporary file renamed over the old one. */
    public void write(String name, String text) throws IOException {
        Path target = dir.resolve(name);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void setProFee(String fee) throws IOException {
        write("plans.drl", plansWithProFee(fee));
    }

    /** plans.drl with a syntax error on its line 11 (the first rule's "when"). */
    public void breakSyntax() throws IOException {
        write("plans.drl", plansWithProFee("999.00").replaceFirst("when", "whne"));
    }

    /** plans.drl whose PRO fee rule also reads the environment. */
    public void makeUnsafe() throws IOException {
        write("plans.drl", plansWithProFee("999.00").replaceFirst("then\n", "then\n    System.getenv(\"HOME\");\n"));
    }
}
