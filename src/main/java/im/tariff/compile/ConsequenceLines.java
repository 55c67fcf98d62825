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
    };
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
            if (m.find()) {
                culprit = m.group(1);
                break;
            }
        }
        if (culprit == null) {
            return ruleLine;
        }
        Pattern word = Pattern.compile("\\b" + Pattern.quote(culprit) + "\\b");
        String[] lines = drl.split("\r?\n", -1);
        boolean inThen = false;
        for (int i = ruleLine - 1; i < lines.length; i++) {
            if (!inThen) {
                inThen = THEN.matcher(lines[i]).matches();
            } else if (END.matcher(lines[i]).matches()) {
                break;
            } else if (word.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return ruleLine;
    }
}
