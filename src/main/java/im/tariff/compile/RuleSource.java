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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;

/**
 * The text of a tariff: every {@code .drl} file of its folder (recursively, read as UTF-8), and every decision
 * table ({@code .drl.csv}, {@code .drl.xlsx}, {@code .drl.xls}: {@link DecisionTable}), keyed by its path relative
 * to the folder; a table is compiled as the DRL its rows make, and what is said about that DRL is said at the
 * table's cells. A folder whose {@code base.txt} names another folder builds on it: the base's files
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
    /** Each file's bytes as read (a table's too). */
    private final Map<String, byte[]> contents;
    private final Map<String, DecisionTable> tables;
    private final Language language;
    private final Map<String, String> displays;
    private final List<String> order;
    private final List<Path> folders;
    private final String version;

    /** A tariff given as texts (tests, the bundled rules): every file is shown as origin/name. */
    public RuleSource(String origin, Map<String, String> files) {
        this(origin, utf8(files), Map.of(), List.of(), List.copyOf(new TreeMap<>(files).keySet()));
    }

    /** A tariff given as the bytes of its files (a workbook is not text): every file is shown as origin/name. */
    public static RuleSource ofBytes(String origin, Map<String, byte[]> files) {
        return new RuleSource(origin, files, Map.of(), List.of(), List.copyOf(new TreeMap<>(files).keySet()));
    }

    /**
     * A tariff given as the bytes of its files in the order the engine declares them (what {@link #contents()}
     * gives): a sheet shipped to another process compiles as it did where it was read.
     */
    public static RuleSource ofBytesInOrder(String origin, java.util.LinkedHashMap<String, byte[]> files) {
        return new RuleSource(origin, files, Map.of(), List.of(), List.copyOf(files.keySet()));
    }

    private RuleSource(String origin, Map<String, byte[]> contents, Map<String, String> displays, List<Path> folders,
                       List<String> order) {
        this.origin = origin;
        this.contents = Collections.unmodifiableMap(new TreeMap<>(contents));
        this.order = List.copyOf(order);
        Map<String, String> texts = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : contents.entrySet()) {
            if (!DecisionTable.isTable(f.getKey())) {
                texts.put(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8));
            }
        }
        this.language = declaredLanguage(texts.values());
        Map<String, DecisionTable> tabled = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : contents.entrySet()) {
            if (DecisionTable.isTable(f.getKey())) {
                DecisionTable table = DecisionTable.read(f.getKey(), f.getValue(), Messages.of(language));
                tabled.put(f.getKey(), table);
                texts.put(f.getKey(), table.drl());
            }
        }
        this.tables = Collections.unmodifiableMap(tabled);
        this.files = Collections.unmodifiableMap(texts);
        Map<String, String> shown = new TreeMap<>();
        String folder = "(bundled)".equals(origin) ? BUNDLED_FOLDER : origin;
        for (String name : this.files.keySet()) {
            shown.put(name, displays.getOrDefault(name, Path.of(folder).resolve(name).toString()));
        }
        this.displays = Collections.unmodifiableMap(shown);
        this.folders = List.copyOf(folders);
        this.version = hash(new TreeMap<>(contents));
    }

    private static Map<String, byte[]> utf8(Map<String, String> files) {
        Map<String, byte[]> out = new TreeMap<>();
        files.forEach((name, text) -> out.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    private static final Pattern LANGUAGE = Pattern.compile("\\.language\\(\\s*\"([^\"]*)\"\\s*\\)");

    /**
     * The language the catalog declares ($c.language("en")), read from the text before anything is compiled, so
     * that what is wrong with a table is said in the sheet's words; Chinese when none is found.
     */
    private static Language declaredLanguage(java.util.Collection<String> texts) {
        for (String text : texts) {
            for (String line : text.split("\n", -1)) {
                int comment = line.indexOf("//");
                Matcher m = LANGUAGE.matcher(comment >= 0 ? line.substring(0, comment) : line);
                if (m.find() && Language.of(m.group(1)) != null) {
                    return Language.of(m.group(1));
                }
            }
        }
        return Language.DEFAULT;
    }

    /** Reads every rule file (.drl and tables) under dir, on top of the folder its base.txt names (if any). */
    public static RuleSource fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("rules folder not found: " + dir);
        }
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, String> displays = new TreeMap<>();
        List<String> order = new ArrayList<>();
        List<Path> chain = baseChain(dir);
        for (Path folder : chain) {           // the furthest base first, the folder itself last
            for (Map.Entry<String, byte[]> f : readRules(folder).entrySet()) {
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
                throw new IOException(current.resolve(BASE_FILE) + "：基础资费又指回已经用过的文件夹 " + seen
                        + " (base.txt leads back to a folder already used)");
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
                throw new IOException(baseFile + "：没有写基础资费的文件夹，请写它的路径（相对于 " + current + "）"
                        + " (names no base folder)");
            }
            Path next = current.resolve(base).normalize();
            if (!Files.isDirectory(next)) {
                throw new IOException(baseFile + "：基础资费的文件夹不存在：" + next + " (base folder not found)");
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
            return ofBytes("(bundled)", readRules(Path.of(uri).getParent()));
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
            return ofBytes("(bundled)", readRules(jar.getPath("/" + BUNDLED_FOLDER)));
        } finally {
            if (opened) {
                jar.close();
            }
        }
    }

    /**
     * True for a file a rules folder is read from: a .drl file or a decision table (.drl.csv, .drl.xlsx, .drl.xls);
     * never a hidden file or an office program's lock file (~$prices.drl.xlsx).
     */
    public static boolean isRuleFile(String name) {
        if (name.startsWith(".") || name.startsWith("~$")) {
            return false;
        }
        return name.endsWith(".drl") || DecisionTable.isTable(name);
    }

    private static Map<String, byte[]> readRules(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(f -> isRuleFile(f.getFileName().toString()))::iterator) {
                if (Files.isRegularFile(p)) {
                    String name = dir.relativize(p).toString().replace('\\', '/');
                    // a DRL file must be UTF-8 (read strictly); a table's bytes are read by its own reader
                    files.put(name, DecisionTable.isTable(name) ? Files.readAllBytes(p)
                            : Files.readString(p, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String hash(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                update(sha, e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : Library.files().entrySet()) {
                update(sha, Library.DISPLAY + "/" + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String name, byte[] content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content);
        sha.update((byte) 0);
    }

    /** Where the files came from: a folder path, or "(bundled)". */
    public String origin() {
        return origin;
    }

    /** Each file's bytes as read (a decision table's own, not its DRL), in the order the engine declares them. */
    public java.util.LinkedHashMap<String, byte[]> contents() {
        java.util.LinkedHashMap<String, byte[]> out = new java.util.LinkedHashMap<>();
        for (String name : order) {
            out.put(name, contents.get(name).clone());
        }
        return out;
    }

    /**
     * The tariff's files: name (relative to its folder) → DRL text, sorted by name; a decision table's is the DRL
     * its rows make ({@link #table}); the library is apart.
     */
    public Map<String, String> files() {
        return files;
    }

    /** The decision table of that name, or null for a DRL file. */
    public DecisionTable table(String name) {
        return tables.get(name);
    }

    /** The tariff's decision tables by name. */
    public Map<String, DecisionTable> tables() {
        return tables;
    }

    /** The language the sheet's catalog declares, as read from its text (Chinese when it declares none). */
    public Language language() {
        return language;
    }

    /** What is wrong with the tables themselves, each at its cell (file:row:column). */
    public List<RuleProblem> tableProblems() {
        List<RuleProblem> out = new ArrayList<>();
        for (String name : order) {
            DecisionTable t = tables.get(name);
            if (t != null) {
                for (DecisionTable.Problem p : t.problems()) {
                    out.add(new RuleProblem(display(name), p.cell().row(), p.cell().column(), p.message()));
                }
            }
        }
        return out;
    }

    /**
     * A problem found at a line of a file as compiled (and a character of it, from 0, or -1): at that line of a DRL
     * file, at the cell that wrote it in a decision table.
     */
    public RuleProblem problemAt(String name, int line, int charColumn, String message) {
        DecisionTable t = tables.get(name);
        if (t == null || line <= 0) {
            return new RuleProblem(display(name), Math.max(line, 0), message);
        }
        DecisionTable.Cell cell = t.cellAt(line, charColumn);
        return cell == null ? new RuleProblem(display(name), 0, message)
                : new RuleProblem(display(name), cell.row(), cell.column(), message);
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
