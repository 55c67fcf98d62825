package im.tariff.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import im.tariff.model.BillRequest;
import im.tariff.model.Usage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The input policy: bounds, decoding, structure, and plain words for every parse failure. The words are read
 * in English here (the seed tariff speaks Chinese; RequestReaderTest checks that its reader says them so).
 */
class JsonInputTest {

    private static final Messages EN = Messages.of(Language.EN);
    private final RequestReader reader = im.tariff.evaluate.SharedEngine.reader();

    private static String barrage(String mbps) {
        return "{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"barrage\":[{\"date\":"
                + "\"2026-10-01\",\"region\":\"DOMESTIC\",\"peakMbps\":" + mbps + "}]}}";
    }

    private static String users(String n) {
        return "{\"appId\":\"1\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\",\"usage\":{\"users\":" + n + "}}";
    }

    private InvalidRequestException refusal(String json) {
        return catchThrowableOfType(InvalidRequestException.class, () -> reader.read(JsonInput.parse(json, EN)));
    }

    private InvalidRequestException refusal(byte[] bytes) {
        return catchThrowableOfType(InvalidRequestException.class,
                () -> reader.read(JsonInput.parse(bytes, 0, bytes.length, EN)));
    }

    @Test
    void theLargestCountIsReadExactly() throws Exception {
        BillRequest r = reader.read(users("9223372036854775807"));
        assertThat(r.usage()).containsExactly(new Usage("USERS", Long.MAX_VALUE));
    }

    @ParameterizedTest(name = "peakMbps {0} = {1}")
    @CsvSource({"12.5000000, 12.5", "1.25e2, 125", "0.000001, 0.000001", "0e999999999, 0",
            "9999999999999999999.999999, 9999999999999999999.999999"})
    void decimalsWithinTheBoundsAreReadExactly(String text, String value) throws Exception {
        assertThat(reader.read(barrage(text)).daily().get(0).value()).isEqualByComparingTo(new BigDecimal(value));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e1000000", "1e3000000000", "1e19", "10000000000000000000.5", "1e999999999"})
    void aNumberTooLargeIsRefusedNamingItsField(String text) {
        InvalidRequestException e = refusal(barrage(text));
        assertThat(e.field()).isEqualTo("usage.barrage[0].peakMbps");
        assertThat(e.reason()).startsWith("number too large");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0000001", "1e-999999999", "1.0e-2147483648", "1.2345678"})
    void aNumberWithTooManyDecimalPlacesIsRefusedNamingItsField(String text) {
        InvalidRequestException e = refusal(barrage(text));
        assertThat(e.field()).isEqualTo("usage.barrage[0].peakMbps");
        assertThat(e.reason()).startsWith("too many decimal places");
    }

    @Test
    void anIntegerOfTwentyDigitsIsRefusedWhereverItStands() {
        assertThat(refusal("{\"x\":{\"y\":[99999999999999999999]}}").field()).isEqualTo("x.y[0]");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        byte[] json = users("5").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertThat(reader.read(withBom, 0, withBom.length)).isEqualTo(reader.read(json, 0, json.length));
        assertThat(reader.read("\uFEFF" + users("5"))).isEqualTo(reader.read(json, 0, json.length));
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] bad = "{\"appId\":\"a\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1); // a lone FF byte
        InvalidRequestException e = refusal(bad);
        assertThat(e.field()).isEqualTo("$");
        assertThat(e.reason()).contains("not valid UTF-8 at byte 12 (byte FF)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32BE", "UTF-32LE"})
    void utf16AndUtf32AreRefused(String charset) {
        InvalidRequestException e = refusal(users("5").getBytes(java.nio.charset.Charset.forName(charset)));
        assertThat(e.field()).isEqualTo("$");
        assertThat(e.reason()).contains("UTF-8");
    }

    @Test
    void aLoneSurrogateInAStringIsRefusedNamingTheField() {
        InvalidRequestException e = refusal("{\"appId\":\"\\ud800\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\"}");
        assertThat(e.field()).isEqualTo("appId");
        assertThat(e.reason()).contains("lone surrogate \\uD800");
    }

    @Test
    void anEmptyFieldNameNamesTheObjectHoldingIt() {
        assertThat(refusal(users("5").replace("\"users\"", "\"\"")).field()).isEqualTo("usage");
        assertThat(refusal("{\"\":1}").field()).isEqualTo("$");
        assertThat(refusal("{\"\":1}").reason()).contains("empty name");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWithoutExhaustingTheStack() {
        InvalidRequestException e = refusal("[".repeat(1_000_000));
        assertThat(e.reason()).startsWith("nested deeper than 20 levels");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1} {}          | two JSON values in one request",
            "{\"a\":1}x            | two JSON values in one request",
            "{\"a\":               | the JSON ends early",
            "{\"a\" 1}             | expected ':' after the field name, got '1'",
            "{'a':1}               | expected a field name in double quotes",
            "{\"a\":NaN}           | NaN and Infinity are not JSON numbers",
            "{\"a\":01}            | leading zeros are not allowed"})
    void parseFailuresAreSaidInPlainWordsWithWhereTheyAre(String json, String words) {
        InvalidRequestException e = refusal(json);
        assertThat(e.field()).isEqualTo("$");
        assertThat(e.reason()).startsWith("malformed JSON at line 1, column ").contains(words)
                .doesNotContain("Source", "`", "jackson", "Exception", "FAIL_ON", "StreamReadConstraints");
    }

    @Test
    void theTreeIsTheOneReadTreeBuildsForEveryExample() throws Exception {
        for (String line : Files.readAllLines(Path.of("examples/requests.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                assertThat(JsonInput.parse(line)).isEqualTo(Json.MAPPER.readTree(line));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aBadByteIsWordedTheSameWhetherOtherLinesFollowItInTheBufferOrNot() {
        byte[] alone = {(byte) 0xFF};
        byte[] inABatchBuffer = {(byte) 0xFF, '\n', '{', '}'};

        String a = catchThrowableOfType(InvalidRequestException.class, () -> JsonInput.parse(alone, 0, 1)).getMessage();
        String b = catchThrowableOfType(InvalidRequestException.class,
                () -> JsonInput.parse(inABatchBuffer, 0, 1)).getMessage();

        assertThat(b).isEqualTo(a).doesNotContain("UTF-16");
    }

    /**
     * The byte check refuses exactly what a strict UTF-8 decoder refuses, plus raw control characters, and names
     * the first bad byte, wherever it stands in the eight-byte steps of its fast path (at any offset of a buffer).
     */
    @Test
    void theByteCheckAgreesWithAStrictDecoderAtEveryOffset() {
        java.util.Random random = new java.util.Random(11);
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "{\"k\": 12}".getBytes(StandardCharsets.UTF_8),
                "专业版".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8), {0x7F}, {'\t'},
                {0x01}, {0x1F}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0xFF}};
        Messages m = Messages.of(Language.EN);
        for (int run = 0; run < 20_000; run++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int offset = random.nextInt(9);
            out.write(new byte[offset], 0, offset);
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                // mostly plain text, as requests are
                byte[] piece = random.nextInt(10) < 8 ? pieces[random.nextInt(2)] : pieces[random.nextInt(pieces.length)];
                out.write(piece, 0, piece.length);
            }
            byte[] all = out.toByteArray();
            byte[] doc = java.util.Arrays.copyOfRange(all, offset, all.length);
            Integer expected = firstBadByte(doc);
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> JsonInput.checkUtf8(all, offset, all.length, m));
            if (expected == null) {
                assertThat(e).as("valid bytes at offset %d: %s", offset, java.util.HexFormat.of().formatHex(doc)).isNull();
            } else {
                assertThat(e).as("bad bytes at offset %d: %s", offset, java.util.HexFormat.of().formatHex(doc)).isNotNull();
                int bad = doc[expected - 1] & 0xFF;
                if (bad < 0x20) {
                    assertThat(e.reason()).as(java.util.HexFormat.of().formatHex(doc)).contains(String.format("U+%04X", bad));
                } else {
                    assertThat(e.reason()).as(java.util.HexFormat.of().formatHex(doc))
                            .containsPattern("at byte " + expected + "\\b");
                }
            }
        }
    }

    /** The 1-based position of the first byte a strict decoder or the control rule refuses; null when none. */
    private static Integer firstBadByte(byte[] doc) {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(doc);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(doc.length + 1);
        while (in.hasRemaining()) {
            int before = in.position();
            java.nio.charset.CoderResult r = decoder.decode(in, chars, true);
            for (int i = before; i < in.position(); i++) {
                int c = doc[i] & 0xFF;
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    return i + 1;
                }
            }
            if (r.isError()) {
                return in.position() + 1;
            }
            if (r.isUnderflow()) {
                break;
            }
        }
        return null;
    }

    /** The short decimal path reads every number it takes exactly as the full reader does, scale included. */
    @Test
    void shortDecimalsReadAsTheFullReaderReadsThem() throws Exception {
        java.util.Random random = new java.util.Random(5);
        Messages m = Messages.of(Language.EN);
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder b = new StringBuilder();
            int before = 1 + random.nextInt(random.nextInt(10) == 0 ? 19 : 5);
            for (int k = 0; k < before; k++) {
                b.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
            if (random.nextInt(20) != 0) {
                b.append('.');
            }
            int after = random.nextInt(random.nextInt(10) == 0 ? 14 : 5);
            for (int k = 0; k < after; k++) {
                b.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
            }
            String text = b.toString();
            BigDecimal fast = JsonInput.shortDecimal(text.toCharArray(), 0, text.length());
            if (fast == null) {
                continue;
            }
            taken++;
            BigDecimal full = JsonInput.decimal(text, null, m);
            assertThat(fast).as(text).isEqualTo(full); // equals: the same value and the same scale
        }
        assertThat(taken).as("numbers the short path takes").isGreaterThan(100_000);
        assertThat(JsonInput.shortDecimal("x12.5".toCharArray(), 1, 4)).isEqualTo(new BigDecimal("12.5"));
        for (String refused : new String[] {"-1.5", "1e3", "1.", ".5", "12", "1.0000001", "1234567890123456789.5"}) {
            assertThat(JsonInput.shortDecimal(refused.toCharArray(), 0, refused.length())).as(refused).isNull();
        }
    }
}
