package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.RequestReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated raw events with known answers → meter → the same requests and byte-equal bills. */
class MeterEndToEndTest {
    @TempDir
    static Path dir;
    static Path data;
    static TestMeter.Result csv;
    static List<String> expectedRequests;

    @BeforeAll
    static void generateAndMeter() throws Exception {
        data = dir.resolve("data");
        EventGenerator.Settings s = new EventGenerator.Settings(40, 30_000, YearMonth.of(2026, 10), 11, null, null);
        assertThat(EventGenerator.command(s, null, data, true, true, System.err)).isZero();
        expectedRequests = Files.readAllLines(data.resolve("expected-requests.jsonl"), StandardCharsets.UTF_8);
        csv = run("csv", dir.resolve("out-csv"));
    }

    static TestMeter.Result run(String ext, Path out) throws Exception {
        return run(ext, out, MeterJob.Engine.DUCKDB);
    }

    static TestMeter.Result run(String ext, Path out, MeterJob.Engine engine) throws Exception {
        TestMeter.Result r = TestMeter.meter().logins(data.resolve("logins." + ext))
                .groups(data.resolve("groups." + ext)).barrage(data.resolve("barrage." + ext))
                .accounts(data.resolve("accounts.jsonl")).engine(engine).into(out);
        assertThat(r.exit()).as(r.stderr()).isZero();
        return r;
    }

    @Test
    void meteredRequestsEqualTheGeneratorsExpectedRequests() throws Exception {
        assertThat(expectedRequests).hasSize(40);
        assertThat(csv.requestLines()).isEqualTo(expectedRequests);
    }

    @Test
    void billsEqualEvaluatingTheExpectedRequestsDirectlyWithTheCoreEngine() throws Exception {
        LiveEvaluator engine = LiveEvaluator.load(null);
        RequestReader reader = engine.rules().reader();
        List<String> direct = new ArrayList<>();
        for (String r : expectedRequests) {
            direct.add(BillWriter.toJson(engine.evaluate(reader.read(r))));
        }
        assertThat(csv.billLines()).isEqualTo(direct);
    }

    @Test
    void parquetInputsGiveTheSameOutputsAsCsv() throws Exception {
        TestMeter.Result parquet = run("parquet", dir.resolve("out-parquet"));
        assertThat(parquet.requestLines()).isEqualTo(csv.requestLines());
        assertThat(parquet.billLines()).isEqualTo(csv.billLines());
    }

    @Test
    void sparkGivesTheSameOutputsFromCsvAndFromParquet() throws Exception {
        List<String> expected = TestMeter.outputs(csv);
        TestMeter.Result sparkCsv = run("csv", dir.resolve("spark-csv"), MeterJob.Engine.SPARK);
        TestMeter.Result sparkParquet = run("parquet", dir.resolve("spark-parquet"), MeterJob.Engine.SPARK);
        assertThat(TestMeter.outputs(sparkCsv)).isEqualTo(expected);
        assertThat(sparkParquet.requestLines()).isEqualTo(expectedRequests);
        assertThat(sparkParquet.billLines()).isEqualTo(csv.billLines());
    }

    @Test
    void theTwoLoginsPerAppOutsideTheMonthAreCounted() throws Exception {
        assertThat(csv.summary().path("inputs").path("logins").path("ignoredOutsideMonth").asLong()).isEqualTo(80);
        assertThat(csv.summary().path("badRows").path("total").asLong()).isZero();
    }

    @Test
    void revenueIsTheExactSumOfTheBills() throws Exception {
        BigDecimal total = BigDecimal.ZERO;
        java.util.Map<String, BigDecimal> byPlan = new java.util.TreeMap<>();
        for (String l : csv.billLines()) {
            JsonNode b = RequestJson.MAPPER.readTree(l);
            BigDecimal t = new BigDecimal(b.path("totals").path("total").asText());
            total = total.add(t);
            byPlan.merge(b.path("plan").asText(), t, BigDecimal::add);
        }
        JsonNode rev = csv.summary().path("revenue").path("CNY");
        assertThat(rev.path("total").asText()).isEqualTo(total.toPlainString());
        byPlan.forEach((plan, sum) -> assertThat(rev.path("byPlan").path(plan).asText()).isEqualTo(sum.toPlainString()));
        BigDecimal byCode = BigDecimal.ZERO;
        for (JsonNode v : rev.path("byLineCode")) {
            byCode = byCode.add(new BigDecimal(v.asText()));
        }
        assertThat(byCode).isEqualByComparingTo(total);
    }
}
