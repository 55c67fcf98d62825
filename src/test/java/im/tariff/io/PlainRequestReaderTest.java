package im.tariff.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.LiveSheets;
import im.tariff.fuzz.Mutator;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import im.tariff.model.BillRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's fast path ({@link PlainRequestReader}) against the long way (the tree): whatever the fast path
 * accepts, the long way must accept and read to the very same request; what the long way refuses, the fast path
 * must leave to it. On every sheet the project ships, with generated requests of both mixes, the same requests
 * with their fields shuffled and optional ones nulled, and hostile edits of them.
 */
class PlainRequestReaderTest {

    static List<Path> sheets() {
        return LiveSheets.all();
    }

    /** The long way's answer: the request, or the refusal's words. */
    private static Object longWay(RequestReader reader, byte[] line) {
        try {
            return reader.read(JsonInput.parse(line, 0, line.length, reader.messages()));
        } catch (InvalidRequestException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static List<String> generated(Evaluator rules, RequestGenerator.Mix mix, long seed, int count)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestGenerator(seed, rules.catalog(), TariffHints.from(rules), mix).writeLines(count, out);
        return List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @ParameterizedTest
    @MethodSource("sheets")
    void generatedRequestsAreReadTheFastWayAndToTheSameRequest(Path sheet) throws Exception {
        Evaluator rules = LiveSheets.evaluator(sheet);
        RequestReader reader = rules.reader();
        PlainRequestReader plain = new PlainRequestReader(rules.catalog(), reader.messages());
        SplittableRandom rng = new SplittableRandom(7);
        int fast = 0;
        int total = 0;
        for (RequestGenerator.Mix mix : RequestGenerator.Mix.values()) {
            for (String line : generated(rules, mix, 3, 1500)) {
                for (String variant : List.of(line, shuffled(line, rng), nulled(line))) {
                    byte[] bytes = variant.getBytes(StandardCharsets.UTF_8);
                    Object expected = longWay(reader, bytes);
                    BillRequest got = plain.read(bytes, 0, bytes.length);
                    total++;
                    if (got != null) {
                        fast++;
                        assertThat(got).as(variant).isEqualTo(expected);
                    }
                    // and through the reader's public door, the same answer either way
                    if (expected instanceof BillRequest r) {
                        assertThat(reader.read(bytes, 0, bytes.length)).isEqualTo(r);
                        assertThat(reader.read(variant)).isEqualTo(r);
                    }
                }
            }
        }
        // every valid generated request is plain: the fast path is what a batch actually takes
        assertThat(fast).as(sheet + ": read the fast way").isEqualTo(total);
    }

    @ParameterizedTest
    @MethodSource("sheets")
    void hostileEditsAreLeftToTheLongWayOrReadAlike(Path sheet) throws Exception {
        Evaluator rules = LiveSheets.evaluator(sheet);
        RequestReader reader = rules.reader();
        PlainRequestReader plain = new PlainRequestReader(rules.catalog(), reader.messages());
        List<String> seeds = new ArrayList<>(generated(rules, RequestGenerator.Mix.MONTH_END, 5, 300));
        seeds.addAll(generated(rules, RequestGenerator.Mix.UNIFORM, 6, 300));
        Mutator mutator = new Mutator(new SplittableRandom(11));
        SplittableRandom pick = new SplittableRandom(12);
        int acceptedEdits = 0;
        int refused = 0;
        for (int i = 0; i < 12_000; i++) {
            byte[] line = mutator.mutate(seeds.get(pick.nextInt(seeds.size())));
            Object expected = longWay(reader, line);
            BillRequest got = plain.read(line, 0, line.length);
            if (expected instanceof String) {
                refused++;
                assertThat(got).as("refused the long way, read the fast way: " + new String(line, StandardCharsets.UTF_8))
                        .isNull();
            } else if (got != null) {
                acceptedEdits++;
                assertThat(got).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(expected);
            }
        }
        assertThat(refused).isGreaterThan(3_000);
        assertThat(acceptedEdits).as("edits that stay valid are still read the fast way").isGreaterThan(100);
    }

    /**
     * A daily series with a sample given twice (same date, same key) is refused, and one with a sample moved to
     * the same day of another month is too; the same date for another key is read alike both ways.
     */
    @ParameterizedTest
    @MethodSource("sheets")
    void aRepeatedDayOfADailySeriesIsLeftToTheLongWay(Path sheet) throws Exception {
        Evaluator rules = LiveSheets.evaluator(sheet);
        RequestReader reader = rules.reader();
        PlainRequestReader plain = new PlainRequestReader(rules.catalog(), reader.messages());
        int edited = 0;
        for (String line : generated(rules, RequestGenerator.Mix.MONTH_END, 9, 600)) {
            ObjectNode request = (ObjectNode) Json.MAPPER.readTree(line);
            for (im.tariff.catalog.MeterDef m : rules.catalog().meters(im.tariff.catalog.MeterShape.DAILY)) {
                JsonNode usage = request.get("usage");
                if (usage == null || !(usage.get(m.seriesField()) instanceof ArrayNode series) || series.isEmpty()) {
                    continue;
                }
                ObjectNode first = (ObjectNode) series.get(0);
                for (String edit : List.of("repeat", "otherMonth", "otherKey")) {
                    ObjectNode copy = request.deepCopy();
                    ArrayNode s2 = (ArrayNode) copy.get("usage").get(m.seriesField());
                    ObjectNode sample = first.deepCopy();
                    if (edit.equals("otherMonth")) {
                        String date = sample.get("date").asText();
                        java.time.LocalDate d = java.time.LocalDate.parse(date).minusMonths(1);
                        if (d.getDayOfMonth() != java.time.LocalDate.parse(date).getDayOfMonth()) {
                            continue;
                        }
                        sample.put("date", d.toString());
                    } else if (edit.equals("otherKey")) {
                        String key = sample.get(m.dimension()).asText();
                        String other = m.dimensionValues().keySet().stream().filter(k -> !k.equals(key)).findFirst()
                                .orElse(null);
                        boolean taken = false;
                        for (JsonNode x : s2) {
                            taken |= x.get("date").equals(sample.get("date")) && x.get(m.dimension()).asText().equals(other);
                        }
                        if (other == null || taken) {
                            continue;
                        }
                        sample.put(m.dimension(), other);
                    }
                    s2.add(sample);
                    byte[] bytes = Json.MAPPER.writeValueAsBytes(copy);
                    Object expected = longWay(reader, bytes);
                    BillRequest got = plain.read(bytes, 0, bytes.length);
                    if (edit.equals("otherKey")) {
                        assertThat(got).as(edit).isNotNull().isEqualTo(expected);
                    } else {
                        assertThat(expected).as(edit).isInstanceOf(String.class);
                        assertThat(got).as(edit).isNull();
                    }
                    edited++;
                }
            }
        }
        if (!rules.catalog().meters(im.tariff.catalog.MeterShape.DAILY).isEmpty()) {
            assertThat(edited).as(sheet + ": series edited").isGreaterThan(50);
        }
    }

    /** The same request with the fields of every object in a random order (billingMonth after the dates, say). */
    private static String shuffled(String line, SplittableRandom rng) throws Exception {
        return Json.MAPPER.writeValueAsString(shuffle(Json.MAPPER.readTree(line), rng));
    }

    private static JsonNode shuffle(JsonNode node, SplittableRandom rng) {
        if (node instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            o.fields().forEachRemaining(fields::add);
            Collections.shuffle(fields, new java.util.Random(rng.nextLong()));
            ObjectNode out = Json.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> f : fields) {
                out.set(f.getKey(), shuffle(f.getValue(), rng));
            }
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            a.forEach(e -> out.add(shuffle(e, rng)));
            return out;
        }
        return node;
    }

    /** The same request with every optional field it lacks given as null, and an empty add-on list when none. */
    private static String nulled(String line) throws Exception {
        ObjectNode o = (ObjectNode) Json.MAPPER.readTree(line);
        for (String f : List.of("planStartDate", "previousPlan", "requestedPlan", "usage")) {
            if (!o.has(f)) {
                o.putNull(f);
            }
        }
        if (!o.has("addOns")) {
            o.putArray("addOns");
        } else {
            for (JsonNode a : o.get("addOns")) {
                if (!a.has("startDate")) {
                    ((ObjectNode) a).putNull("startDate");
                }
            }
        }
        Iterator<String> names = o.fieldNames();
        assertThat(names.hasNext()).isTrue();
        return Json.MAPPER.writeValueAsString(o);
    }
}
