package im.tariff.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import im.tariff.compile.RuleSource;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@code onChange} (on its own daemon thread) when the rule files or scenarios under a folder change.
 * <p>
 * File system events only wake it up: after they have been quiet for the debounce time it compares a
 * fingerprint (path, size and modification time of every .drl file and every scenario file) with the last
 * one, so an editor's temporary and swap files, or a save that renames a new file over the old one, give
 * one reload of the finished files. A slow poll of the same fingerprint backs the events up when they
 * cannot be seen (the folder replaced whole by a rename, an event overflow).
 */
final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);

    private final Path dir;
    private final long debounceMillis;
    private final long pollMillis;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean closed;
    private WatchService watchService;
    private Object watchedDirKey;
    private Object fingerprint;

    RulesWatcher(Path dir, Duration debounce, Duration poll, Runnable onChange) {
        this.dir = dir.toAbsolutePath().normalize();
        this.debounceMillis = Math.max(1, debounce.toMillis());
        this.pollMillis = Math.max(debounceMillis, poll.toMillis());
        this.onChange = onChange;
        this.thread = new Thread(this::run, "tariff-rules-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching; changes made after this call are seen. */
    void start() throws IOException {
        fingerprint = fingerprint();
        register();
        thread.start();
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        closeWatchService();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!closed) {
            try {
                WatchKey key = watchService == null ? null : watchService.poll(pollMillis, TimeUnit.MILLISECONDS);
                if (key != null) {
                    drain(key);
                    // wait until the editor (or the copy) has finished writing
                    WatchKey more;
                    while ((more = watchService.poll(debounceMillis, TimeUnit.MILLISECONDS)) != null) {
                        drain(more);
                    }
                } else if (watchService == null) {
                    Thread.sleep(pollMillis);
                }
                if (!Objects.equals(folderKey(), watchedDirKey)) {
                    register(); // the folder was replaced, or is back
                }
                Object now = fingerprint();
                if (!now.equals(fingerprint)) {
                    fingerprint = now;
                    onChange.run();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                if (closed) {
                    return;
                }
            } catch (Exception | Error e) {
                // keep watching whatever happens: the service must outlive a bad edit
                LOG.error("rules watcher: {}", e.toString());
                sleepQuietly();
            }
        }
    }

    private void drain(WatchKey key) throws IOException {
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && key.watchable() instanceof Path parent
                    && event.context() instanceof Path child && Files.isDirectory(parent.resolve(child))) {
                registerTree(parent.resolve(child)); // a new subfolder, e.g. scenarios/ created after start
            }
        }
        key.reset();
    }

    private void register() throws IOException {
        closeWatchService();
        watchedDirKey = folderKey();
        if (watchedDirKey == null) {
            return; // the folder is gone for now: the poll will see it come back
        }
        watchService = dir.getFileSystem().newWatchService();
        registerTree(dir);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isDirectory)::iterator) {
                p.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        } catch (NoSuchFileException e) {
            // removed while we walked it: the next event or poll catches up
        }
    }

    private void closeWatchService() {
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException e) {
                LOG.debug("closing watch service", e);
            }
            watchService = null;
        }
    }

    /** The folder's identity (inode), to notice it replaced by a rename; null when missing. */
    private Object folderKey() {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Path → size and modification time of every file a reload reads: the folder's, and those of the folders it
     * builds on (its base.txt): an edit of a base reloads its variant too (seen by the poll).
     */
    private Object fingerprint() {
        TreeMap<String, String> files = new TreeMap<>();
        try {
            List<Path> folders = Files.isDirectory(dir) ? RuleSource.baseChain(dir) : List.of(dir);
            for (Path folder : folders) {
                boolean own = folder.toAbsolutePath().normalize().equals(dir);
                add(folder, own ? "" : folder.toAbsolutePath().normalize() + "!", own, files);
            }
        } catch (IOException | RuntimeException e) {
            return "unreadable: " + e.getClass().getSimpleName() + " " + e.getMessage();
        }
        return files;
    }

    private static void add(Path folder, String prefix, boolean own, TreeMap<String, String> files) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                // a base's scenarios are its own business; its rules are the variant's too
                if (relevant(rel) && (own || !rel.startsWith("scenarios/"))) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            files.put(prefix + rel, a.size() + "@" + a.lastModifiedTime() + "/" + a.fileKey());
                        }
                    } catch (IOException e) {
                        files.put(prefix + rel, "?"); // vanished between listing and reading
                    }
                }
            }
        }
    }

    /** Rule files anywhere, the base.txt of a variant and scenario files; never hidden, backup or temporary files. */
    static boolean relevant(String rel) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.startsWith(".") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".tmp") || name.startsWith("#")) {
            return false;
        }
        return RuleSource.isRuleFile(name) || rel.equals(RuleSource.BASE_FILE) || rel.startsWith("scenarios/");
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
