package im.tariff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.io.Json;
import org.junit.jupiter.api.Test;

/**
 * tariff quote on a sheet that prorates by days and sells a plan on request (src/test/resources/tariffs/prorated):
 * a plan on request is answered "contact sales" with exit 0 (never a 0.00 bill), the rest of the quote still
 * checked; --start and --previous-plan quote a change of plan in the month.
 */
class QuoteCommandTest {

    private static final String RULES = "src/test/resources/tariffs/prorated";

    @Test
    void aPlanOnRequestIsAnsweredContactSalesNotBilled() throws Exception {
        Cli.Result json = Cli.process("quote", "--rules", RULES, "--plan", "CUSTOM", "--usage", "peakSeats=5");
        Cli.Result table = Cli.process("quote", "--rules", RULES, "--plan", "Custom", "--format", "table");

        assertThat(json.status()).isZero();
        JsonNode answer = Json.MAPPER.readTree(json.out());
        assertThat(answer.get("onRequest").asBoolean()).isTrue();
        assertThat(answer.get("price").asText()).isEqualTo("contact sales");
        assertThat(answer.has("totals")).isFalse();
        assertThat(table.status()).isZero();
        assertThat(table.out().strip()).isEqualTo("Custom (CUSTOM) has no published price: contact sales for a quote.");
    }

    @Test
    void aBadFigureOnAPlanOnRequestIsStillBadInput() throws Exception {
        Cli.Result r = Cli.process("quote", "--rules", RULES, "--plan", "CUSTOM", "--usage", "peakSeats=-5");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: usage.peakSeats: ");
    }

    @Test
    void startAndPreviousPlanQuoteAChangeInTheMonth() throws Exception {
        Cli.Result r = Cli.process("quote", "--rules", RULES, "--plan", "LARGE", "--previous-plan", "SMALL",
                "--start", "2026-10-11", "--usage", "peakSeats=25");

        assertThat(r.status()).isZero();
        JsonNode bill = Json.MAPPER.readTree(r.out());
        assertThat(bill.get("billingMonth").asText()).isEqualTo("2026-10");
        assertThat(bill.get("lines")).hasSize(1);
        assertThat(bill.get("lines").get(0).get("amount").asText()).isEqualTo("135.48");
        assertThat(bill.get("lines").get(0).get("proration").toString()).isEqualTo("{\"days\":21,\"of\":31}");
    }
}
