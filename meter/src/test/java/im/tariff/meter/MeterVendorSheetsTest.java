package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The other vendors' sheets are metered as their catalogs declare: ZEGOCLOUD's MAU as the natural month's distinct
 * users that logged in, RongCloud's peak DAU as each natural day's distinct users (the variant rongcloud-contract
 * inherits its base's). The generator writes events with known answers (50 apps, about 50,000 logins, as
 * `tariff meter-generate --apps 50 --events 50000` does) and the meter must write the expected requests.
 *
 * <p>The RongCloud sheets name no default plan (both plans are bought, the vendor's free plan is not on the
 * sheets): an app with logins and no account line is an error record naming {@code plan}, and the generator's
 * expected request for it, written with {@code "plan": null}, is not among the metered requests. With a default
 * plan given to both (--default-plan), every expected request is metered.
 */
class MeterVendorSheetsTest {
    private static final int APPS = 50;

    @TempDir
    static Path dir;

    private static Path generate(String sheet, String defaultPlan, Path data) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EventGenerator.Settings s = new EventGenerator.Settings(APPS, 50_000, YearMonth.of(2026, 10), 1, null,
                defaultPlan);
        int exit = EventGenerator.command(s, TestMeter.repo(sheet), data, true, true,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return data;
    }

    private static TestMeter.Result meter(String sheet, Path data, String ext, String defaultPlan,
                                          MeterJob.Engine engine, Path out) throws Exception {
        TestMeter.Run run = TestMeter.meter().rules(TestMeter.repo(sheet)).engine(engine)
                .events("logins", data.resolve("logins." + ext)).accounts(data.resolve("accounts.jsonl"));
        run.defaultPlan = defaultPlan;
        TestMeter.Result r = run.into(out);
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.summary().path("apps").asInt()).isEqualTo(APPS);
        assertThat(r.summary().path("badRows").path("total").asLong()).isZero();
        // one login just before and one just after the month per app
        assertThat(r.summary().path("inputs").path("logins").path("ignoredOutsideMonth").asLong())
                .isEqualTo(2L * APPS);
        return r;
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The expected requests of apps without an account line when neither the catalog nor the run names a plan. */
    private static List<String> withoutPlan(List<String> expected) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : expected) {
            if (RequestJson.MAPPER.readTree(l).path("plan").isNull()) {
                out.add(l);
            }
        }
        return out;
    }

    private static List<String> appIds(List<String> requests) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : requests) {
            out.add(RequestJson.MAPPER.readTree(l).path("appId").asText());
        }
        return out;
    }

    /** The apps whose bill is an error record naming the plan: no account line and no default plan. */
    private static List<String> planErrors(TestMeter.Result r) throws Exception {
        List<String> out = new ArrayList<>();
        for (String l : r.billLines()) {
            JsonNode b = RequestJson.MAPPER.readTree(l);
            if (b.has("error") && b.path("field").asText().equals("plan") && !b.has("line")) {
                out.add(b.path("appId").asText());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        // sheet,                            measure,            request field, catalog's default plan
        "examples/tariffs/zegocloud,          DISTINCT_PER_MONTH, mau,           BASIC",
        "examples/tariffs/rongcloud-beijing,  DISTINCT_PER_DAY,   dailyDau,      ''",
        "examples/tariffs/rongcloud,          DISTINCT_PER_DAY,   dailyDau,      ''",
        "examples/tariffs/rongcloud-contract, DISTINCT_PER_DAY,   dailyDau,      ''",
    })
    void eachSheetIsMeteredFromItsLoginsIntoTheExpectedRequests(String sheet, Metering.Agg measure, String field,
                                                                 String defaultPlan) throws Exception {
        Metering m = BillingBridge.metering(BillingBridge.Rules.fromDirectory(TestMeter.repo(sheet)));
        assertThat(m.meters()).hasSize(1);
        assertThat(m.meters().get(0).agg()).isEqualTo(measure);
        assertThat(m.meters().get(0).column()).isEqualTo("userId");
        assertThat(m.sources()).extracting(Metering.Source::name).containsExactly("logins");
        assertThat(m.defaultPlan()).isEqualTo(defaultPlan.isEmpty() ? null : defaultPlan);
        assertThat(m.timeZone()).isEqualTo("Asia/Shanghai");

        String name = sheet.substring(sheet.lastIndexOf('/') + 1);
        Path data = generate(sheet, null, dir.resolve(name));
        List<String> expected = lines(data.resolve("expected-requests.jsonl"));
        assertThat(expected).hasSize(APPS);
        List<String> unplanned = withoutPlan(expected);
        if (m.defaultPlan() != null) {
            assertThat(unplanned).isEmpty();
        } else {
            assertThat(unplanned).isNotEmpty();
        }
        List<String> metered = new ArrayList<>(expected);
        metered.removeAll(unplanned);
        TestMeter.Result duck = null;
        for (String ext : List.of("csv", "parquet")) {
            TestMeter.Result r = meter(sheet, data, ext, null, MeterJob.Engine.DUCKDB, data.resolve("out-" + ext));
            assertThat(r.requestLines()).as(sheet + " " + ext).isEqualTo(metered);
            assertThat(planErrors(r)).as(sheet + " " + ext).isEqualTo(appIds(unplanned));
            for (JsonNode request : r.requests().values()) {
                assertThat(request.path("usage").fieldNames()).toIterable().containsExactly(field);
            }
            duck = r;
        }
        // the cluster path meters the same events into the same requests, bills and error records
        TestMeter.Result spark = meter(sheet, data, "parquet", null, MeterJob.Engine.SPARK, data.resolve("out-spark"));
        assertThat(spark.requestLines()).as(sheet + " on Spark").isEqualTo(metered);
        assertThat(TestMeter.outputs(spark)).as(sheet + " on Spark").isEqualTo(TestMeter.outputs(duck));

        if (m.defaultPlan() == null) {
            // the run's default plan (--default-plan on both commands): every expected request is metered
            Path given = generate(sheet, "PREMIUM", dir.resolve(name + "-premium"));
            List<String> all = lines(given.resolve("expected-requests.jsonl"));
            assertThat(withoutPlan(all)).isEmpty();
            TestMeter.Result r = meter(sheet, given, "parquet", "PREMIUM", MeterJob.Engine.DUCKDB,
                    given.resolve("out"));
            assertThat(r.requestLines()).isEqualTo(all);
            assertThat(planErrors(r)).isEmpty();
        }
    }

    @Test
    void theContractVariantIsMeteredAlikeOnSparkAndDuckDb() throws Exception {
        // a variant (base.txt): the executors bill the base's files shipped with the contract's
        String sheet = "examples/tariffs/rongcloud-contract";
        Path data = generate(sheet, null, dir.resolve("contract-both"));
        List<String> expected = lines(data.resolve("expected-requests.jsonl"));
        List<String> metered = new ArrayList<>(expected);
        metered.removeAll(withoutPlan(expected));
        TestMeter.Result duck = meter(sheet, data, "csv", null, MeterJob.Engine.DUCKDB, data.resolve("duck"));
        TestMeter.Result spark = meter(sheet, data, "csv", null, MeterJob.Engine.SPARK, data.resolve("spark"));
        assertThat(spark.requestLines()).isEqualTo(metered);
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(duck));
        assertThat(spark.summary().path("revenue").path("CNY").path("byLineCode").has("MINIMUM_TRUE_UP")).isTrue();
    }
}
