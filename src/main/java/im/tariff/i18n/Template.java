package im.tariff.i18n;

import java.util.ArrayList;
import java.util.List;

/**
 * One message pattern parsed once into its literal pieces and argument numbers, with {@link java.text.MessageFormat}'s
 * quoting ({@code ''} is a quote, text between single quotes is literal). The bundles use only plain {@code {n}}
 * placeholders with text arguments, so filling one is a string join: no formatter, no lock. A bill says a few
 * messages a line, and MessageFormat was 7 % of a month-end batch (docs/PERFORMANCE.md). A pattern this does
 * not read (a typed placeholder such as {@code {0,number}}) is null from {@link #parse}, and MessageFormat
 * formats it.
 */
final class Template {

    /** Literal text before each argument, then the text after the last one: {@code literals.length == args.length + 1}. */
    private final String[] literals;
    private final int[] args;

    private Template(String[] literals, int[] args) {
        this.literals = literals;
        this.args = args;
    }

    /** The pattern's pieces, or null for a pattern with anything but plain {n} placeholders. */
    static Template parse(String pattern) {
        List<String> literals = new ArrayList<>();
        List<Integer> args = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted || c != '{') {
                text.append(c); // an unquoted '}' too: MessageFormat reads it as itself
            } else {
                int close = pattern.indexOf('}', i);
                if (close < 0) {
                    return null;
                }
                String number = pattern.substring(i + 1, close);
                if (number.isEmpty() || number.length() > 2 || !number.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    return null;
                }
                literals.add(text.toString());
                text.setLength(0);
                args.add(Integer.parseInt(number));
                i = close;
            }
        }
        literals.add(text.toString());
        return new Template(literals.toArray(String[]::new), args.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The argument numbers the pattern uses, sorted, each once. */
    java.util.Set<Integer> argumentNumbers() {
        java.util.Set<Integer> numbers = new java.util.TreeSet<>();
        for (int n : args) {
            numbers.add(n);
        }
        return numbers;
    }

    /** The message with its arguments in place; a missing argument is written {n}, as MessageFormat does. */
    String fill(String[] texts) {
        int size = 0;
        for (String l : literals) {
            size += l.length();
        }
        StringBuilder out = new StringBuilder(size + 16 * args.length);
        for (int i = 0; i < args.length; i++) {
            out.append(literals[i]);
            int n = args[i];
            if (n < texts.length) {
                out.append(texts[n]);
            } else {
                out.append('{').append(n).append('}');
            }
        }
        return out.append(literals[args.length]).toString();
    }
}
