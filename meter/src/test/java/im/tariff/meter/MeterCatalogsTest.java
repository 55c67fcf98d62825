package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sheet the project ships is metered from raw events with exact figures: the generator writes events for
 * the sources its catalog measures and the requests they must give; the meter must write the same requests.
 */
class MeterCatalogsTest {
    @TempDir
    static Path dir;

    private static Path generate(String sheet, Path data) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EventGenerator.Settings s = new EventGenerator.Settings(30, 20_000, YearMonth.of(2026, 10), 5, null, null);
        int exit = EventGenerator.command(s, TestMeter.repo(sheet), data, true, true,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return data;
    }

    private static TestMeter.Result meter(String sheet, Path data, String ext, MeterJob.Engine engine, Path out)
            throws Exception {
        Metering m = BillingBridge.metering(BillingBridge.Rules.fromDirectory(TestMeter.repo(sheet)));
        TestMeter.Run run = TestMeter.meter().rules(TestMeter.repo(sheet)).engine(engine)
                .accounts(data.resolve("accounts.jsonl"));
        for (Metering.Source s : m.sources()) {
            run.events(s.name(), data.resolve(s.name() + "." + ext));
        }
        TestMeter.Result r = run.into(out);
        assertThat(r.exit()).as(r.stderr()).isZero();
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules", "examples/tariffs/cn-2024", "examples/tariffs/intl"})
    void theMeteredRequestsOfEverySheetAreTheExpectedOnes(String sheet) throws Exception {
        Path data = generate(sheet, dir.resolve(sheet.replace('/', '-')));
        List<String> expected = Files.readAllLines(data.resolve("expected-requests.jsonl"), StandardCharsets.UTF_8);
        assertThat(expected).hasSize(30);
        for (String ext : List.of("csv", "parquet")) {
            TestMeter.Result r = meter(sheet, data, ext, MeterJob.Engine.DUCKDB, data.resolve("out-" + ext));
            assertThat(r.requestLines()).as(sheet + " " + ext).isEqualTo(expected);
            assertThat(r.summary().path("bills").asLong()).as(r.stderr()).isEqualTo(30);
            assertThat(r.summary().path("badRows").path("total").asLong()).isZero();
        }
        TestMeter.Result spark = meter(sheet, data, "parquet", MeterJob.Engine.SPARK, data.resolve("out-spark"));
        assertThat(spark.requestLines()).as(sheet + " on Spark").isEqualTo(expected);
        assertThat(TestMeter.outputs(spark)).as(sheet + " on Spark")
                .isEqualTo(TestMeter.outputs(meter(sheet, data, "parquet", MeterJob.Engine.DUCKDB, data.resolve("out-duck"))));
    }

    @Test
    void theInternationalSheetsMauIsTheMonthsDistinctUsersOnBothEngines() throws Exception {
        Path data = generate("examples/tariffs/intl", dir.resolve("intl-both"));
        List<String> expected = Files.readAllLines(data.resolve("expected-requests.jsonl"), StandardCharsets.UTF_8);
        TestMeter.Result duck = meter("examples/tariffs/intl", data, "parquet", MeterJob.Engine.DUCKDB,
                data.resolve("duck"));
        TestMeter.Result spark = meter("examples/tariffs/intl", data, "parquet", MeterJob.Engine.SPARK,
                data.resolve("spark"));
        assertThat(duck.requestLines()).isEqualTo(expected);
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(duck));
        JsonNode first = RequestJson.MAPPER.readTree(expected.get(0));
        assertThat(first.path("usage").path("mau").asLong()).isPositive();
        assertThat(first.path("usage").has("dailyDau")).isFalse();
    }

    @Test
    void aSourceReadByADailyAndAMonthlyMeterGivesBothFromOnePassOnBothEngines() throws Exception {
        // the bundled sheet, its registered users measured as the month's distinct users of the logins
        Path rules = Files.createDirectories(dir.resolve("two-sets-rules"));
        try (java.util.stream.Stream<Path> files = Files.list(TestMeter.repo("rules"))) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (f.getFileName().toString().equals("catalog.drl")) {
                    String users = "\"注册用户数\",               \"人\")";
                    assertThat(text).contains(users);
                    text = text.replace(users + ";", users
                            + ".measured(\"logins\", Measure.DISTINCT_PER_MONTH, \"userId\");");
                }
                Files.writeString(rules.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
            }
        }
        Path data = dir.resolve("two-sets");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EventGenerator.Settings s = new EventGenerator.Settings(20, 10_000, YearMonth.of(2026, 10), 3, null, null);
        assertThat(EventGenerator.command(s, rules, data, false, true, new PrintStream(err, true,
                StandardCharsets.UTF_8))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> expected = Files.readAllLines(data.resolve("expected-requests.jsonl"), StandardCharsets.UTF_8);
        JsonNode first = RequestJson.MAPPER.readTree(expected.get(0)).path("usage");
        assertThat(first.path("users").asLong()).isGreaterThanOrEqualTo(first.path("dailyDau").get(0).path("dau").asLong());
        TestMeter.Result duck = TestMeter.meter().rules(rules).logins(data.resolve("logins.parquet"))
                .groups(data.resolve("groups.parquet")).barrage(data.resolve("barrage.parquet"))
                .accounts(data.resolve("accounts.jsonl")).into(data.resolve("duck"));
        assertThat(duck.exit()).as(duck.stderr()).isZero();
        assertThat(duck.requestLines()).isEqualTo(expected);
        TestMeter.Result spark = TestMeter.meter().rules(rules).logins(data.resolve("logins.parquet"))
                .groups(data.resolve("groups.parquet")).barrage(data.resolve("barrage.parquet"))
                .accounts(data.resolve("accounts.jsonl")).spark().into(data.resolve("spark"));
        assertThat(TestMeter.outputs(spark)).isEqualTo(TestMeter.outputs(duck));
    }

    @Test
    void aUserOnManyDaysCountsOnceInTheMonthAndAnAppWithoutAccountIsOnTheCatalogsDefaultPlan() throws Exception {
        Path logins = TestMeter.write(dir, "intl-logins.csv", "appId,userId,time",
                "a,alice,2026-10-01T09:00:00+08:00",
                "a,alice,2026-10-15T09:00:00+08:00",
                "a,bob,2026-10-31T23:59:59+08:00",
                "a,carol,2026-11-01T00:00:00+08:00",   // the next month in UTC+8
                "a,dave,2026-09-30T23:59:59+08:00");   // the month before
        TestMeter.Result r = TestMeter.meter().rules(TestMeter.repo("examples/tariffs/intl"))
                .events("logins", logins).into(dir.resolve("intl-out"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.requestLines()).containsExactly(
                "{\"appId\":\"a\",\"billingMonth\":\"2026-10\",\"plan\":\"FREE_TRIAL\",\"usage\":{\"mau\":2}}");
        assertThat(r.summary().path("revenue").has("USD")).isTrue();
        assertThat(r.summary().path("inputs").path("logins").path("ignoredOutsideMonth").asLong()).isEqualTo(2);
    }
}
