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
import im.tariff.i18n.Messages;
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
 * stripped, integers as int, long or big-integer nodes). The words are those of the {@link Messages} given
 * (the reader passes its catalog's); without, {@link Messages#defaults()}. Stateless and thread-safe.
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

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 8) // our own check, with the path, comes first
                    .maxDocumentLength(MAX_BYTES + 16L)
                    .build())
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonInput() {
    }

    /** Parses one document held as UTF-8 bytes in buf[off .. off+len), refusals in the default language. */
    public static JsonNode parse(byte[] buf, int off, int len) throws InvalidRequestException {
        return parse(buf, off, len, Messages.defaults());
    }

    /** Parses one document held as UTF-8 bytes in buf[off .. off+len), refusals in the words of m. */
    public static JsonNode parse(byte[] buf, int off, int len, Messages m) throws InvalidRequestException {
        if (len > MAX_BYTES) {
            throw tooLarge(MAX_BYTES, len, m);
        }
        int start = off;
        int end = off + len;
        if (len >= 3 && (buf[off] & 0xFF) == 0xEF && (buf[off + 1] & 0xFF) == 0xBB && (buf[off + 2] & 0xFF) == 0xBF) {
            start += 3; // a UTF-8 byte order mark is skipped (RFC 8259 section 8.1 allows it)
        }
        checkUtf8(buf, start, end, m);
        try (JsonParser p = FACTORY.createParser(buf, start, end - start)) {
            return document(p, buf, start, end, m);
        } catch (IOException e) {
            throw new InvalidRequestException("$", m.format("json.unreadable"));
        }
    }

    /** The refusal of a document of length bytes over limit bytes, in the same words everywhere. */
    public static InvalidRequestException tooLarge(long limit, long length) {
        return tooLarge(limit, length, Messages.defaults());
    }

    public static InvalidRequestException tooLarge(long limit, long length, Messages m) {
        return new InvalidRequestException("$", m.format("json.tooLarge", limit, length));
    }

    /**
     * Parses one document given as text. A lone surrogate char outside a string is refused here; the text is
     * then read as its UTF-8 bytes, so it gets exactly the answer those bytes get.
     */
    public static JsonNode parse(String text) throws InvalidRequestException {
        return parse(text, Messages.defaults());
    }

    /** Parses one document given as text, refusals in the words of m. */
    public static JsonNode parse(String text, Messages m) throws InvalidRequestException {
        if (text == null) {
            throw new InvalidRequestException("$", m.format("reader.empty"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidRequestException("$", m.format("json.loneSurrogateText", i + 1, hex(c)));
            }
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return parse(utf8, 0, utf8.length, m);
    }

    // ---- bytes ----

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_7 = 0x7F7F7F7F7F7F7F7FL;
    /** Added to each byte's low 7 bits, sets its high bit exactly when the byte is 0x20 or more. */
    private static final long ADD_TO_0x20 = 0x6060606060606060L;

    /** Strict UTF-8, and no raw control characters but tab, line feed and carriage return. */
    static void checkUtf8(byte[] b, int from, int to, Messages m) throws InvalidRequestException {
        int i = from;
        while (i < to) {
            // eight plain printable ASCII bytes at a time (most of a request): none with the high bit set, none
            // below 0x20; anything else is looked at byte by byte (the loop was 14 % of a month-end batch)
            if (i + 8 <= to) {
                long v = (long) LONGS.get(b, i);
                if (((v | ((v & LOW_7) + ADD_TO_0x20)) & HIGH_BITS) == HIGH_BITS && (v & HIGH_BITS) == 0) {
                    i += 8;
                    continue;
                }
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    throw controlCharacter(b, from, to, i, c, m);
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
                throw badUtf8(b, from, to, i, m);
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= to) {
                    throw new InvalidRequestException("$", m.format("json.endsInsideCharacter", i - from + 1));
                }
                int cont = b[i + k] & 0xFF;
                int min = k == 1 ? lo : 0x80;
                int max = k == 1 ? hi : 0xBF;
                if (cont < min || cont > max) {
                    throw badUtf8(b, from, to, i, m);
                }
            }
            i += need + 1;
        }
    }

    private static InvalidRequestException badUtf8(byte[] b, int from, int to, int at, Messages m) {
        int c = b[at] & 0xFF;
        String hint = "";
        // only this request's bytes count: a batch buffer holds the next lines too
        if (at == from && to > at + 1 && (c == 0xFE || c == 0xFF)) {
            hint = m.format("json.hint.utf16Bom");
        } else if (c == 0xED) {
            hint = m.format("json.hint.encodedSurrogate");
        }
        return new InvalidRequestException("$", m.format("json.badUtf8", at - from + 1, String.format("%02X", c), hint));
    }

    private static InvalidRequestException controlCharacter(byte[] b, int from, int to, int at, int c, Messages m) {
        String hint = c == 0 ? m.format("json.hint.utf16") : m.format("json.hint.escape", String.format("%04X", c));
        return new InvalidRequestException("$", m.format("json.controlCharacter", position(b, from, to, at, m),
                String.format("%04X", c), hint));
    }

    /** "line L, column C" of byte offset at, both from 1, the column in characters. */
    private static String position(byte[] b, int from, int to, int at, Messages m) {
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
        return m.format("json.position", line, column);
    }

    // ---- the tree ----

    private static JsonNode document(JsonParser p, byte[] buf, int from, int to, Messages m)
            throws IOException, InvalidRequestException {
        JsonNode root;
        try {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidRequestException("$", m.format("reader.empty"));
            }
            root = value(p, t, 0, buf, from, to, m);
        } catch (JacksonException e) {
            throw classify(e, p, buf, from, to, false, m);
        }
        try {
            if (p.nextToken() != null) {
                throw new InvalidRequestException("$", m.format("json.twoValues",
                        where(p.currentTokenLocation(), buf, from, to, m)));
            }
        } catch (JacksonException e) {
            throw classify(e, p, buf, from, to, true, m);
        }
        return root;
    }

    private static JsonNode value(JsonParser p, JsonToken t, int depth, byte[] buf, int from, int to, Messages m)
            throws IOException, InvalidRequestException {
        switch (t) {
            case START_OBJECT -> {
                nesting(p, depth, m);
                ObjectNode o = NODES.objectNode();
                JsonToken next;
                while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (name.isEmpty()) {
                        throw new InvalidRequestException(objectPath(p), m.format("json.emptyName"));
                    }
                    String lone = loneSurrogate(name);
                    if (lone != null) {
                        throw new InvalidRequestException(objectPath(p), m.format("json.nameSurrogate", lone));
                    }
                    if (o.has(name)) {
                        throw new InvalidRequestException(path(p.getParsingContext()), m.format("json.givenTwice",
                                where(p.currentTokenLocation(), buf, from, to, m)));
                    }
                    o.set(name, value(p, p.nextToken(), depth + 1, buf, from, to, m));
                }
                return o; // next is END_OBJECT: the parser refuses anything else
            }
            case START_ARRAY -> {
                nesting(p, depth, m);
                ArrayNode a = NODES.arrayNode();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(value(p, next, depth + 1, buf, from, to, m));
                }
                return a;
            }
            case VALUE_STRING -> {
                String text = p.getText();
                String lone = loneSurrogate(text);
                if (lone != null) {
                    throw new InvalidRequestException(path(p.getParsingContext()), m.format("json.stringSurrogate", lone));
                }
                return TextNode.valueOf(text);
            }
            case VALUE_NUMBER_INT -> {
                return integer(p, m);
            }
            case VALUE_NUMBER_FLOAT -> {
                return DecimalNode.valueOf(decimal(p.getText(), p, m));
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
                    m.format("json.unexpectedToken", t.asString()));
        }
    }

    private static void nesting(JsonParser p, int depth, Messages m) throws InvalidRequestException {
        if (depth >= MAX_DEPTH) {
            throw new InvalidRequestException(objectPath(p), m.format("json.tooDeep", MAX_DEPTH));
        }
    }

    private static JsonNode integer(JsonParser p, Messages m) throws IOException, InvalidRequestException {
        int digits = p.getTextLength() - (p.getTextCharacters()[p.getTextOffset()] == '-' ? 1 : 0);
        if (digits > MAX_INTEGER_DIGITS) {
            throw new InvalidRequestException(path(p.getParsingContext()), m.format("json.integerTooLarge",
                    shorten(p.getText(), m), digits, MAX_INTEGER_DIGITS));
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
    static BigDecimal decimal(String text, JsonParser p, Messages m) throws InvalidRequestException {
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
        if (hugeExponent || before > MAX_INTEGER_DIGITS) {
            if (!hugeExponent || exponent > 0) {
                throw new InvalidRequestException(pathOf(p), m.format("json.numberTooLarge", shorten(text, m),
                        MAX_INTEGER_DIGITS));
            }
        }
        if (hugeExponent || places > MAX_DECIMAL_PLACES) {
            throw new InvalidRequestException(pathOf(p), m.format("json.tooManyPlaces", shorten(text, m),
                    MAX_DECIMAL_PLACES));
        }
        BigInteger unscaled = new BigInteger(digits.substring(first, last));
        return new BigDecimal(negative ? unscaled.negate() : unscaled, (int) -power);
    }

    /**
     * A plain decimal as {@link #decimal} reads it (trailing zeros dropped), for the common case only: digits, a
     * point, digits, at most 18 digits in all, no sign, no exponent, within {@link #MAX_DECIMAL_PLACES} once
     * trimmed. Anything else is null, and {@link #decimal} reads it and words its refusal. No string is made.
     */
    static BigDecimal shortDecimal(char[] c, int off, int len) {
        if (len < 3 || len > 19) {
            return null;
        }
        long unscaled = 0;
        int point = -1;
        for (int i = 0; i < len; i++) {
            char ch = c[off + i];
            if (ch == '.' && point < 0) {
                point = i;
            } else if (ch >= '0' && ch <= '9') {
                unscaled = unscaled * 10 + (ch - '0');
            } else {
                return null;
            }
        }
        if (point <= 0 || point == len - 1) {
            return null;
        }
        if (unscaled == 0) {
            return BigDecimal.ZERO;
        }
        int scale = len - 1 - point;
        while (unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        return scale > MAX_DECIMAL_PLACES ? null : BigDecimal.valueOf(unscaled, scale);
    }

    /** The parser's path, made only for an error: it was 3 % of a batch when made for every number. */
    private static String pathOf(JsonParser p) {
        return p == null ? "$" : path(p.getParsingContext());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether s holds a surrogate that is not half of a pair. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return loneSurrogate(s) != null;
            }
        }
        return false;
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

    private static String shorten(String text, Messages m) {
        return text.length() <= 24 ? text : m.format("json.shortened", text.substring(0, 20), text.length());
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
                                            boolean afterValue, Messages m) {
        String at = where(e.getLocation(), buf, from, to, m);
        String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        msg = msg == null ? "" : msg;
        String field = "$";
        if (afterValue) {
            return new InvalidRequestException("$", m.format("json.twoValues", at));
        }
        if (e instanceof StreamConstraintsException) {
            String what;
            if (msg.contains("nesting depth")) {
                what = m.format("json.tooDeep", MAX_DEPTH);
            } else if (msg.contains("Number value length")) {
                what = m.format("json.numberTooLong", MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES);
                field = p == null ? "$" : path(p.getParsingContext());
            } else if (msg.contains("String value length") || msg.contains("Name length")) {
                what = m.format("json.stringTooLong");
            } else if (msg.contains("Document length")) {
                what = m.format("json.documentTooLarge", MAX_BYTES);
            } else {
                what = m.format("json.sizeLimit");
            }
            return new InvalidRequestException(field, what);
        }
        return new InvalidRequestException("$", m.format("json.malformedAt", at, plain(msg, m)));
    }

    /** Jackson's wording of a syntax error, said plainly. */
    static String plain(String original, Messages m) {
        int cut = original.indexOf(" (start marker");
        String msg = cut < 0 ? original : original.substring(0, cut);
        if (msg.startsWith("Unexpected end-of-input")) {
            String lower = msg.toLowerCase();
            if (lower.contains("string value") || lower.contains("value_string") || lower.contains("closing quote")) {
                return m.format("json.plain.endsInString");
            }
            if (lower.contains("field name")) {
                return m.format("json.plain.endsInName");
            }
            if (lower.contains("object")) {
                return m.format("json.plain.objectNotClosed");
            }
            if (lower.contains("array")) {
                return m.format("json.plain.arrayNotClosed");
            }
            if (lower.contains("number")) {
                return m.format("json.plain.endsInNumber");
            }
            return m.format("json.plain.endsEarly");
        }
        if (msg.contains("end-of-input")) {
            return m.format("json.plain.endsEarly");
        }
        if (msg.contains("surrogate")) {
            return m.format("json.plain.loneSurrogate");
        }
        if (msg.contains("separating root-level values")) {
            return m.format("json.plain.twoValues");
        }
        Matcher token = TOKEN.matcher(msg);
        if (token.find()) {
            return m.format("json.plain.unknownWord", shorten(token.group(1), m));
        }
        Matcher close = CLOSE_MARKER.matcher(msg);
        if (close.find()) {
            return m.format("json.plain.closesNothing", close.group(1));
        }
        if (msg.startsWith("Non-standard token")) {
            return m.format("json.plain.nan");
        }
        if (msg.contains("CTRL-CHAR")) {
            return m.format("json.plain.controlInString");
        }
        if (msg.startsWith("Unrecognized character escape")) {
            return m.format("json.plain.unknownEscape");
        }
        if (msg.contains("hex-digit for character escape")) {
            return m.format("json.plain.hexEscape");
        }
        if (msg.startsWith("Invalid numeric value") || msg.contains("in numeric value")) {
            if (msg.toLowerCase().contains("leading zero")) {
                return m.format("json.plain.leadingZeros");
            }
            return m.format("json.plain.invalidNumber");
        }
        Matcher ch = UNEXPECTED_CHAR.matcher(msg);
        if (ch.find()) {
            String c = describe(Integer.parseInt(ch.group(2)), m);
            if (msg.contains("comment")) {
                return m.format("json.plain.comments");
            }
            if (msg.contains("start field name") || msg.contains("for unquoted name")) {
                return m.format("json.plain.expectedName", c);
            }
            if (msg.contains("separate Object entries")) {
                return m.format("json.plain.expectedAfterValue", c);
            }
            if (msg.contains("separate Array entries")) {
                return m.format("json.plain.expectedAfterElement", c);
            }
            if (msg.contains("colon")) {
                return m.format("json.plain.expectedColon", c);
            }
            if (msg.contains("expected a value") || msg.contains("expected a valid value")) {
                return m.format("json.plain.expectedValue", c);
            }
            return m.format("json.plain.unexpected", c);
        }
        if (msg.startsWith("Invalid UTF-8")) {
            return m.format("json.plain.notUtf8");
        }
        return m.format("json.plain.notJson");
    }

    private static String describe(int code, Messages m) {
        if (code < 0x20 || code == 0x7F) {
            return m.format("json.plain.controlCharacter", String.format("%04X", code));
        }
        return m.format("json.plain.character", new String(Character.toChars(code)));
    }

    /** "line L, column C" of a parser location, the column counted in characters. */
    private static String where(JsonLocation loc, byte[] buf, int from, int to, Messages m) {
        if (loc == null) {
            return m.format("json.position", 1, 1);
        }
        long offset = loc.getByteOffset();
        if (offset >= 0 && buf != null) {
            return position(buf, from, to, (int) Math.min(from + offset, to), m);
        }
        return m.format("json.position", loc.getLineNr(), loc.getColumnNr());
    }
}
