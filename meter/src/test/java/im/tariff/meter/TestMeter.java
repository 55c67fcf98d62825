package im.tariff.meter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
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
        final java.util.Map<String, String> events = new java.util.LinkedHashMap<>();
        Path accounts;
        String zone;
        Path rules;
        String defaultPlan;
        MeterJob.Engine engine = MeterJob.Engine.DUCKDB;

        Run logins(Path p) {
            return events("logins", p);
        }

        Run groups(Path p) {
            return events("groups", p);
        }

        Run barrage(Path p) {
            return events("barrage", p);
        }

        /** The events of the catalog's source NAME (as --NAME FILE). */
        Run events(String source, Path p) {
            events.put(source, p.toString());
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

        Run rules(Path dir) {
            rules = dir;
            return this;
        }

        Run engine(MeterJob.Engine e) {
            engine = e;
            return this;
        }

        Run spark() {
            return engine(MeterJob.Engine.SPARK);
        }

        Result into(Path out) throws IOException {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            MeterJob.Options o = new MeterJob.Options(YearMonth.parse(month), events,
                    accounts == null ? null : accounts.toString(), out.toString(), zone, rules, defaultPlan, engine,
                    null, false);
            int exit;
            try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                exit = new MeterJob(ps, engine == MeterJob.Engine.SPARK ? TestMeter.spark() : null).run(o);
            }
            return new Result(exit, err.toString(StandardCharsets.UTF_8), out);
        }
    }

    /** The three output files of a run, as text. */
    static List<String> outputs(Result r) throws IOException {
        List<String> all = new ArrayList<>();
        for (String f : List.of("requests.jsonl", "bills.jsonl", "summary.json")) {
            all.add(f + ":\n" + Files.readString(r.out().resolve(f), StandardCharsets.UTF_8));
        }
        return all;
    }

    /** The repository's folder (meter/ runs its tests in meter/). */
    static Path repo(String relative) {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("rules")) ? here : here.getParent();
        return root.resolve(relative);
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
