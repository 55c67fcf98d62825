package im.tariff.compile;

import im.tariff.catalog.Declared;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of a rule set is declared: its file (as an analyst names it) and line; for a rule made from a
 * row of a decision table, the cell that names it (file:row:column). Everything it finds inside a rule (the
 * statement that names a code, writes a price) is said at the line of a DRL file, or at the cell of a table that
 * wrote it, never at a line of the DRL a table was compiled to.
 */
public final class RuleLocator {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

    /** Where each rule is, as an analyst finds it. */
    private final Map<String, Declared> rules = new HashMap<>();
    /** Where each rule is in the text as compiled (a table's generated DRL). */
    private final Map<String, Declared> compiled = new HashMap<>();
    /** Rule names in the order they are written: the tariff's files in the source's order, then the library. */
    private final java.util.List<String> inOrder = new java.util.ArrayList<>();
    /** Every file compiled, as an analyst names it (the tariff's, then the library's) → its text as compiled. */
    private final Map<String, String> texts = new java.util.LinkedHashMap<>();
    /** The decision tables among them, by the name an analyst knows. */
    private final Map<String, DecisionTable> tables = new HashMap<>();

    RuleLocator(RuleSource source) {
        for (String name : source.order()) {
            texts.put(source.display(name), source.files().get(name));
            if (source.table(name) != null) {
                tables.put(source.display(name), source.table(name));
            }
        }
        for (Map.Entry<String, String> file : Library.files().entrySet()) {
            texts.put(Library.DISPLAY + "/" + file.getKey(), file.getValue());
        }
        for (Map.Entry<String, String> file : texts.entrySet()) {
            String display = file.getKey();
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE.matcher(lines[i]);
                if (m.find() && compiled.putIfAbsent(name(m), new Declared(name(m), display, i + 1)) == null) {
                    rules.put(name(m), shown(name(m), display, i + 1, -1));
                    inOrder.add(name(m));
                }
            }
        }
    }

    /** A place in a compiled text as an analyst finds it: the line of a DRL file, the cell of a table. */
    private Declared shown(String rule, String display, int line, int charColumn) {
        DecisionTable table = tables.get(display);
        if (table == null) {
            return new Declared(rule, display, line);
        }
        DecisionTable.Cell cell = table.cellAt(line, charColumn);
        if (cell == null && rule != null) {
            cell = table.ruleCell(rule);
        }
        return cell == null ? new Declared(rule, display, 0) : new Declared(rule, display, cell.row(), cell.column());
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
     * (the $c.plan("BASIC", ...) line of a catalog rule), so a gap points at the line to edit (at the cell, in a
     * table); the rule's own line when the literal is not found.
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
        return statementMatching(rule, line -> {
            Matcher m = token.matcher(line);
            return m.find() ? m.start() : -1;
        });
    }

    /** The first line inside the rule that holds {@code text}; the rule's own line when none does. */
    public Declared statementContaining(Declared rule, String text) {
        return statementMatching(rule, line -> line.indexOf(text));
    }

    private Declared statementMatching(Declared rule, java.util.function.ToIntFunction<String> at) {
        Declared start = rule.rule() == null ? null : compiled.get(rule.rule());
        if (start == null || !java.util.Objects.equals(start.file(), rule.file())) {
            return rule;
        }
        String file = texts.get(start.file());
        if (file != null) {
            String[] lines = file.split("\n", -1);
            for (int i = start.line(); i < lines.length && !lines[i].trim().equals("end"); i++) {
                int column = at.applyAsInt(lines[i]);
                if (column >= 0) {
                    return shown(rule.rule(), start.file(), i + 1, column);
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
                int at = rule == null ? -1 : lines[i].indexOf(expression);
                if (at >= 0) {
                    return shown(rule, file.getKey(), i + 1, at);
                }
            }
        }
        return null;
    }

    /** A stretch of a tariff's rule text that matched, where an analyst finds it (the line, or a table's cell). */
    public record Found(Declared at, String text) {
    }

    /**
     * Every match of the pattern on a line of the tariff's rules (not the library's), each where it is written:
     * a line of a DRL file, the cell of a table that wrote it.
     */
    public java.util.List<Found> findAll(Pattern pattern) {
        java.util.List<Found> out = new java.util.ArrayList<>();
        for (Map.Entry<String, String> file : texts.entrySet()) {
            if (file.getKey().startsWith(Library.DISPLAY + "/")) {
                continue;
            }
            String rule = null;
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher r = RULE.matcher(lines[i]);
                if (r.find()) {
                    rule = name(r);
                }
                String code = lines[i];
                int comment = code.indexOf("//");
                if (comment >= 0) {
                    code = code.substring(0, comment);
                }
                Matcher m = pattern.matcher(code);
                while (rule != null && m.find()) {
                    out.add(new Found(shown(rule, file.getKey(), i + 1, m.start()), m.group()));
                }
            }
        }
        return out;
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

    /**
     * Where the rule is declared (for a rule made from a table's row: its NAME cell); its name alone when it is
     * not found in the files.
     */
    public Declared where(String rule) {
        Declared d = rules.get(rule);
        return d != null ? d : new Declared(rule, null, 0);
    }
}
