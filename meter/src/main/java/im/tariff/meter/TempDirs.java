package im.tariff.meter;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Temporary folders of a run: made under the system's temporary folder, removed whole when the run ends. */
final class TempDirs {
    private TempDirs() {
    }

    static Path create(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Removes a folder and everything in it; a folder already gone is fine. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // removed meanwhile
        } catch (IOException e) {
            System.err.println("warning: could not remove the temporary folder " + dir + ": " + e.getMessage());
        }
    }
}
