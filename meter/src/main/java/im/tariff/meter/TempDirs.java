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

    /** A folder removed when the run ends, also when the JVM is stopped (Ctrl-C, SIGTERM) before the run does. */
    static Path createForRun(String prefix) throws IOException {
        Path dir = create(prefix);
        Thread hook = new Thread(() -> delete(dir), "tariff-meter-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        HOOKS.put(dir, hook);
        return dir;
    }

    /** Removes a folder made by {@link #createForRun} and its shutdown hook. */
    static void release(Path dir) {
        delete(dir);
        Thread hook = HOOKS.remove(dir);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway
            }
        }
    }

    private static final java.util.Map<Path, Thread> HOOKS = new java.util.concurrent.ConcurrentHashMap<>();

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
