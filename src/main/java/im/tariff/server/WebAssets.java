package im.tariff.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The calculator page (GET /) and its script and style (GET /web/NAME), served from the jar's web/ folder:
 * no external assets. The page reads names, plans, add-ons and meters from GET /v1/catalog, so it follows
 * the rules being served.
 */
final class WebAssets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+\\.(html|js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** The asset of a path ("/" is the page), or null when there is none. */
    Reply get(String path) {
        String name = "/".equals(path) || "/index.html".equals(path) ? "index.html"
                : path.startsWith("/web/") ? path.substring("/web/".length()) : null;
        if (name == null || !NAME.matcher(name).matches()) {
            return null;
        }
        String text = cache.computeIfAbsent(name, WebAssets::load);
        if (text.isEmpty()) {
            return null;
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        return new Reply(200, type, text, Map.of("Cache-Control", "no-cache"));
    }

    private static String load(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
