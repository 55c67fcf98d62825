package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account lines: used as the request's account; a refused one becomes an error record and the job goes on. */
class MeterAccountsTest {
    @TempDir
    static Path dir;
    static TestMeter.Result result;
    static List<JsonNode> bills;

    @BeforeAll
    static void meter() throws Exception {
        Path logins = TestMeter.write(dir, "logins.csv", "appId,userId,time",
                "a1,u,2026-10-02T10:00:00+08:00",
                "a2,u,2026-10-02T10:00:00+08:00",
                "a3,u,2026-10-02T10:00:00+08:00",
                "a4,u,2026-10-02T10:00:00+08:00");
        Path accounts = TestMeter.write(dir, "accounts.jsonl",
                "{\"appId\":\"a1\",\"plan\":\"PRO\",\"planStartDate\":\"2026-10-15\",\"usage\":{\"users\":40}}",
                "{\"appId\":\"a2\",\"billingMonth\":\"2026-10\",\"plan\":\"NOPE\"}",
                "{\"appId\": broken",
                "{\"appId\":\"a1\",\"plan\":\"FLAGSHIP\"}",
                "{\"appId\":\"a3\",\"billingMonth\":\"2026-09\",\"plan\":\"PRO\"}",
                "{\"appId\":\"a5\",\"plan\":\"PRO\"}");
        result = TestMeter.meter().logins(logins).accounts(accounts).into(dir.resolve("out"));
        assertThat(result.exit()).as(result.stderr()).isZero();
        bills = new java.util.ArrayList<>();
        for (String l : result.billLines()) {
            bills.add(RequestJson.MAPPER.readTree(l));
        }
    }

    private static List<JsonNode> of(String appId) {
        return bills.stream().filter(b -> b.path("appId").asText().equals(appId)).toList();
    }

    @Test
    void theAccountLineGivesPlanAndStartAndKeepsItsOwnUsageFigures() throws Exception {
        JsonNode r = result.requests().get("a1");
        assertThat(r.toString()).isEqualTo("{\"appId\":\"a1\",\"billingMonth\":\"2026-10\",\"plan\":\"PRO\","
                + "\"planStartDate\":\"2026-10-15\",\"usage\":{\"users\":40,"
                + "\"dailyDau\":[{\"date\":\"2026-10-02\",\"dau\":1}]}}");
        assertThat(of("a1").get(0).path("plan").asText()).isEqualTo("PRO");
    }

    @Test
    void anAccountTheStrictReaderRefusesIsAnErrorRecordNamingTheField() {
        JsonNode e = of("a2").get(0);
        assertThat(e.has("lines")).isFalse();
        assertThat(e.path("line").asLong()).isEqualTo(2);
        assertThat(e.path("field").asText()).isEqualTo("plan");
        assertThat(e.path("error").asText()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void aLineThatIsNotJsonIsAnErrorRecordWithoutAppId() {
        JsonNode last = bills.get(bills.size() - 1);
        assertThat(last.has("appId")).isFalse();
        assertThat(last.path("line").asLong()).isEqualTo(3);
        assertThat(last.path("field").asText()).isEqualTo("$");
        assertThat(last.path("error").asText()).startsWith("malformed JSON");
    }

    @Test
    void aSecondAccountLineForAnAppIsAnErrorRecord() {
        List<JsonNode> a1 = of("a1");
        assertThat(a1).hasSize(2);
        assertThat(a1.get(1).path("line").asLong()).isEqualTo(4);
        assertThat(a1.get(1).path("error").asText()).contains("first is line 1");
    }

    @Test
    void anAccountForAnotherMonthIsRefused() {
        JsonNode e = of("a3").get(0);
        assertThat(e.path("field").asText()).isEqualTo("billingMonth");
        assertThat(e.path("error").asText()).contains("2026-09").contains("2026-10");
    }

    @Test
    void anAppWithoutAccountIsBilledOnTheDefaultPlanAndAnAccountWithoutUsageIsBilledToo() {
        assertThat(of("a4").get(0).path("plan").asText()).isEqualTo("TRIAL");
        assertThat(of("a5").get(0).path("plan").asText()).isEqualTo("PRO");
    }

    @Test
    void theSummaryCountsBillsAndErrorRecords() throws Exception {
        JsonNode s = result.summary();
        assertThat(s.path("bills").asLong()).isEqualTo(3);
        assertThat(s.path("errorRecords").asLong()).isEqualTo(4);
        assertThat(s.path("inputs").path("accounts").path("read").asLong()).isEqualTo(6);
        assertThat(s.path("inputs").path("accounts").path("refused").asLong()).isEqualTo(4);
    }
}
