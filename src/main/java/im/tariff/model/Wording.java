package im.tariff.model;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the engine's library (line descriptions, the closed world's violations, term errors) in the
 * sheet's language, from the bundles {@code wording_zh} and {@code wording_en} beside this class. Arguments
 * are written as they are (a BigDecimal as its plain digits, a number without grouping), never formatted by
 * the locale: a bill's text must not change with the machine.
 */
public final class Wording {

    /** The languages a sheet may declare; the first is the default. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("zh", "en");

    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
    private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

    private Wording() {
    }

    /** The message {@code key} in {@code language} ("zh" when unknown), its {0}, {1}… filled in. */
    public static String say(String language, String key, Object... args) {
        String lang = LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
        MessageFormat format = FORMATS.computeIfAbsent(lang + "\u0000" + key,
                k -> new MessageFormat(bundle(lang).getString(key), Locale.ROOT));
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = plain(args[i]);
        }
        synchronized (format) {
            return format.format(plain);
        }
    }

    /** Every key of a language's bundle (tests compare the languages). */
    public static java.util.Set<String> keys(String language) {
        return bundle(language).keySet();
    }

    /** The raw pattern of a key (tests compare placeholders). */
    public static String pattern(String language, String key) {
        return bundle(language).getString(key);
    }

    private static ResourceBundle bundle(String lang) {
        return BUNDLES.computeIfAbsent(lang, l -> ResourceBundle.getBundle("im.tariff.model.wording",
                Locale.forLanguageTag(l), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    private static String plain(Object o) {
        if (o instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(o);
    }
}
