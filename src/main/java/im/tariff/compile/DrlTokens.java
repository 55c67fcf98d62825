package im.tariff.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * A rough lexer for DRL (with Java and MVEL inside) that is just good enough for {@link RuleLint}: it yields
 * names, dots and punctuation with their line, and drops whitespace, comments, string and character
 * literals and numbers. Java unicode escapes are decoded first, as javac (ECJ) does, and every decoded
 * character keeps the line of the escape that wrote it.
 */
final class DrlTokens {

    /** One name or one punctuation character. */
    record Token(String text, int line, boolean isName) {

        boolean is(String s) {
            return text.equals(s);
        }

        boolean isWord(String s) {
            return isName && text.equals(s);
        }
    }

    private DrlTokens() {
    }

    static List<Token> tokenize(String source) {
        StringBuilder chars = new StringBuilder(source.length());
        int[] lines = decode(source, chars);
        return lex(chars.toString(), lines);
    }

    /** Decodes backslash-u escapes into {@code out}; returns the original line of every output character. */
    private static int[] decode(String s, StringBuilder out) {
        int[] lines = new int[s.length() + 1];
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int escapeEnd = unicodeEscapeEnd(s, i);
            if (escapeEnd > 0) {
                lines[out.length()] = line;
                out.append((char) Integer.parseInt(s.substring(escapeEnd - 4, escapeEnd), 16));
                i = escapeEnd;
                continue;
            }
            lines[out.length()] = line;
            out.append(c);
            if (c == '\n') {
                line++;
            }
            i++;
        }
        lines[out.length()] = line;
        return lines;
    }

    /** End index of a unicode escape (backslash, one or more 'u', four hex digits) at i, or -1. */
    private static int unicodeEscapeEnd(String s, int i) {
        if (s.charAt(i) != '\\' || i + 1 >= s.length() || s.charAt(i + 1) != 'u') {
            return -1;
        }
        // an escaped backslash before it ("\\u0041") is not an escape: count the backslashes before i
        int backslashes = 0;
        for (int k = i - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            return -1;
        }
        int k = i + 1;
        while (k < s.length() && s.charAt(k) == 'u') {
            k++;
        }
        if (k + 4 > s.length()) {
            return -1;
        }
        for (int h = k; h < k + 4; h++) {
            if (Character.digit(s.charAt(h), 16) < 0) {
                return -1;
            }
        }
        return k + 4;
    }

    private static List<Token> lex(String s, int[] lines) {
        List<Token> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = indexOf(s, "*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' && startsWith(s, i, "\"\"\"")) {
                int close = indexOf(s, "\"\"\"", i + 3);
                i = close < 0 ? n : close + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfQuoted(s, i, c);
            } else if (Character.isDigit(c)) {
                // numbers, including 1000B, 0.1B, 1_000L and 1e3
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_'
                        || (s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(s.subSequence(start, i).toString(), lines[start], true));
            } else {
                tokens.add(new Token(String.valueOf(c), lines[i], false));
                i++;
            }
        }
        return tokens;
    }

    /** Index after a quoted literal starting at i; an unterminated one ends at the line's end. */
    private static int endOfQuoted(String s, int i, char quote) {
        int k = i + 1;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (c == '\\') {
                k += 2;
            } else if (c == quote) {
                return k + 1;
            } else if (c == '\n') {
                return k;
            } else {
                k++;
            }
        }
        return s.length();
    }

    private static boolean startsWith(String s, int i, String prefix) {
        return s.startsWith(prefix, i);
    }

    private static int indexOf(String s, String what, int from) {
        return s.indexOf(what, from);
    }
}
