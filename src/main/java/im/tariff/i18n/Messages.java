package im.tariff.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every word the product writes about a tariff, in the tariff's language: one bundle a language
 * ({@code im/tariff/i18n/messages_zh.properties}, {@code messages_en.properties}, UTF-8), one
 * {@link MessageFormat} pattern a key, the same keys and placeholders in each (MessagesTest enforces it).
 * <pre>
 * Messages m = Messages.of(catalog.language());
 * String reason = m.format("reader.outsideMonth", date, month);   // "日期 2026-11-01 不在账单月 2026-10 内"
 * </pre>
 * Arguments are written as text ({@code String.valueOf}, a BigDecimal as its plain digits): numbers are never
 * regrouped or rounded by the formatter, so an amount reads exactly as the bill writes it. Thread-safe.
 */
public final class Messages {

    private static final String BUNDLE = "/im/tariff/i18n/messages_%s.properties";
    private static final Map<Language, Messages> ALL = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            ALL.put(l, new Messages(l, load(l)));
        }
    }

    private final Language language;
    private final Map<String, String> patterns;
    /** Each pattern parsed once, when the bundle is read: bills say a few of them on every line. */
    private final Map<String, Template> templates;
    /** The patterns {@link Template} does not read, formatted by MessageFormat (none in today's bundles). */
    private final Map<String, MessageFormat> formats = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(Language language, Map<String, String> patterns) {
        this.language = language;
        this.patterns = patterns;
        Map<String, Template> parsed = new java.util.HashMap<>();
        patterns.forEach((key, pattern) -> {
            Template t = Template.parse(pattern);
            if (t != null) {
                parsed.put(key, t);
            }
        });
        this.templates = parsed;
    }

    /** The messages of a language; {@link Language#DEFAULT} for null. */
    public static Messages of(Language language) {
        return ALL.get(language == null ? Language.DEFAULT : language);
    }

    /** The messages of {@link Language#DEFAULT}: for what is said before any rules (and so any catalog) are known. */
    public static Messages defaults() {
        return of(Language.DEFAULT);
    }

    public Language language() {
        return language;
    }

    /**
     * The message of a key with its arguments in place. A key no bundle holds is a bug of the product (the
     * bundles are checked by a test), so it throws rather than print a half-message.
     */
    public String format(String key, Object... args) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no message '" + key + "' in the " + language.code() + " bundle");
        }
        String[] texts = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(args[i]);
        }
        Template template = templates.get(key);
        if (template != null) {
            return template.fill(texts);
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, language.locale()));
        synchronized (format) { // a MessageFormat is not thread-safe; formatting takes well under a microsecond
            return format.format((Object[]) texts);
        }
    }

    /** "A, B or C" ("A、B 或 C"): a list of choices in this language; one item alone; "" for none. */
    public String or(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return format("list.or", String.join(format("list.separator"), items.subList(0, items.size() - 1)),
                items.get(items.size() - 1));
    }

    /** "A, B, C" ("A、B、C"). */
    public String join(List<String> items) {
        return String.join(format("list.separator"), items);
    }

    /** Whether the bundle has this key. */
    public boolean has(String key) {
        return patterns.containsKey(key);
    }

    /** Every key, sorted. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new TreeSet<>(patterns.keySet()));
    }

    /** The pattern of a key as written in the bundle (null when absent). */
    public String pattern(String key) {
        return patterns.get(key);
    }

    /**
     * The messages whose keys start with prefix, the prefix taken off, as plain templates for a page to fill:
     * MessageFormat's quoting is resolved and the placeholders are left as {0}, {1}, ...
     */
    public Map<String, String> templates(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(patterns).entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                int n = placeholders(e.getValue()).stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                Object[] marks = new Object[n];
                for (int i = 0; i < n; i++) {
                    marks[i] = "{" + i + "}";
                }
                out.put(e.getKey().substring(prefix.length()), format(e.getKey(), marks));
            }
        }
        return out;
    }

    /** The argument numbers a pattern uses (outside MessageFormat's quotes); a bundle's patterns use plain {n} only. */
    public static Set<Integer> placeholders(String pattern) {
        Template t = Template.parse(pattern);
        if (t == null) {
            throw new IllegalArgumentException("not a plain message pattern (only {n} placeholders): " + pattern);
        }
        return t.argumentNumbers();
    }

    private static Map<String, String> load(Language l) {
        String name = String.format(BUNDLE, l.code());
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message bundle " + name);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new LinkedHashMap<>();
            for (String k : p.stringPropertyNames()) {
                map.put(k, p.getProperty(k));
            }
            return Collections.unmodifiableMap(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
