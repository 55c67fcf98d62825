package im.tariff.advise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.SharedEngine;
import im.tariff.io.BillWriter;
import im.tariff.io.Json;
import im.tariff.model.DailyRate;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Overage;
import im.tariff.model.Term;
import im.tariff.model.Versions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The price list of GET /v1/catalog, the order of the calculator's inputs and the bounded probes behind them,
 * checked against the engine's own {@link Evaluator#termsOf} (no price is written here: the numbers are read from
 * the rules).
 */
class PriceListTest {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private static Evaluator seed() {
        return SharedEngine.get().rules();
    }

    private static Fee fee(String price, String from, String until) {
        return new Fee(null, null, "FEE", new BigDecimal(price), "fee", from == null ? Versions.EVER : LocalDate.parse(from),
                until == null ? Versions.NEVER : LocalDate.parse(until), "r");
    }

    @Test
    void aTermIsListedInTheVersionOfTheFirstDayThenEachChangeOfTheMonth() {
        Fee old = fee("999.00", null, null);
        Fee raise = fee("1299.00", "2027-01-15", null);
        assertThat(PriceList.inForce(List.of(old, raise), YearMonth.of(2027, 1)))
                .containsExactly(new PriceList.Dated<>(null, old), new PriceList.Dated<>(LocalDate.of(2027, 1, 15), raise));
        assertThat(PriceList.inForce(List.of(old, raise), YearMonth.of(2027, 2)))
                .containsExactly(new PriceList.Dated<>(null, raise));
        assertThat(PriceList.inForce(List.of(raise, old), YearMonth.of(2026, 12)))
                .containsExactly(new PriceList.Dated<>(null, old));
        Fee ending = fee("5.00", null, "2027-01-10");
        assertThat(PriceList.inForce(List.of(ending), YearMonth.of(2027, 1)))
                .containsExactly(new PriceList.Dated<>(null, ending), new PriceList.Dated<>(LocalDate.of(2027, 1, 11), null));
        Fee later = fee("7.00", "2027-01-20", null);
        assertThat(PriceList.inForce(List.of(later), YearMonth.of(2027, 1)))
                .containsExactly(new PriceList.Dated<>(LocalDate.of(2027, 1, 20), later));
        assertThat(PriceList.inForce(List.of(later), YearMonth.of(2026, 12))).isEmpty();
    }

    /** A meter some plan prices (overage or a daily rate) in the month, by the engine's own terms. */
    private static Set<String> pricedMeters(Evaluator rules) {
        Set<String> priced = new HashSet<>();
        for (PlanDef p : rules.catalog().plans()) {
            for (Object t : rules.termsOf(p.code(), MONTH)) {
                if (t instanceof Overage || t instanceof DailyRate) {
                    priced.add(((Term) t).meter());
                }
            }
        }
        return priced;
    }

    private static void assertPricedFirstThenByShape(Evaluator rules) {
        List<String> order = PriceList.inputOrder(rules, MONTH);
        Set<String> priced = pricedMeters(rules);
        assertThat(priced).isNotEmpty();
        assertThat(order).hasSize(rules.catalog().meters().size());
        List<String> expected = new ArrayList<>();
        for (boolean isPriced : new boolean[] {true, false}) {
            for (MeterShape shape : List.of(MeterShape.PEAK, MeterShape.COUNT, MeterShape.DAILY)) {
                for (MeterDef m : rules.catalog().meters()) {
                    if (m.shape() == shape && priced.contains(m.code()) == isPriced) {
                        expected.add(m.code());
                    }
                }
            }
        }
        assertThat(order).isEqualTo(expected);
        assertThat(priced).containsAll(order.subList(0, priced.size()));
    }

    @Test
    void theInputsMostUsedComeFirst() throws Exception {
        Evaluator seed = seed();
        assertPricedFirstThenByShape(seed);
        // the seed's monthly peaks (peak DAU, peak groups) are priced: they lead, ahead of every limit
        List<String> order = PriceList.inputOrder(seed, MONTH);
        assertThat(seed.catalog().meter(order.get(0)).shape()).isEqualTo(MeterShape.PEAK);
        Evaluator intl = Evaluator.compile(RuleSource.fromDirectory(Path.of("examples/tariffs/intl")));
        assertPricedFirstThenByShape(intl);
    }

    @Test
    void probesAreTheEnginesTermsAndTheirCacheIsBounded() {
        Evaluator seed = seed();
        for (PlanDef p : seed.catalog().plans()) {
            assertThat(new HashSet<>(PlanProbe.termsOf(seed, p.code(), MONTH)))
                    .isEqualTo(new HashSet<>(seed.termsOf(p.code(), MONTH)));
        }
        String plan = seed.catalog().plans().get(0).code();
        YearMonth m = YearMonth.of(1900, 1);
        for (int i = 0; i < PlanProbe.CAPACITY + 50; i++) {
            PlanProbe.terms(seed, plan, m.plusMonths(i), List.of());
        }
        assertThat(PlanProbe.size()).isEqualTo(PlanProbe.CAPACITY);
    }

    /** Every plan's fee, overage, daily rates, add-on prices and limits, as the engine's terms say. */
    @Test
    void thePriceListSaysWhatTheTermsSay() throws Exception {
        Evaluator seed = seed();
        JsonNode c = Json.MAPPER.readTree(CatalogJson.toJson(seed, MONTH, null));
        assertThat(c.get("language").asText()).isEqualTo("zh");
        JsonNode plans = c.get("priceList").get("plans");
        assertThat(plans).hasSize(seed.catalog().plans().size());
        int checked = 0;
        for (JsonNode plan : plans) {
            String code = plan.get("code").asText();
            List<Object> terms = seed.termsOf(code, MONTH);
            for (Object t : terms) {
                if (t instanceof Fee f && f.addOn() == null) {
                    assertThat(version(find(plan.get("fees"), "line", f.line())).get("price").asText())
                            .isEqualTo(BillWriter.price(f.price()));
                    checked++;
                } else if (t instanceof Fee f) {
                    JsonNode options = find(plan.get("addOns"), "code", f.addOn()).get("options");
                    JsonNode option = null;
                    for (JsonNode o : options) {
                        if (f.option() == null ? !o.has("option") : o.path("option").asLong() == f.option()) {
                            option = o;
                        }
                    }
                    assertThat(option).as("%s %s %s", code, f.addOn(), f.option()).isNotNull();
                    assertThat(version(option).get("price").asText()).isEqualTo(BillWriter.price(f.price()));
                    checked++;
                } else if (t instanceof Overage o) {
                    JsonNode v = version(find(plan.get("meters"), "code", o.meter()).get("overage"));
                    assertThat(List.of(v.get("free").asText(), v.get("block").asText(), v.get("price").asText()))
                            .isEqualTo(List.of(String.valueOf(o.free()), String.valueOf(o.block()), BillWriter.price(o.price())));
                    checked++;
                } else if (t instanceof DailyRate r) {
                    JsonNode v = version(find(find(plan.get("meters"), "code", r.meter()).get("daily"), "key", r.key()));
                    assertThat(v.get("price").asText()).isEqualTo(BillWriter.price(r.price()));
                    checked++;
                }
            }
            // limits: every cap listed (without add-ons, or with the add-on that extends it) is one the rules set
            Map<String, Set<String>> caps = new TreeMap<>();
            for (Object t : terms) {
                if (t instanceof Limit l) {
                    caps.computeIfAbsent(l.meter(), k -> new HashSet<>()).add(l.isUnlimited() ? "unlimited" : String.valueOf(l.cap()));
                }
            }
            for (JsonNode m : plan.get("meters")) {
                Set<String> listed = new HashSet<>();
                if (m.has("limit")) {
                    listed.add(cap(version(m.get("limit"))));
                }
                for (JsonNode w : m.get("withAddOns")) {
                    String extended = cap(version(w));
                    assertThat(extended).as("an add-on's limit differs from the plan's").isNotEqualTo(cap(version(m.get("limit"))));
                    listed.add(extended);
                }
                assertThat(listed).as("%s %s", code, m.get("code")).isEqualTo(caps.getOrDefault(m.get("code").asText(), Set.of()));
                checked += listed.size();
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void aVersionStartingInTheMonthIsListedWithItsDay() throws Exception {
        Path dir = Files.createTempDirectory("price-versions");
        for (Path f : Files.newDirectoryStream(SharedEngine.SEED, "*.drl")) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        String plans = Files.readString(dir.resolve("plans.drl"));
        String line = "insert(Fee.plan(kcontext, \"PLAN_FEE\", \"999.00\", \"专业版套餐包\"));";
        assertThat(plans).contains(line);
        Files.writeString(dir.resolve("plans.drl"), plans.replace(line, line
                + "\n    insert(Fee.plan(kcontext, \"PLAN_FEE\", \"1299.00\", \"专业版套餐包\").from(\"2026-10-15\"));"));
        Evaluator edited = Evaluator.compile(RuleSource.fromDirectory(dir));
        JsonNode october = find(Json.MAPPER.readTree(CatalogJson.toJson(edited, MONTH, null)).get("priceList").get("plans"),
                "code", "PRO");
        JsonNode versions = october.get("fees").get(0).get("versions");
        assertThat(versions.toString()).isEqualTo("[{\"price\":\"999.00\",\"zero\":false},"
                + "{\"from\":\"2026-10-15\",\"price\":\"1299.00\",\"zero\":false}]");
        JsonNode november = find(Json.MAPPER.readTree(CatalogJson.toJson(edited, MONTH.plusMonths(1), null))
                .get("priceList").get("plans"), "code", "PRO");
        assertThat(november.get("fees").get(0).get("versions").toString()).isEqualTo("[{\"price\":\"1299.00\",\"zero\":false}]");
    }

    private static String cap(JsonNode version) {
        return version.has("unlimited") ? "unlimited" : version.get("cap").asText();
    }

    /** The version in force on the month's first day. */
    private static JsonNode version(JsonNode priced) {
        JsonNode first = priced.get("versions").get(0);
        assertThat(first.has("from")).isFalse();
        return first;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value == null ? !n.has(field) : value.equals(n.path(field).asText(null))) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
