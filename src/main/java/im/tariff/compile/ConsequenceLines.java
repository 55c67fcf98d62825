package im.tariff.compile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools reports an error in a rule's consequence (then part) at the rule's first line. This finds the line
 * of the then part that names what the compiler complains about, so check points the analyst at it.
 */
final class ConsequenceLines {

    private static final Pattern[] CULPRITS = {
            Pattern.compile("The method (\\w+)\\("),
            Pattern.compile("The constructor (\\w+)\\("),
            Pattern.compile("(\\w+) cannot be resolved"),
            Pattern.compile("The field \\w+\\.(\\w+)"),
            Pattern.compile("Syntax error on tokens?,? \"(.+?)\""),
            Pattern.compile("The literal (\\S+) of type"),
    };
    private static final Pattern UNCLOSED = Pattern.compile("String literal is not properly closed");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b.*");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");

    private ConsequenceLines() {
    }

    /** The 1-based line of the culprit inside the then part of the rule starting at ruleLine, else ruleLine. */
    static int locate(String drl, int ruleLine, String message) {
        if (drl == null || ruleLine <= 0) {
            return ruleLine;
        }
        String culprit = null;
        for (Pattern p : CULPRITS) {
            Matcher m = p.matcher(message);
            if (m.find() && m.groupCount() > 0) {
                culprit = m.group(1);
                break;
            }
        }
        String[] lines = drl.split("\r?\n", -1);
        if (culprit == null) {
            // a string not closed: the line of the then part whose quotes do not pair
            return UNCLOSED.matcher(message).find() ? thenLine(lines, ruleLine, ConsequenceLines::oddQuotes) : ruleLine;
        }
        Pattern word = culprit.matches("\\w+") ? Pattern.compile("\\b" + Pattern.quote(culprit) + "\\b")
                : Pattern.compile(Pattern.quote(culprit));
        int found = thenLine(lines, ruleLine, line -> word.matcher(line).find());
        if (found == ruleLine && culprit.matches("\\w+")) {
            // a token stuck to another ("24x": the compiler complains of "x"): the first line that holds it at all
            Pattern inside = Pattern.compile("\\w" + Pattern.quote(culprit) + "\\b|\\b" + Pattern.quote(culprit) + "\\w");
            found = thenLine(lines, ruleLine, line -> inside.matcher(line).find());
        }
        return found;
    }

    /** The first line of the then part of the rule at ruleLine that the test accepts; ruleLine when none. */
    private static int thenLine(String[] lines, int ruleLine, java.util.function.Predicate<String> test) {
        boolean inThen = false;
        for (int i = ruleLine - 1; i < lines.length; i++) {
            if (!inThen) {
                inThen = THEN.matcher(lines[i]).matches();
            } else if (END.matcher(lines[i]).matches()) {
                break;
            } else if (test.test(lines[i])) {
                return i + 1;
            }
        }
        return ruleLine;
    }

    /** True when a line holds an odd number of quotes that are not escaped. */
    private static boolean oddQuotes(String line) {
        int quotes = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '\\') {
                i++;
            } else if (line.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }
}
