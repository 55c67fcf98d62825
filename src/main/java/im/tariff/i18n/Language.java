package im.tariff.i18n;

import java.util.Locale;

/**
 * The language a tariff speaks: its catalog declares it ({@code $c.language("en")}), and every message the
 * product writes about that tariff (the reader's refusals, the table, the scenario runner, the HTTP errors,
 * the calculator page) follows it. A catalog that declares none is Chinese ({@link #DEFAULT}): the tariff the
 * project was built for, and its analysts, are Chinese.
 */
public enum Language {

    /** Simplified Chinese. */
    ZH("zh", "zh-CN", Locale.SIMPLIFIED_CHINESE),
    /** English. */
    EN("en", "en", Locale.ENGLISH);

    /** The language of a catalog that declares none, and of messages written before any rules are known. */
    public static final Language DEFAULT = ZH;

    private final String code;
    private final String tag;
    private final Locale locale;

    Language(String code, String tag, Locale locale) {
        this.code = code;
        this.tag = tag;
        this.locale = locale;
    }

    /** The code a catalog declares ("zh", "en"). */
    public String code() {
        return code;
    }

    /** The BCP 47 tag of a page in this language (the {@code lang} attribute). */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a code ("zh", "zh-CN", "EN", "en-US"), or null when it is none of these. */
    public static Language of(String code) {
        if (code == null) {
            return null;
        }
        String primary = code.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-') >= 0 ? primary.indexOf('-') : primary.indexOf('_');
        if (dash > 0) {
            primary = primary.substring(0, dash);
        }
        for (Language l : values()) {
            if (l.code.equals(primary)) {
                return l;
            }
        }
        return null;
    }
}
