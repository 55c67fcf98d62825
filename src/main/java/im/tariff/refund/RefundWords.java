package im.tariff.refund;

import im.tariff.model.Wording;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every word refunds write (the reader's refusals, the checks of the refund rules, the table), in the sheet's
 * language, from the bundles {@code words_zh.properties} and {@code words_en.properties} beside this class
 * (UTF-8; the same keys and placeholders in both). One place, so that they follow the product's message
 * infrastructure when it has one. Arguments are written as text, never formatted by the locale.
 */
public final class RefundWords {

    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private final String language;
    private final Properties patterns;

    private RefundWords(String language) {
        this.language = language;
        this.patterns = BUNDLES.computeIfAbsent(language, RefundWords::load);
    }

    /** The words of a sheet's language ({@code Catalog.language()}); the default language when unknown. */
    public static RefundWords of(String language) {
        return new RefundWords(Wording.LANGUAGES.contains(language) ? language : Wording.LANGUAGES.get(0));
    }

    public String language() {
        return language;
    }

    /** The message {@code key} with {0}, {1}… filled in; a key no bundle holds is a bug of the product. */
    public String say(String key, Object... args) {
        String pattern = patterns.getProperty(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no refund word '" + key + "' in the " + language + " bundle");
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }

    /** Every key of a language's bundle (tests compare the languages). */
    public static Set<String> keys(String language) {
        return BUNDLES.computeIfAbsent(language, RefundWords::load).stringPropertyNames();
    }

    /** The raw pattern of a key (tests compare placeholders). */
    public static String pattern(String language, String key) {
        return BUNDLES.computeIfAbsent(language, RefundWords::load).getProperty(key);
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        try (InputStream in = RefundWords.class.getResourceAsStream("words_" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("no refund words for language " + language);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
