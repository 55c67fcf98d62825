package im.tariff.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a rule set: every {@code .drl} file of a folder (recursively, read as UTF-8), keyed by its
 * path relative to the folder. Its {@link #version()} is a content hash, so equal files give equal versions.
 */
public final class RuleSource {

    /** Classpath folder where the build bundles the project's rules/. */
    public static final String BUNDLED_FOLDER = "rules";

    private final String origin;
    private final Map<String, String> files;
    private final String version;

    public RuleSource(String origin, Map<String, String> files) {
        this.origin = origin;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.version = hash(this.files);
    }

    /** Reads every .drl file under dir. */
    public static RuleSource fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("rules folder not found: " + dir);
        }
        return new RuleSource(dir.toString(), readDrl(dir));
    }

    /** The rules bundled in the jar (or in target/classes when run from the build). */
    public static RuleSource bundled() {
        URL marker = RuleSource.class.getClassLoader().getResource(BUNDLED_FOLDER + "/catalog.drl");
        if (marker == null) {
            throw new IllegalStateException("no bundled rules on the classpath (expected " + BUNDLED_FOLDER + "/*.drl)");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return new RuleSource("(bundled)", readDrl(jar.getPath("/" + BUNDLED_FOLDER)));
                }
            }
            return new RuleSource("(bundled)", readDrl(Path.of(uri).getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readDrl(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".drl"))::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where the files came from: a folder path, or "(bundled)". */
    public String origin() {
        return origin;
    }

    /** File name (relative to the rules folder) → DRL text, sorted by name. */
    public Map<String, String> files() {
        return files;
    }

    /** Short content hash of all files (12 hex digits of SHA-256). */
    public String version() {
        return version;
    }
}
