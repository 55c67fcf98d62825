package im.tariff.scenario;

import im.tariff.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites expected numbers and dates in scenario files to the values the rules now produce
 * ({@code tariff test --accept}), after a deliberate tariff change. Only the value after {@code field:} on
 * the reported line changes; comments, layout and everything else stay as the analyst wrote them.
 * Missing or unexpected lines and violations are never accepted: a person decides those.
 */
public final class ExpectationUpdater {

    private ExpectationUpdater() {
    }

    /** Applies the fixes; returns one report line per fix (updated, or why not), in the words given. */
    public static List<String> apply(List<ExpectationFix> fixes, Messages words) throws IOException {
        Map<String, List<ExpectationFix>> byFile = new LinkedHashMap<>();
        for (ExpectationFix f : fixes) {
            byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
        }
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, List<ExpectationFix>> e : byFile.entrySet()) {
            Path path = Path.of(e.getKey());
            String text = Files.readString(path, StandardCharsets.UTF_8);
            String[] lines = text.split("\n", -1);
            boolean changed = false;
            for (ExpectationFix f : e.getValue()) {
                String where = f.file() + ":" + f.line() + "  " + f.field() + " " + f.expected() + " → " + f.actual();
                int i = f.line() - 1;
                String updated = i >= 0 && i < lines.length ? replace(lines[i], f) : null;
                if (updated == null) {
                    report.add(words.format("test.notUpdated", where));
                } else {
                    lines[i] = updated;
                    changed = true;
                    report.add(words.format("test.updated", where));
                }
            }
            if (changed) {
                Files.writeString(path, String.join("\n", lines), StandardCharsets.UTF_8);
            }
        }
        return report;
    }

    /** The line with the field's value replaced, or null when the written value is not found there. */
    static String replace(String line, ExpectationFix f) {
        Pattern p = Pattern.compile("(\\b" + Pattern.quote(f.field()) + ":\\s*)([\"']?)" + Pattern.quote(f.expected())
                + "\\2(?=[\\s,}\\]#]|$)");
        Matcher m = p.matcher(line);
        if (!m.find()) {
            return null;
        }
        return line.substring(0, m.start()) + m.group(1) + m.group(2) + f.actual() + m.group(2) + line.substring(m.end());
    }
}
