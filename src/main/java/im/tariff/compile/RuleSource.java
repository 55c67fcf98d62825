package im.tariff.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of a tariff: every {@code .drl} file of its folder (recursively, read as UTF-8), keyed by its path
 * relative to the folder. A folder whose {@code base.txt} names another folder builds on it: the base's files
 * come first, and a file of the same name in the folder replaces the base's (a variant sheet holds only what
 * differs). The engine's {@link Library} is compiled with every tariff. Its {@link #version()} is a content
 * hash of the tariff's files and the library, so equal rules give equal versions.
 */
public final class RuleSource {

    /** Classpath folder where the build bundles the project's rules/. */
    public static final String BUNDLED_FOLDER = "rules";

    /** The file of a variant sheet that names the folder it builds on (a path relative to the sheet). */
    public static final String BASE_FILE = "base.txt";

    private static volatile RuleSource bundled;

    private final String origin;
    private final Map<String, String> files;
    private final Map<String, String> displays;
    private final List<String> order;
    private final List<Path> folders;
    private final String version;

    /** A tariff given as texts (tests, the bundled rules): every file is shown as origin/name. */
    public RuleSource(String origin, Map<String, String> files) {
        this(origin, files, Map.of(), List.of(), List.copyOf(new TreeMap<>(files).keySet()));
    }

    private RuleSource(String origin, Map<String, String> files, Map<String, String> displays, List<Path> folders,
                       List<String> order) {
        this.origin = origin;
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.order = List.copyOf(order);
        Map<String, String> shown = new TreeMap<>();
        String folder = "(bundled)".equals(origin) ? BUNDLED_FOLDER : origin;
        for (String name : this.files.keySet()) {
            shown.put(name, displays.getOrDefault(name, Path.of(folder).resolve(name).toString()));
        }
        this.displays = Collections.unmodifiableMap(shown);
        this.folders = List.copyOf(folders);
        this.version = hash(this.files);
    }

    /** Reads every .drl file under dir, on top of the folder its base.txt names (if any). */
    public static RuleSource fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("rules folder not found: " + dir);
        }
        Map<String, String> files = new TreeMap<>();
        Map<String, String> displays = new TreeMap<>();
        List<String> order = new ArrayList<>();
        List<Path> chain = baseChain(dir);
        for (Path folder : chain) {           // the furthest base first, the folder itself last
            for (Map.Entry<String, String> f : readDrl(folder).entrySet()) {
                if (files.put(f.getKey(), f.getValue()) == null) {
                    order.add(f.getKey());    // a file that replaces its base's keeps the base's place
                }
                displays.put(f.getKey(), folder.resolve(f.getKey()).toString());
            }
        }
        return new RuleSource(dir.toString(), files, displays, chain, order);
    }

    /**
     * The folders a sheet is made of, its furthest base first: dir, the folder its base.txt names, that one's
     * base, and so on. A base that does not exist, or a chain that comes back to a folder, is refused.
     */
    public static List<Path> baseChain(Path dir) throws IOException {
        List<Path> chain = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        Path current = dir;
        while (current != null) {
            Path real = current.toRealPath();
            if (!seen.add(real)) {
                throw new IOException(BASE_FILE + " of " + current + " leads back to a folder already used: " + seen);
            }
            chain.add(0, current);
            Path baseFile = current.resolve(BASE_FILE);
            if (!Files.isRegularFile(baseFile)) {
                break;
            }
            String base = null;
            for (String line : Files.readAllLines(baseFile, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    base = t;
                    break;
                }
            }
            if (base == null) {
                throw new IOException(baseFile + " names no base folder (write its path, relative to " + current + ")");
            }
            Path next = current.resolve(base).normalize();
            if (!Files.isDirectory(next)) {
                throw new IOException(baseFile + ": base folder not found: " + next);
            }
            current = next;
        }
        return chain;
    }

    /** The rules bundled in the jar (or in target/classes when run from the build); read once. */
    public static RuleSource bundled() {
        RuleSource b = bundled;
        if (b == null) {
            synchronized (RuleSource.class) {
                b = bundled;
                if (b == null) {
                    b = readBundled();
                    bundled = b;
                }
            }
        }
        return b;
    }

    private static RuleSource readBundled() {
        URL marker = RuleSource.class.getClassLoader().getResource(BUNDLED_FOLDER + "/catalog.drl");
        if (marker == null) {
            throw new IllegalStateException("no bundled rules on the classpath (expected " + BUNDLED_FOLDER + "/*.drl)");
        }
        try {
            return readBundled(marker.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The rules folder beside {@code uri} (its catalog.drl), in a jar or a folder. Safe from several threads at
     * once: a jar is read by one thread at a time, and a jar file system opened elsewhere in the JVM is used as it
     * is, not opened a second time (which threw) nor closed under its owner.
     */
    static RuleSource readBundled(URI uri) {
        try {
            if ("jar".equals(uri.getScheme())) {
                synchronized (RuleSource.class) {
                    return readJar(uri);
                }
            }
            return new RuleSource("(bundled)", readDrl(Path.of(uri).getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleSource readJar(URI uri) throws IOException {
        FileSystem jar;
        boolean opened = false;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri); // opened elsewhere in this JVM: use it, leave it open
        }
        try {
            return new RuleSource("(bundled)", readDrl(jar.getPath("/" + BUNDLED_FOLDER)));
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }

    /** True for a file a rules folder is read from (a .drl file). */
    public static boolean isRuleFile(String name) {
        return name.endsWith(".drl");
    }

    private static Map<String, String> readDrl(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(f -> isRuleFile(f.getFileName().toString()))::iterator) {
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
                update(sha, e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : Library.files().entrySet()) {
                update(sha, Library.DISPLAY + "/" + e.getKey(), e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String name, String text) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    /** Where the files came from: a folder path, or "(bundled)". */
    public String origin() {
        return origin;
    }

    /** The tariff's files: name (relative to its folder) → DRL text, sorted by name; the library is apart. */
    public Map<String, String> files() {
        return files;
    }

    /**
     * The tariff's file names in the order they declare things: a base's files before its variant's own (a
     * variant's file that replaces a base's takes its place), each folder's by name. The catalog is declared
     * in this order, so a variant's new line codes come after its base's.
     */
    public List<String> order() {
        return order;
    }

    /** The file as an analyst finds it: its folder (the sheet's or its base's) joined with its name. */
    public String display(String name) {
        return displays.get(name);
    }

    /** The folders the tariff is read from, its furthest base first (empty for texts given in memory). */
    public List<Path> folders() {
        return folders;
    }

    /** Short content hash of the tariff's files and the library (12 hex digits of SHA-256). */
    public String version() {
        return version;
    }
}
