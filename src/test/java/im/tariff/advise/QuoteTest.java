package im.tariff.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.evaluate.Evaluator;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quote: flags made into a request that the reader judges and the rules price like any other. */
class QuoteTest {

    private static Evaluator rules;

    @BeforeAll
    static void load() throws Exception {
        rules = LiveEvaluator.fromDirectory(AdvisorTest.FIXTURE).rules();
    }

    @Test
    void aQuoteIsTheBillOfTheSameRequestWithAppIdQuote() throws Exception {
        JsonNode body = Quote.body(rules.catalog(), "PRO", List.of("GROUP_MEMBER_CAP", "HISTORY_STORAGE:90"),
                List.of("peakDau=25000", "users=5000"), "2026-10");
        String quoted = BillWriter.toJson(Quote.bill(rules, body, YearMonth.of(2000, 1)));
        String evaluated = BillWriter.toJson(rules.evaluate(rules.reader().read("{\"appId\": \"quote\", "
                + "\"billingMonth\": \"2026-10\", \"plan\": \"PRO\", \"addOns\": [{\"type\": \"GROUP_MEMBER_CAP\"}, "
                + "{\"type\": \"HISTORY_STORAGE\", \"days\": 90}], \"usage\": {\"peakDau\": 25000, \"users\": 5000}}")));
        assertThat(quoted).isEqualTo(evaluated);
    }

    @Test
    void theMonthDefaultsToTheOneGiven() throws Exception {
        JsonNode body = Quote.body(rules.catalog(), "PRO", List.of(), List.of(), null);
        assertThat(Quote.bill(rules, body, YearMonth.of(2026, 3)).billingMonth()).isEqualTo(YearMonth.of(2026, 3));
    }

    @Test
    void anUnknownUsageNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Quote.body(rules.catalog(), "PRO", List.of(), List.of("peakDAU=5"), null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("--usage peakDAU")
                .hasMessageContaining("peakDau、peakGroups");
    }

    @Test
    void aDailySeriesIsNotAUsageFlag() {
        assertThat(Quote.scalarUsageFields(rules.catalog())).doesNotContain("barrage", "dailyDau")
                .contains("users", "peakDau");
    }

    @Test
    void anOptionOnAnAddOnWithoutOneIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> Quote.body(rules.catalog(), "PRO", List.of("GROUP_MEMBER_CAP:3"), List.of(), null))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("--addon GROUP_MEMBER_CAP:3"));
    }

    @Test
    void aBadValueGetsTheReadersMessage() throws Exception {
        JsonNode body = Quote.body(rules.catalog(), "PRO", List.of(), List.of("peakDau=-5"), "2026-10");
        assertThatThrownBy(() -> Quote.bill(rules, body, YearMonth.now()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("usage.peakDau"));
    }
}
