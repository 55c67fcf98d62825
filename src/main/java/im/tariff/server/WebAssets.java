package im.tariff.server;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import im.tariff.reload.LiveEvaluator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calculator page (GET /) and its script and style (GET /web/NAME), served from the jar's web/ folder:
 * no external assets. The page is written in the language of the rules being served: its {@code {{web.KEY}}}
 * marks are filled from that language's bundle and {@code {{lang}}} with its tag; the script reads the rest of
 * its words, the plans, add-ons, meters and the price list from GET /v1/catalog, so it follows the rules served.
 */
final class WebAssets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css)");
    private static final Pattern MARK = Pattern.compile("\\{\\{([a-zA-Z][\\w.]*)}}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final LiveEvaluator engine;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    WebAssets(LiveEvaluator engine) {
        this.engine = engine;
    }

    /** The asset of a path ("/" is the page), or null when there is none. */
    Reply get(String path) {
        String name = "/".equals(path) || "/index.html".equals(path) ? "index.html"
                : path.startsWith("/web/") ? path.substring("/web/".length()) : null;
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        String key = name;
        if ("html".equals(extension)) {
            Language language = engine.rules().catalog().language();
            key = name + "@" + language.code();
            String page = cache.computeIfAbsent(key, k -> fill(load(name), language));
            return page.isEmpty() ? null : new Reply(200, TYPES.get(extension), page, Map.of("Cache-Control", "no-cache"));
        }
        String text = cache.computeIfAbsent(key, WebAssets::load);
        if (text.isEmpty()) {
            return null;
        }
        return new Reply(200, TYPES.get(extension), text, Map.of("Cache-Control", "no-cache"));
    }

    /** The page with its marks filled in the language's words, escaped for HTML. */
    static String fill(String page, Language language) {
        Messages words = Messages.of(language);
        Matcher m = MARK.matcher(page);
        StringBuilder out = new StringBuilder(page.length() + 512);
        while (m.find()) {
            String key = m.group(1);
            String text = "lang".equals(key) ? language.tag() : words.format(key);
            m.appendReplacement(out, Matcher.quoteReplacement(escape(text)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String load(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
