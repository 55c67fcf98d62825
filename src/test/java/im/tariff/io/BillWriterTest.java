package im.tariff.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.evaluate.Req;
import im.tariff.model.Bill;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The result JSON of docs/FORMAT.md: its fields, in order, with decimals as strings. */
class BillWriterTest {

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void specExampleShape() throws Exception {
        Bill bill = Req.pro().start("2026-10-15").peakDau(25000).addOn("AVCHATROOM_UNLIMITED").requested("TRIAL")
                .barrage("2026-10-03", "DOMESTIC", "12.5").bill();

        JsonNode json = Json.MAPPER.readTree(BillWriter.toJson(bill));

        assertThat(fieldNames(json)).startsWith("appId", "billingMonth", "plan", "currency", "lines", "violations",
                "totals");
        assertThat(json.get("appId").asText()).isEqualTo("1400000001");
        assertThat(json.get("billingMonth").asText()).isEqualTo("2026-10");
        assertThat(json.get("plan").asText()).isEqualTo("PRO");
        assertThat(json.get("currency").asText()).isEqualTo("CNY");

        JsonNode fee = json.at("/lines/0");
        assertThat(fieldNames(fee)).containsExactly("code", "billingMode", "quantity", "unitPrice", "amount",
                "periodStart", "periodEnd", "chargeDate", "rule", "description");
        assertThat(fee.get("code").asText()).isEqualTo("PLAN_FEE");
        assertThat(fee.get("billingMode").asText()).isEqualTo("PREPAID");
        assertThat(fee.get("quantity").isTextual()).isTrue();
        assertThat(fee.get("quantity").asText()).isEqualTo("1");
        assertThat(fee.get("unitPrice").asText()).isEqualTo("999.00");
        assertThat(fee.get("amount").asText()).isEqualTo("999.00");
        assertThat(fee.get("periodStart").asText()).isEqualTo("2026-10-15");
        assertThat(fee.get("periodEnd").asText()).isEqualTo("2026-11-14");
        assertThat(fee.get("chargeDate").asText()).isEqualTo("2026-10-15");
        assertThat(fee.get("rule").asText()).isEqualTo("专业版套餐包费用");

        JsonNode dau = json.at("/lines/1");
        assertThat(dau.get("code").asText()).isEqualTo("DAU_OVERAGE");
        assertThat(dau.get("billingMode").asText()).isEqualTo("POSTPAID");
        assertThat(dau.get("quantity").asText()).isEqualTo("2");
        assertThat(dau.get("unitPrice").asText()).isEqualTo("1000.00");
        assertThat(dau.get("amount").asText()).isEqualTo("2000.00");
        assertThat(dau.get("chargeDate").asText()).isEqualTo("2026-11-03");

        JsonNode barrage = json.at("/lines/3");
        assertThat(barrage.get("code").asText()).isEqualTo("BARRAGE_BANDWIDTH_DOMESTIC");
        assertThat(barrage.get("quantity").asText()).isEqualTo("12.5");
        assertThat(barrage.get("unitPrice").asText()).isEqualTo("2.00");
        assertThat(barrage.get("amount").asText()).isEqualTo("25.00");

        JsonNode violation = json.at("/violations/0");
        assertThat(fieldNames(violation)).containsExactly("code", "subject", "severity", "rule", "message");
        assertThat(violation.get("code").asText()).isEqualTo("DOWNGRADE_TO_TRIAL");
        assertThat(violation.get("subject").asText()).isEqualTo("PRO");
        assertThat(violation.get("severity").asText()).isEqualTo("ERROR");

        // 999 + 1000 prepaid; 2000 + 25 postpaid
        JsonNode totals = json.get("totals");
        assertThat(fieldNames(totals)).containsExactly("prepaid", "postpaid", "total");
        assertThat(totals.get("prepaid").isTextual()).isTrue();
        assertThat(totals.get("prepaid").asText()).isEqualTo("1999.00");
        assertThat(totals.get("postpaid").asText()).isEqualTo("2025.00");
        assertThat(totals.get("total").asText()).isEqualTo("4024.00");
    }

    @Test
    void prettyAndCompactJsonSayTheSame() throws Exception {
        Bill bill = Req.flagship().peakGroups(100001).bill();

        assertThat(Json.MAPPER.readTree(BillWriter.toPrettyJson(bill)))
                .isEqualTo(Json.MAPPER.readTree(BillWriter.toJson(bill)));
        assertThat(BillWriter.toJson(bill)).doesNotContain("\n");
    }

    @Test
    void tableShowsLinesTotalsAndViolations() {
        Bill bill = Req.trial().previous("PRO").bill();

        String table = BillTable.render(bill, im.tariff.evaluate.SharedEngine.get().rules().catalog());

        assertThat(table).contains("PLAN_FEE").contains("0.00").contains("DOWNGRADE_TO_TRIAL").contains("体验版");
    }

    /** A repeated text, written from its cached encoding, gives the very bytes a plain string field gives. */
    @Test
    void repeatedTextsAreWrittenByteForByteAsPlainOnes() throws Exception {
        for (String text : new String[] {"专业版套餐包费用", "say \"x\" \\ \t\n\u0001 end", "😀 ok", "", "PLAN_FEE", null}) {
            for (int time = 0; time < 2; time++) { // the second time from the cache
                Field plain = g -> g.writeStringField("rule", text);
                Field cached = g -> BillWriter.repeated(g, "rule", text);
                assertThat(asBytes(cached)).as(text).isEqualTo(asBytes(plain));
                // and through a character writer (a single bill as text), against the same writer's plain field
                assertThat(asChars(cached)).as(text).isEqualTo(asChars(plain));
            }
        }
    }

    private interface Field {
        void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException;
    }

    private static byte[] asBytes(Field field) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            field.write(g);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static String asChars(Field field) throws java.io.IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (var g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            field.write(g);
            g.writeEndObject();
        }
        return out.toString();
    }
}
