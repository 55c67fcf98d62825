package im.tariff.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.model.Bill;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The calculator and the advisor on a sheet that prorates by days and sells a plan at a price given on request
 * (src/test/resources/tariffs/prorated: SMALL and MID by the band of peak seats, LARGE 500.00, CUSTOM on request).
 */
class OnRequestAndProrationTest {

    private static Evaluator rules;

    @BeforeAll
    static void load() throws Exception {
        rules = Evaluator.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/prorated")));
    }

    private static Advice advise(String json) throws InvalidRequestException {
        return Advisor.advise(rules, json.replace('\'', '"'), 5, Advisor.Mode.PRUNED);
    }

    @Test
    void aPlanOnRequestIsListedApartNeitherRankedNorRejected() throws Exception {
        Advice a = advise("{'appId':'a','billingMonth':'2026-10','usage':{'peakSeats':5}}");

        assertThat(a.options()).extracting(Advice.Option::plan).containsExactly("SMALL", "MID", "LARGE");
        assertThat(a.rejected()).isEmpty();
        assertThat(a.onRequest()).containsExactly(new Advice.OnRequest("CUSTOM", "Custom"));
        JsonNode json = Json.MAPPER.readTree(AdviceWriter.toJson(a, rules.catalog(), false));
        assertThat(json.get("onRequest").toString())
                .isEqualTo("[{\"plan\":\"CUSTOM\",\"name\":\"Custom\",\"price\":\"contact sales\"}]");
    }

    @Test
    void aRequestOnAPlanOnRequestCanBeAdvised() throws Exception {
        Advice a = advise("{'appId':'a','billingMonth':'2026-10','plan':'CUSTOM','usage':{'peakSeats':5}}");

        assertThat(a.options()).isNotEmpty();
        assertThat(a.onRequest()).extracting(Advice.OnRequest::plan).containsExactly("CUSTOM");
        assertThatThrownBy(() -> advise("{'appId':'a','billingMonth':'2026-10','plan':'CUSTOM','usage':{'peakSeats':-1}}"))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("usage.peakSeats"));
    }

    @Test
    void onAProratedSheetEachPlanIsPricedAsBoughtOnTheStartDayNotAsTheChangeFromThePreviousPlan() throws Exception {
        // from 11 October (21 of 31 days), 25 peak seats: SMALL 200 + 2 × 50 = 300 → 203.23, MID 300 → 203.23,
        // LARGE 500 → 338.71. Priced as a change from SMALL, LARGE would have cost only (500 − 300) × 21/31.
        Advice a = advise("{'appId':'a','billingMonth':'2026-10','plan':'SMALL','previousPlan':'SMALL',"
                + "'planStartDate':'2026-10-11','usage':{'peakSeats':25}}");
        assertThat(a.options()).extracting(o -> o.plan() + " " + o.bill().totals().total())
                .containsExactly("SMALL 203.23", "MID 203.23", "LARGE 338.71");

        Advice changed = advise("{'appId':'a','billingMonth':'2026-10','plan':'LARGE','previousPlan':'SMALL',"
                + "'planStartDate':'2026-10-11','usage':{'peakSeats':25}}");
        assertThat(changed.options()).extracting(o -> o.plan() + " " + o.bill().totals().total())
                .containsExactly("SMALL 203.23", "MID 203.23", "LARGE 338.71");
    }

    @Test
    void aQuoteOfAPlanOnRequestSaysContactSalesAndIsStillChecked() throws Exception {
        JsonNode body = Quote.body(rules.catalog(), "Custom", List.of(), List.of("peakSeats=5"), "2026-10");

        assertThat(Quote.onRequest(rules.catalog(), body).code()).isEqualTo("CUSTOM");
        assertThat(Quote.contactSalesText(rules.catalog(), Quote.onRequest(rules.catalog(), body)))
                .isEqualTo("Custom (CUSTOM) has no published price: contact sales for a quote.");
        assertThat(Quote.onRequestJson(rules.catalog(), Quote.onRequest(rules.catalog(), body)).toString())
                .isEqualTo("{\"plan\":\"CUSTOM\",\"name\":\"Custom\",\"onRequest\":true,\"price\":\"contact sales\","
                        + "\"message\":\"Custom (CUSTOM) has no published price: contact sales for a quote.\"}");
        Quote.validateOnRequest(rules, body, YearMonth.of(2026, 10));
        JsonNode bad = Quote.body(rules.catalog(), "CUSTOM", List.of(), List.of("peakSeats=-5"), "2026-10");
        assertThatThrownBy(() -> Quote.validateOnRequest(rules, bad, YearMonth.of(2026, 10)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("usage.peakSeats"));
        assertThat(Quote.onRequest(rules.catalog(), Quote.body(rules.catalog(), "LARGE", List.of(), List.of(), null)))
                .isNull();
    }

    @Test
    void aQuoteWithAStartDayAndAPreviousPlanIsTheChangeInTheStartDaysMonth() throws Exception {
        JsonNode body = Quote.body(rules.catalog(), "LARGE", List.of(), List.of("peakSeats=25"), null, "2026-10-11",
                "SMALL");
        Bill bill = Quote.bill(rules, body, YearMonth.of(2000, 1));

        // (500 − 300) × 21/31 = 135.4838… → 135.48 (SMALL's fee at its own meter's 25 seats), in October though
        // the default month is another
        assertThat(bill.billingMonth()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(bill.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount().toPlainString()).isEqualTo("135.48");
            assertThat(l.periodStart()).hasToString("2026-10-11");
        });
        assertThat(Quote.body(rules.catalog(), "LARGE", List.of(), List.of(), "2026-11", "2026-10-11", null)
                .get("billingMonth").asText()).as("--month wins over the start day's month").isEqualTo("2026-11");
        JsonNode notADay = Quote.body(rules.catalog(), "LARGE", List.of(), List.of(), null, "2026-13-11", null);
        assertThatThrownBy(() -> Quote.bill(rules, notADay, YearMonth.of(2026, 10)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("planStartDate"));
    }

    @Test
    void theCatalogForThePageMarksAPlanOnRequest() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            CatalogJson.write(rules, YearMonth.of(2026, 10), g);
        }
        JsonNode plans = Json.MAPPER.readTree(out.toString()).get("plans");

        assertThat(plans).hasSize(4);
        assertThat(plans.get(3).get("code").asText()).isEqualTo("CUSTOM");
        assertThat(plans.get(3).get("onRequest").asBoolean()).isTrue();
        assertThat(plans.get(3).get("price").asText()).isEqualTo("contact sales");
        assertThat(plans.get(0).has("onRequest")).as("a priced plan says nothing of it").isFalse();
    }
}
