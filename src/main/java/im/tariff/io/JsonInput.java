package im.tariff.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a request's bytes (batch line, HTTP body, evaluate file or stdin) or text (scenarios, diff)
 * become a JSON tree, under one decoding policy and one set of bounds, with every failure in plain words and
 * the JSON path of the field (see docs/DECISIONS.md, "Input policy"):
 * <ul>
 * <li>strict UTF-8: a byte sequence that is not UTF-8 (bad bytes, overlong forms, encoded surrogates) is
 * refused, never replaced by U+FFFD; one UTF-8 byte order mark at the start is skipped; UTF-16 and UTF-32
 * are refused (their zero bytes are control characters, which JSON text may not hold raw);</li>
 * <li>a string or field name holding a lone surrogate (e.g. "\ud800") is refused with the field named;</li>
 * <li>at most {@value #MAX_BYTES} bytes, nested at most {@value #MAX_DEPTH} levels, no empty field names;</li>
 * <li>every number, wherever it stands, has at most {@value #MAX_INTEGER_DIGITS} digits before the decimal
 * point (counts up to 2^63-1 fit) and at most {@value #MAX_DECIMAL_PLACES} after it (trailing zeros do
 * not count); so no number can make an evaluation slow or huge;</li>
 * <li>one JSON value per document: anything after it is refused.</li>
 * </ul>
 * The tree is the one {@code Json.MAPPER.readTree} builds for a valid document (decimals with trailing zeros
 * stripped, integers as int, long or big-integer nodes). Stateless and thread-safe.
 */
public final class JsonInput {

    /** Largest document accepted, in bytes: the HTTP body limit, a batch line, an evaluate file. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting of arrays and objects accepted; a request needs 4 (usage.barrage[i].date). */
    public static final int MAX_DEPTH = 20;
    /** Digits before the decimal point: 19 holds every count up to 2^63-1 = 9223372036854775807. */
    public static final int MAX_INTEGER_DIGITS = 19;
    /** Digits after the decimal point (after trailing zeros are dropped): 1 bps in Mbps. */
    public static final int MAX_DECIMAL_PLACES = 6;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 8) // our own check, with the path, comes first
                    .maxDocumentLength(MAX_BYTES + 16L)
                    .build())
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonInput() {
    }

    /** Parses one document held as UTF-8 bytes in buf[off .. off+len). */
    public static JsonNode parse(byte[] buf, int off, int len) throws InvalidRequestException {
        if (len > MAX_BYTES) {
            throw tooLarge(MAX_BYTES, len);
        }
        int start = off;
        int end = off + len;
        if (len >= 3 && (buf[off] & 0xFF) == 0xEF && (buf[off + 1] & 0xFF) == 0xBB && (buf[off + 2] & 0xFF) == 0xBF) {
            start += 3; // a UTF-8 byte order mark is skipped (RFC 8259 section 8.1 allows it)
        }
        checkUtf8(buf, start, end);
        try (JsonParser p = FACTORY.createParser(buf, start, end - start)) {
            return document(p, buf, start, end);
        } catch (IOException e) {
            throw new InvalidRequestException("$", "malformed JSON: could not be read");
        }
    }

    /** The refusal of a document of length bytes over limit bytes, in the same words everywhere. */
    public static InvalidRequestException tooLarge(long limit, long length) {
        return new InvalidRequestException("$", "request over " + limit + " bytes (" + length + " bytes)");
    }

    /**
     * Parses one document given as text. A lone surrogate char outside a string is refused here; the text is
     * then read as its UTF-8 bytes, so it gets exactly the answer those bytes get.
     */
    public static JsonNode parse(String text) throws InvalidRequestException {
        if (text == null) {
            throw new InvalidRequestException("$", "empty request: expected a JSON object");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidRequestException("$", "not valid Unicode text at character " + (i + 1)
                        + ": a lone surrogate " + hex(c) + " is not a character");
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, 0, utf8.length);
    }

    // ---- bytes ----

    /** Strict UTF-8, and no raw control characters but tab, line feed and carriage return. */
    private static void checkUtf8(byte[] b, int from, int to) throws InvalidRequestException {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw controlCharacter(b, from, to, i, c);
                }
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c == 0xE0) {
                need = 2;
                lo = 0xA0; // no overlong forms
            } else if (c == 0xED) {
                need = 2;
                hi = 0x9F; // no encoded surrogates
            } else if (c >= 0xE1 && c <= 0xEF) {
                need = 2;
            } else if (c == 0xF0) {
                need = 3;
                lo = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                need = 3;
            } else if (c == 0xF4) {
                need = 3;
                hi = 0x8F; // nothing above U+10FFFF
            } else {
                throw badUtf8(b, from, to, i);
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= to) {
                    throw new InvalidRequestException("$", "not valid UTF-8 at byte " + (i - from + 1)
                            + ": the text ends inside a character; requests must be UTF-8");
                }
                int cont = b[i + k] & 0xFF;
                int min = k == 1 ? lo : 0x80;
                int max = k == 1 ? hi : 0xBF;
                if (cont < min || cont > max) {
                    throw badUtf8(b, from, to, i);
                }
            }
            i += need + 1;
        }
    }

    private static InvalidRequestException badUtf8(byte[] b, int from, int to, int at) {
        int c = b[at] & 0xFF;
        String hint = "";
        // only this request's bytes count: a batch buffer holds the next lines too
        if (at == from && to > at + 1 && (c == 0xFE || c == 0xFF)) {
            hint = " (a UTF-16 byte order mark?)";
        } else if (c == 0xED) {
            hint = " (an encoded surrogate, which is not a character)";
        }
        return new InvalidRequestException("$", "not valid UTF-8 at byte " + (at - from + 1) + " (byte "
                + String.format("%02X", c) + ")" + hint + "; requests must be UTF-8");
    }

    private static InvalidRequestException controlCharacter(byte[] b, int from, int to, int at, int c) {
        String hint = c == 0 ? " (UTF-16 or UTF-32 text? requests must be UTF-8)"
                : " (inside a string write it as \\u" + String.format("%04X", c) + ")";
        return new InvalidRequestException("$", "malformed JSON at " + position(b, from, to, at)
                + ": control character U+" + String.format("%04X", c) + " is not allowed raw" + hint);
    }

    /** "line L, column C" of byte offset at, both from 1, the column in characters. */
    private static String position(byte[] b, int from, int to, int at) {
        int line = 1;
        int column = 1;
        for (int i = from; i < at && i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == '\n') {
                line++;
                column = 1;
            } else if ((c & 0xC0) != 0x80) { // not a continuation byte: a new character
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    // ---- the tree ----

    private static JsonNode document(JsonParser p, byte[] buf, int from, int to)
            throws IOException, InvalidRequestException {
        JsonNode root;
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidRequestException("$", "empty request: expected a JSON object");
            }
            root = value(p, t, 0, buf, from, to);
        } catch (JacksonException e) {
            throw classify(e, p, buf, from, to, false);
        }
        try {
            if (p.nextToken() != null) {
                throw new InvalidRequestException("$", "malformed JSON at " + where(p.currentTokenLocation(), buf, from, to)
                        + ": two JSON values in one request (something follows the first value)");
            }
        } catch (JacksonException e) {
            throw classify(e, p, buf, from, to, true);
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t, int depth, byte[] buf, int from, int to)
            throws IOException, InvalidRequestException {
        switch (t) {
            case START_OBJECT -> {
                nesting(p, depth);
                ObjectNode o = NODES.objectNode();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (name.isEmpty()) {
                        throw new InvalidRequestException(objectPath(p), "a field with an empty name (\"\") is not "
                                + "allowed; every field needs its name");
                    }
                    String lone = loneSurrogate(name);
                    if (lone != null) {
                        throw new InvalidRequestException(objectPath(p), "a field name holds a lone surrogate " + lone
                                + ", which is not a character");
                    }
                    if (o.has(name)) {
                        throw new InvalidRequestException(path(p.getParsingContext()), "given twice at "
                                + where(p.currentTokenLocation(), buf, from, to) + " (a field appears at most once)");
                    }
                    o.set(name, value(p, p.nextToken(), depth + 1, buf, from, to));
                }
                return o; // next is END_OBJECT: the parser refuses anything else
            }
            case START_ARRAY -> {
                nesting(p, depth);
                ArrayNode a = NODES.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(value(p, next, depth + 1, buf, from, to));
                }
                return a;
            }
            case VALUE_STRING -> {
                String text = p.getText();
                String lone = loneSurrogate(text);
                if (lone != null) {
                    throw new InvalidRequestException(path(p.getParsingContext()), "the string holds a lone surrogate "
                            + lone + ", which is not a character");
                }
                return TextNode.valueOf(text);
            }
            case VALUE_NUMBER_INT -> {
                return integer(p);
            }
            case VALUE_NUMBER_FLOAT -> {
                return DecimalNode.valueOf(decimal(p.getText(), p));
            }
            case VALUE_TRUE -> {
                return BooleanNode.TRUE;
            }
            case VALUE_FALSE -> {
                return BooleanNode.FALSE;
            }
            case VALUE_NULL -> {
                return NullNode.instance;
            }
            default -> throw new InvalidRequestException(path(p.getParsingContext()),
                    "malformed JSON: unexpected " + t.asString());
        }
    }

    private static void nesting(JsonParser p, int depth) throws InvalidRequestException {
        if (depth >= MAX_DEPTH) {
            throw new InvalidRequestException(objectPath(p), "nested deeper than " + MAX_DEPTH
                    + " levels (a request needs 4)");
        }
    }

    private static JsonNode integer(JsonParser p) throws IOException, InvalidRequestException {
        int digits = p.getTextLength() - (p.getTextCharacters()[p.getTextOffset()] == '-' ? 1 : 0);
        if (digits > MAX_INTEGER_DIGITS) {
            throw new InvalidRequestException(path(p.getParsingContext()), "number too large: " + shorten(p.getText())
                    + " has " + digits + " digits (at most " + MAX_INTEGER_DIGITS + ")");
        }
        return switch (p.getNumberType()) {
            case INT -> IntNode.valueOf(p.getIntValue());
            case LONG -> LongNode.valueOf(p.getLongValue());
            default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
        };
    }

    /**
     * The exact value of a JSON number with a fraction or an exponent, trailing zeros dropped (as
     * readTree gives it), refused before any BigDecimal is made when it is out of bounds: "1e3000000000"
     * and "1e-999999999" never reach BigDecimal arithmetic.
     */
    static BigDecimal decimal(String text, JsonParser p) throws InvalidRequestException {
        int i = 0;
        int n = text.length();
        boolean negative = i < n && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        StringBuilder digits = new StringBuilder(Math.min(n, 64));
        while (i < n && isDigit(text.charAt(i))) {
            digits.append(text.charAt(i++));
        }
        int fracDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                digits.append(text.charAt(i++));
                fracDigits++;
            }
        }
        long exponent = 0;
        boolean hugeExponent = false;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                expNegative = text.charAt(i) == '-';
                i++;
            }
            while (i < n && isDigit(text.charAt(i))) {
                exponent = exponent * 10 + (text.charAt(i++) - '0');
                if (exponent > 1_000_000_000L) {
                    hugeExponent = true;
                    exponent = 1_000_000_000L; // the size is all that matters from here on
                }
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        // strip leading and trailing zeros of the digits: value = digits x 10^(exponent - fracDigits + trailing)
        int first = 0;
        while (first < digits.length() && digits.charAt(first) == '0') {
            first++;
        }
        if (first == digits.length()) {
            return BigDecimal.ZERO; // zero, whatever its exponent
        }
        int last = digits.length();
        while (digits.charAt(last - 1) == '0') {
            last--;
        }
        long power = exponent - fracDigits + (digits.length() - last);
        long significant = last - first;
        long places = -power;
        long before = significant + power;
        String path = p == null ? "$" : path(p.getParsingContext());
        if (hugeExponent || before > MAX_INTEGER_DIGITS) {
            if (!hugeExponent || exponent > 0) {
                throw new InvalidRequestException(path, "number too large: " + shorten(text) + " (at most "
                        + MAX_INTEGER_DIGITS + " digits before the decimal point)");
            }
        }
        if (hugeExponent || places > MAX_DECIMAL_PLACES) {
            throw new InvalidRequestException(path, "too many decimal places: " + shorten(text) + " (at most "
                    + MAX_DECIMAL_PLACES + " digits after the decimal point)");
        }
        BigInteger unscaled = new BigInteger(digits.substring(first, last));
        return new BigDecimal(negative ? unscaled.negate() : unscaled, (int) -power);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The first lone surrogate of s as \\uXXXX, or null when s is valid Unicode. */
    private static String loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return hex(c);
                }
            }
        }
        return null;
    }

    private static String hex(char c) {
        return String.format("\\u%04X", (int) c);
    }

    private static String shorten(String text) {
        return text.length() <= 24 ? text : text.substring(0, 20) + "… (" + text.length() + " characters)";
    }

    // ---- paths ----

    /** The JSON path (usage.dailyDau[3].date) of the parser's current position; "" at the root. */
    static String path(JsonStreamContext ctx) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                segments.push("." + c.getCurrentName());
            }
        }
        String path = String.join("", segments);
        return orRoot(path.startsWith(".") ? path.substring(1) : path);
    }

    /** The path of the object or array the parser has just entered or is in (not of its current field). */
    private static String objectPath(JsonParser p) {
        JsonStreamContext parent = p.getParsingContext().getParent();
        return parent == null ? "$" : path(parent);
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? "$" : path;
    }

    // ---- parse failures in plain words ----

    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\((.+?) \\(code (\\d+)[^)]*\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)'");

    /** Every failure of the parser, worded for people; never a class name or a parser setting. */
    static InvalidRequestException classify(JacksonException e, JsonParser p, byte[] buf, int from, int to,
                                            boolean afterValue) {
        String at = where(e.getLocation(), buf, from, to);
        String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        msg = msg == null ? "" : msg;
        String field = "$";
        if (afterValue) {
            return new InvalidRequestException("$", "malformed JSON at " + at
                    + ": two JSON values in one request (something follows the first value)");
        }
        if (e instanceof StreamConstraintsException) {
            String what;
            if (msg.contains("nesting depth")) {
                what = "nested deeper than " + MAX_DEPTH + " levels (a request needs 4)";
            } else if (msg.contains("Number value length")) {
                what = "number too long (at most " + MAX_INTEGER_DIGITS + " digits before the decimal point and "
                        + MAX_DECIMAL_PLACES + " after it)";
                field = p == null ? "$" : path(p.getParsingContext());
            } else if (msg.contains("String value length") || msg.contains("Name length")) {
                what = "a string is too long";
            } else if (msg.contains("Document length")) {
                what = "request over " + MAX_BYTES + " bytes";
            } else {
                what = "the request exceeds a size limit";
            }
            return new InvalidRequestException(field, what);
        }
        return new InvalidRequestException("$", "malformed JSON at " + at + ": " + plain(msg));
    }

    /** Jackson's wording of a syntax error, said plainly. */
    static String plain(String original) {
        int cut = original.indexOf(" (start marker");
        String msg = cut < 0 ? original : original.substring(0, cut);
        if (msg.startsWith("Unexpected end-of-input")) {
            String m = msg.toLowerCase();
            if (m.contains("string value") || m.contains("value_string") || m.contains("closing quote")) {
                return "the JSON ends early, inside a string";
            }
            if (m.contains("field name")) {
                return "the JSON ends early, inside a field name";
            }
            if (m.contains("object")) {
                return "the JSON ends early: an object is not closed with '}'";
            }
            if (m.contains("array")) {
                return "the JSON ends early: an array is not closed with ']'";
            }
            if (m.contains("number")) {
                return "the JSON ends early, inside a number";
            }
            return "the JSON ends early";
        }
        if (msg.contains("end-of-input")) {
            return "the JSON ends early";
        }
        if (msg.contains("surrogate")) {
            return "a lone surrogate (\\uD800 to \\uDFFF without its pair) is not a character";
        }
        if (msg.contains("separating root-level values")) {
            return "two JSON values in one request (something follows the first value)";
        }
        Matcher token = TOKEN.matcher(msg);
        if (token.find()) {
            return "unknown word '" + shorten(token.group(1)) + "': expected a string, a number, an array, an object, "
                    + "true, false or null";
        }
        Matcher close = CLOSE_MARKER.matcher(msg);
        if (close.find()) {
            return "'" + close.group(1) + "' closes nothing that is open here";
        }
        if (msg.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (msg.contains("CTRL-CHAR")) {
            return "a control character inside a string must be escaped (e.g. \\n, \\t or \\u0001)";
        }
        if (msg.startsWith("Unrecognized character escape")) {
            return "unknown escape sequence in a string (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)";
        }
        if (msg.contains("hex-digit for character escape")) {
            return "a \\u escape in a string needs four hex digits";
        }
        if (msg.startsWith("Invalid numeric value") || msg.contains("in numeric value")) {
            String m = msg.toLowerCase();
            if (m.contains("leading zero")) {
                return "invalid number: leading zeros are not allowed";
            }
            return "invalid number (JSON numbers look like 12, -3, 12.5 or 1.5e3)";
        }
        Matcher ch = UNEXPECTED_CHAR.matcher(msg);
        if (ch.find()) {
            String c = describe(Integer.parseInt(ch.group(2)));
            if (msg.contains("comment")) {
                return "comments are not allowed in JSON";
            }
            if (msg.contains("start field name") || msg.contains("for unquoted name")) {
                return "expected a field name in double quotes, got " + c;
            }
            if (msg.contains("separate Object entries")) {
                return "expected ',' or '}' after a field's value, got " + c;
            }
            if (msg.contains("separate Array entries")) {
                return "expected ',' or ']' after an array element, got " + c;
            }
            if (msg.contains("colon")) {
                return "expected ':' after the field name, got " + c;
            }
            if (msg.contains("expected a value") || msg.contains("expected a valid value")) {
                return "expected a value (a string, a number, an array, an object, true, false or null), got " + c;
            }
            return "unexpected " + c;
        }
        if (msg.startsWith("Invalid UTF-8")) {
            return "not valid UTF-8; requests must be UTF-8";
        }
        return "the text is not valid JSON";
    }

    private static String describe(int code) {
        if (code < 0x20 || code == 0x7F) {
            return "control character U+" + String.format("%04X", code);
        }
        return "'" + new String(Character.toChars(code)) + "'";
    }

    /** "line L, column C" of a parser location, the column counted in characters. */
    private static String where(JsonLocation loc, byte[] buf, int from, int to) {
        if (loc == null) {
            return "line 1, column 1";
        }
        long offset = loc.getByteOffset();
        if (offset >= 0 && buf != null) {
            return position(buf, from, to, (int) Math.min(from + offset, to));
        }
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** The same wording for a failure of some other parse of request text (kept for existing callers). */
    static InvalidRequestException malformed(JacksonException e) {
        return classify(e, e.getProcessor() instanceof JsonParser jp ? jp : null, null, 0, 0, false);
    }
}
