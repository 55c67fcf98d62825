package im.tariff.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * summary.json and the report on stderr, the same on both engines: each input's rows read, used, ignored and
 * refused (by reason, the first ones in detail), and what the bills add up to, read back from bills.jsonl as it
 * is written (exact decimals).
 */
final class Report {
    static final int DETAIL_CAP = 100;

    /** One refused row: its input, file, position (line of a text file, header = 1; row of a Parquet file). */
    record BadRow(String input, String file, long position, boolean parquet, String reason, String text) {
    }

    /** What was read of one source. */
    static final class SourceStats {
        final String name;
        final String path;
        long read;
        long used;
        long outside;
        final TreeMap<String, Long> reasons = new TreeMap<>();
        final List<BadRow> details = new ArrayList<>();

        SourceStats(String name, String path) {
            this.name = name;
            this.path = path;
        }

        /** Counts of (reason or null) → rows, as the stats query gives them. */
        void count(String reason, long n) {
            read += n;
            if (reason == null) {
                used += n;
            } else if (reason.equals(EventSql.OUTSIDE)) {
                outside += n;
            } else {
                reasons.merge(reason, n, Long::sum);
            }
        }

        long bad() {
            return reasons.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Set<String> apps = new HashSet<>();
    private long bills;
    private long errors;
    private long refused;
    private final Map<String, TreeMap<String, BigDecimal>> byPlan = new TreeMap<>();
    private final Map<String, TreeMap<String, Long>> billsByPlan = new TreeMap<>();
    private final Map<String, TreeMap<String, BigDecimal>> byCode = new TreeMap<>();

    /** One line of bills.jsonl: a bill, or an error record (refused account lines carry their line). */
    void out(String line) throws IOException {
        JsonNode b = RequestJson.MAPPER.readTree(line);
        if (b.hasNonNull("appId")) {
            apps.add(b.get("appId").asText());
        }
        if (!b.has("lines")) {
            errors++;
            if (b.has("line")) {
                refused++;
            }
            return;
        }
        bills++;
        String currency = b.path("currency").asText();
        String plan = b.path("plan").asText();
        byPlan.computeIfAbsent(currency, k -> new TreeMap<>()).merge(plan,
                new BigDecimal(b.path("totals").path("total").asText()), BigDecimal::add);
        billsByPlan.computeIfAbsent(currency, k -> new TreeMap<>()).merge(plan, 1L, Long::sum);
        for (JsonNode l : b.path("lines")) {
            byCode.computeIfAbsent(currency, k -> new TreeMap<>()).merge(l.path("code").asText(),
                    new BigDecimal(l.path("amount").asText()), BigDecimal::add);
        }
    }

    ObjectNode summary(String month, String zone, List<SourceStats> sources, String accountsPath, long accountsRead) {
        ObjectNode s = RequestJson.MAPPER.createObjectNode();
        s.put("billingMonth", month);
        s.put("zone", zone);
        s.put("apps", apps.size());
        s.put("bills", bills);
        s.put("errorRecords", errors);
        ObjectNode inputs = s.putObject("inputs");
        List<BadRow> details = new ArrayList<>();
        TreeMap<String, Long> allReasons = new TreeMap<>();
        long badTotal = 0;
        for (SourceStats st : sources) {
            ObjectNode i = inputs.putObject(st.name);
            i.put("path", st.path);
            i.put("read", st.read);
            i.put("used", st.used);
            i.put("ignoredOutsideMonth", st.outside);
            i.put("bad", st.bad());
            st.reasons.forEach((r, n) -> allReasons.merge(r, n, Long::sum));
            badTotal += st.bad();
            details.addAll(st.details);
        }
        if (accountsPath != null) {
            ObjectNode a = inputs.putObject("accounts");
            a.put("path", accountsPath);
            a.put("read", accountsRead);
            a.put("refused", refused);
        }
        details.sort(Comparator.comparing(BadRow::input).thenComparing(BadRow::file)
                .thenComparingLong(BadRow::position));
        ObjectNode badRows = s.putObject("badRows");
        badRows.put("total", badTotal);
        ObjectNode br = badRows.putObject("byReason");
        allReasons.forEach(br::put);
        badRows.put("detailsShown", Math.min(details.size(), DETAIL_CAP));
        ArrayNode da = badRows.putArray("details");
        for (BadRow b : details.subList(0, Math.min(details.size(), DETAIL_CAP))) {
            ObjectNode d = da.addObject();
            d.put("input", b.input());
            d.put("file", b.file());
            d.put(b.parquet() ? "row" : "line", b.position());
            d.put("reason", b.reason());
            if (b.text() != null) {
                d.put("text", b.text().length() <= 200 ? b.text() : b.text().substring(0, 200) + "…");
            }
        }
        ObjectNode revenue = s.putObject("revenue");
        for (Map.Entry<String, TreeMap<String, BigDecimal>> c : byPlan.entrySet()) {
            ObjectNode n = revenue.putObject(c.getKey());
            BigDecimal total = c.getValue().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            n.put("total", money(total));
            ObjectNode p = n.putObject("byPlan");
            c.getValue().forEach((plan, v) -> p.put(plan, money(v)));
            ObjectNode bp = n.putObject("billsByPlan");
            billsByPlan.get(c.getKey()).forEach(bp::put);
            ObjectNode bc = n.putObject("byLineCode");
            byCode.getOrDefault(c.getKey(), new TreeMap<>()).forEach((code, v) -> bc.put(code, money(v)));
        }
        return s;
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Bad rows and counts on stderr (the same first rows as summary.json). */
    static void print(ObjectNode summary, PrintStream err) {
        JsonNode bad = summary.get("badRows");
        if (bad.path("total").asLong() == 0) {
            return;
        }
        for (JsonNode d : bad.get("details")) {
            String at = d.has("line") ? " line " + d.get("line").asLong()
                    : d.has("row") ? " row " + d.get("row").asLong() : "";
            err.println("bad row: " + d.path("input").asText() + " " + d.path("file").asText() + at + ": "
                    + d.path("reason").asText() + (d.has("text") ? ": " + d.path("text").asText() : ""));
        }
        StringBuilder b = new StringBuilder("bad rows: " + bad.path("total").asLong() + " (");
        List<String> parts = new ArrayList<>();
        bad.get("byReason").fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asLong()));
        b.append(String.join(", ", parts)).append(")");
        if (bad.path("total").asLong() > bad.path("detailsShown").asLong()) {
            b.append("; the first ").append(bad.path("detailsShown").asLong()).append(" are listed in summary.json");
        }
        err.println(b);
    }
}
