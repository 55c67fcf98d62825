package im.tariff.compile;

import im.tariff.catalog.Declared;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where each rule of a rule set is declared: its file (as an analyst names it) and line. */
public final class RuleLocator {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private final Map<String, Declared> rules = new HashMap<>();
    /** Rule names in the order they are written: the tariff's files in the source's order, then the library. */
    private final java.util.List<String> inOrder = new java.util.ArrayList<>();
    /** Every file compiled, as an analyst names it (the tariff's, then the library's) → its text. */
    private final Map<String, String> texts = new java.util.LinkedHashMap<>();

    RuleLocator(RuleSource source) {
        for (String name : source.order()) {
            texts.put(source.display(name), source.files().get(name));
        }
        for (Map.Entry<String, String> file : Library.files().entrySet()) {
            texts.put(Library.DISPLAY + "/" + file.getKey(), file.getValue());
        }
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String display = file.getKey();
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find() && rules.putIfAbsent(name(m), new Declared(name(m), display, i + 1)) == null) {
                    inOrder.add(name(m));
                }
            }
        }
    }

    private static String name(Matcher m) {
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** The name of the rule a DRL line opens ({@code rule "名称"}), or null when it opens none. */
    public static String ruleOpenedBy(String line) {
        Matcher m = RULE.matcher(line);
        return m.find() ? name(m) : null;
    }

    /**
     * The line, inside the declaring rule, of the statement that names {@code code} as a string literal
     * (the $c.plan("BASIC", ...) line of a catalog rule), so a gap points at the line to edit; the rule's own
     * line when the literal is not found.
     */
    public Declared statementNaming(Declared rule, String code) {
        return statementContaining(rule, "\"" + code + "\"");
    }

    /**
     * The first line inside the rule that writes {@code value} as a token of its own (a quoted "-6000.00", a
     * number 0 that is not part of 2026); the rule's own line when none does.
     */
    public Declared statementWriting(Declared rule, String value) {
        Pattern token = Pattern.compile("(?<![\\w.-])\"?" + Pattern.quote(value) + "\"?(?![\\w.])");
        return statementMatching(rule, line -> token.matcher(line).find());
    }

    /** The first line inside the rule that holds {@code text}; the rule's own line when none does. */
    public Declared statementContaining(Declared rule, String text) {
        return statementMatching(rule, line -> line.contains(text));
    }

    private Declared statementMatching(Declared rule, java.util.function.Predicate<String> which) {
        if (rule.file() == null || rule.line() <= 0) {
            return rule;
        }
        String file = texts.get(rule.file());
        if (file != null) {
            String[] lines = file.split("\n", -1);
            for (int i = rule.line(); i < lines.length && !lines[i].trim().equals("end"); i++) {
                if (which.test(lines[i])) {
                    return new Declared(rule.rule(), rule.file(), i + 1);
                }
            }
        }
        return rule;
    }

    /**
     * The rule whose text holds the expression (a condition Drools could not evaluate names only its text),
     * with the line of the expression itself; null when no rule holds it.
     */
    public Declared ruleWith(String expression) {
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String rule = null;
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find()) {
                    rule = name(m);
                }
                if (rule != null && lines[i].contains(expression)) {
                    return new Declared(rule, file.getKey(), i + 1);
                }
            }
        }
        return null;
    }

    /** Every rule's name in the order it is written (the tariff's files, a base's first, then the library's). */
    public java.util.List<String> inOrder() {
        return java.util.Collections.unmodifiableList(inOrder);
    }

    /** True when the rule is one of the engine's library (not the tariff's). */
    public boolean inLibrary(String rule) {
        Declared d = rules.get(rule);
        return d != null && d.file() != null && d.file().startsWith(Library.DISPLAY + "/");
    }

    /** Where the rule is declared; its name alone when it is not found in the files. */
    public Declared where(String rule) {
        Declared d = rules.get(rule);
        return d != null ? d : new Declared(rule, null, 0);
    }
}
