package im.tariff.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutates a valid request into a hostile one, the way a careless or malicious client would: wrong types,
 * odd keys, extreme numbers, other encodings, bad UTF-8, lone surrogates, deep nesting, truncation,
 * duplicate keys, trailing values. Deterministic for a given random source. The result never holds a
 * newline or carriage return byte, so it is exactly one batch line.
 */
public final class Mutator {

    static final List<String> NUMBERS = List.of("1e3000000000", "1.0e-2147483648", "1e1000000", "1e-999999999",
            "1e999999999", "1e100000", "0e999999999", "9223372036854775807", "9223372036854775808",
            "99999999999999999999", "-9223372036854775808", "-1", "-0", "0.0000001", "0.000001", "1.000000000",
            "12.5", "1E+2", "1e19", "1e18", "9999999999999999999.999999", "-1e-7", "5.0", "1" + "0".repeat(2000),
            "0." + "0".repeat(1500) + "1", "01", "1.", "-", "NaN", "Infinity", "0x10", "1_000", "+1", ".5",
            "\"5\"", "true", "null", "[]", "{}", "[1,2]", "\"\"");
    static final List<String> STRINGS = List.of("", " ", "\\ud800", "\\udc00x", "x\\ud83d", "\\ud83d\\ude00",
            "a\\u0000b", "专业版", "PRO", "TRIAL", "FLAGSHIP", "x".repeat(3000), "\\x", "\t", "\\u12", "2026-13",
            "9999-12", "9999-11", "0000-01", "2026-10-32", "2026-02-29", "DOMESTIC", "HISTORY_STORAGE", "\u00e9\u4e2d",
            "\\\"", "\\\\");
    static final List<String> KEYS = List.of("", " ", "peakDAU", "APPID", "\\ud800", "appId", "plan", "usage",
            "billingMonth", "dailyDau", "date", "peakMbps", "__proto__", "\u4e2d", "a.b", "[0]");
    private static final String PUNCTUATION = "{}[]:,\"\\ 0123456789aeE.-+tfnul";

    private final SplittableRandom rng;

    public Mutator(SplittableRandom rng) {
        this.rng = rng;
    }

    /** One to three mutations of the request's JSON text, sometimes re-encoded or byte-damaged. */
    public byte[] mutate(String json) {
        String s = json;
        int n = 1 + rng.nextInt(3);
        for (int i = 0; i < n; i++) {
            s = text(s);
        }
        byte[] b = encode(s);
        return oneLine(b);
    }

    private String text(String s) {
        switch (rng.nextInt(14)) {
            case 0, 1: return replaceNumber(s, pick(NUMBERS));
            case 2: return replaceString(s, "\"" + pick(STRINGS) + "\"");
            case 3: return replaceString(s, pick(NUMBERS));
            case 4: return replaceKey(s, pick(KEYS));
            case 5: return s.substring(0, rng.nextInt(s.length() + 1)); // truncated
            case 6: return s + pick(List.of(" {}", "x", ",", "]", "}", " ", "\t", "null", "\"a\"", " 1"));
            case 7: { // nested
                int k = 1 + rng.nextInt(rng.nextBoolean() ? 25 : 3000);
                return rng.nextBoolean() ? "[".repeat(k) + s + "]".repeat(k)
                        : s.replaceFirst("\\{", "{\"usage\":" + "[".repeat(k) + "]".repeat(k) + ",");
            }
            case 8: return s.replaceFirst("\\{", "{\"appId\":\"dup\","); // a key twice
            case 9: { // a character dropped
                if (s.isEmpty()) {
                    return s;
                }
                int at = rng.nextInt(s.length());
                return s.substring(0, at) + s.substring(at + 1);
            }
            case 10: { // a character inserted
                int at = rng.nextInt(s.length() + 1);
                return s.substring(0, at) + PUNCTUATION.charAt(rng.nextInt(PUNCTUATION.length())) + s.substring(at);
            }
            case 11: return s.replaceFirst("\"usage\":\\{", "\"usage\":[").replaceFirst("\\}\\}$", "]}");
            case 12: return replaceString(s, pick(List.of("{}", "[]", "null", "true", "{\"\":1}", "[[[]]]")));
            default: return s.replaceFirst("\\{", "{" + "\"" + pick(KEYS) + "\":" + pick(NUMBERS) + ",");
        }
    }

    private byte[] encode(String s) {
        int r = rng.nextInt(20);
        Charset utf8 = StandardCharsets.UTF_8;
        switch (r) {
            case 0: return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, s.getBytes(utf8)); // BOM
            case 1: return s.getBytes(StandardCharsets.UTF_16LE);
            case 2: return s.getBytes(StandardCharsets.UTF_16); // with its BOM
            case 3: return s.getBytes(Charset.forName("UTF-32BE"));
            case 4, 5, 6: { // bad UTF-8 somewhere
                byte[] bad = pick(List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80},
                        new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {0}, new byte[] {0x1F}));
                byte[] b = s.getBytes(utf8);
                int at = rng.nextInt(b.length + 1);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.writeBytes(bad);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            case 7: { // one byte flipped
                byte[] b = s.getBytes(utf8);
                if (b.length > 0) {
                    b[rng.nextInt(b.length)] ^= (byte) (1 << rng.nextInt(8));
                }
                return b;
            }
            default: return s.getBytes(utf8);
        }
    }

    private static byte[] oneLine(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || b[i] == '\r') {
                b[i] = ' ';
            }
        }
        return b;
    }

    private String replaceNumber(String s, String with) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=:)-?\\d+(\\.\\d+)?").matcher(s);
        return replaceNth(s, m, with);
    }

    private String replaceString(String s, String with) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<=:)\"[^\"]*\"").matcher(s);
        return replaceNth(s, m, with);
    }

    private String replaceKey(String s, String with) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"[^\"]*\"(?=:)").matcher(s);
        return replaceNth(s, m, "\"" + with + "\"");
    }

    private String replaceNth(String s, java.util.regex.Matcher m, String with) {
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return s;
        }
        int target = rng.nextInt(count);
        m.reset();
        for (int i = 0; i <= target; i++) {
            m.find();
        }
        return s.substring(0, m.start()) + with + s.substring(m.end());
    }

    private <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
