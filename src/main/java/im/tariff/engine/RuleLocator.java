package im.tariff.engine;

import im.tariff.catalog.Declared;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each rule of a rule set is declared: its file (as an analyst names it) and line. */
public final class RuleLocator {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private final Map<String, Declared> rules = new HashMap<>();

    RuleLocator(RuleSource source) {
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            String display = RuleCompiler.displayName(source, file.getKey());
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    rules.putIfAbsent(name, new Declared(name, display, i + 1));
                }
            }
        }
    }

    /** Where the rule is declared; its name alone when it is not found in the files. */
    public Declared where(String rule) {
        Declared d = rules.get(rule);
        return d != null ? d : new Declared(rule, null, 0);
    }
}
