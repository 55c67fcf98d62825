package im.tariff.meter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One Spark session (local[2]) for the whole test JVM, and a way to run the meter on files and read its output. */
final class TestMeter {
    private static SparkSession spark;

    private TestMeter() {
    }

    static synchronized SparkSession spark() {
        if (spark == null) {
            System.setProperty("spark.sql.shuffle.partitions", "4");
            spark = Spark.session("tariff meter tests", "local[2]", false);
        }
        return spark;
    }

    record Result(int exit, String stderr, Path out) {
        List<String> billLines() throws IOException {
            return Files.readAllLines(out.resolve("bills.jsonl"), StandardCharsets.UTF_8);
        }

        List<String> requestLines() throws IOException {
            return Files.readAllLines(out.resolve("requests.jsonl"), StandardCharsets.UTF_8);
        }

        /** requests.jsonl by appId. */
        Map<String, JsonNode> requests() throws IOException {
            Map<String, JsonNode> m = new LinkedHashMap<>();
            for (String l : requestLines()) {
                JsonNode n = RequestJson.MAPPER.readTree(l);
                m.put(n.get("appId").asText(), n);
            }
            return m;
        }

        JsonNode summary() throws IOException {
            return RequestJson.MAPPER.readTree(out.resolve("summary.json").toFile());
        }

        /** usage.dailyDau of an app as "date=dau" strings. */
        List<String> dau(String appId) throws IOException {
            return series(appId, "dailyDau", "dau");
        }

        List<String> groups(String appId) throws IOException {
            return series(appId, "dailyGroups", "groups");
        }

        List<String> series(String appId, String name, String value) throws IOException {
            JsonNode r = requests().get(appId);
            List<String> out = new ArrayList<>();
            if (r == null) {
                return out;
            }
            for (JsonNode d : r.path("usage").path(name)) {
                out.add(d.get("date").asText() + "=" + d.get(value).asText());
            }
            return out;
        }
    }

    static final class Run {
        String month = "2026-10";
        Path logins;
        Path groups;
        Path barrage;
        Path accounts;
        String zone = MeterOptions.DEFAULT_ZONE;
        Path rules;

        Run logins(Path p) {
            logins = p;
            return this;
        }

        Run groups(Path p) {
            groups = p;
            return this;
        }

        Run barrage(Path p) {
            barrage = p;
            return this;
        }

        Run accounts(Path p) {
            accounts = p;
            return this;
        }

        Run zone(String z) {
            zone = z;
            return this;
        }

        Result into(Path out) throws IOException {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            MeterOptions o = new MeterOptions(YearMonth.parse(month), s(logins), s(groups), s(barrage), s(accounts),
                    out.toString(), ZoneId.of(zone), rules, "TRIAL", false);
            int exit;
            try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = new MeterJob(spark(), ps).run(o);
            }
            return new Result(exit, err.toString(StandardCharsets.UTF_8), out);
        }

        private static String s(Path p) {
            return p == null ? null : p.toString();
        }
    }

    static Run meter() {
        return new Run();
    }

    static Path write(Path dir, String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }
}
