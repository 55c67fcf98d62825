package im.tariff.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.io.RequestReader;
import im.tariff.model.AddOnType;
import im.tariff.model.Metric;
import im.tariff.model.Plan;
import im.tariff.model.Region;
import im.tariff.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random valid requests (SPEC 2.1) for benchmarks and soak tests. Request i depends only on (seed, i), so a
 * seed always gives the same lines and a longer run starts with the lines of a shorter one.
 * <p>
 * The mix aims at the interesting cases: every plan (sometimes by its Chinese name), add-ons a plan does not
 * offer, history-storage options on and off the menu, start dates, daily series and peaks, barrage in both
 * regions, and usage right around the caps and quotas found in the rules ({@link TariffHints}).
 */
public final class RequestGenerator {

    /** SDKAppIDs of generated requests start here (real ones are 14000xxxxx). */
    static final long FIRST_APP_ID = 1_400_000_000L;

    /** The usage counts a request may carry, as the reader knows them. */
    private static final Map<String, Metric> COUNT_FIELDS = RequestReader.COUNT_FIELDS;

    private static final Plan[] PLANS = Plan.values();
    private static final AddOnType[] ADD_ONS = AddOnType.values();
    private static final Region[] REGIONS = Region.values();

    private final long seed;
    private final TariffHints hints;
    private final int[] historyDays;

    public RequestGenerator(long seed, TariffHints hints) {
        this.seed = seed;
        this.hints = hints;
        this.historyDays = hints.historyDays();
    }

    /** Writes requests 0 … count-1, one JSON object a line (UTF-8). Does not close out. */
    public void writeLines(long count, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null);
            for (long i = 0; i < count; i++) {
                write(i, g);
                g.writeRaw('\n');
            }
        }
    }

    /** Writes request number index (from 0) as one JSON object. */
    public void write(long index, JsonGenerator g) throws IOException {
        SplittableRandom rng = new SplittableRandom(mix(seed + index * 0x9E3779B97F4A7C15L));
        YearMonth month = YearMonth.of(2025 + rng.nextInt(3), 1 + rng.nextInt(12));
        Plan plan = PLANS[rng.nextInt(PLANS.length)];

        g.writeStartObject();
        g.writeStringField("appId", Long.toString(FIRST_APP_ID + index));
        g.writeStringField("billingMonth", month.toString());
        g.writeStringField("plan", planName(plan, rng));
        if (rng.nextInt(100) < 50) {
            g.writeStringField("planStartDate", day(month, rng).toString());
        }
        if (rng.nextInt(100) < 30) {
            g.writeStringField("previousPlan", planName(PLANS[rng.nextInt(PLANS.length)], rng));
        }
        if (rng.nextInt(100) < 15) {
            g.writeStringField("requestedPlan", planName(PLANS[rng.nextInt(PLANS.length)], rng));
        }
        writeAddOns(g, month, rng);
        if (rng.nextInt(100) < 95) {
            writeUsage(g, month, rng);
        }
        g.writeEndObject();
    }

    private static String planName(Plan plan, SplittableRandom rng) {
        return rng.nextInt(100) < 10 ? plan.getChineseName() : plan.name();
    }

    // ---- add-ons: any type on any plan, so TRIAL add-ons and FLAGSHIP's AVCHATROOM_UNLIMITED occur too ----

    private void writeAddOns(JsonGenerator g, YearMonth month, SplittableRandom rng) throws IOException {
        List<AddOnType> chosen = new ArrayList<>();
        for (AddOnType t : ADD_ONS) {
            if (rng.nextInt(100) < 25) {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty() && rng.nextBoolean()) {
            return; // no addOns field at all
        }
        for (int i = chosen.size() - 1; i > 0; i--) { // any order is valid
            int j = rng.nextInt(i + 1);
            AddOnType tmp = chosen.get(i);
            chosen.set(i, chosen.get(j));
            chosen.set(j, tmp);
        }
        g.writeArrayFieldStart("addOns");
        for (AddOnType t : chosen) {
            g.writeStartObject();
            g.writeStringField("type", t.name());
            if (t == AddOnType.HISTORY_STORAGE) {
                g.writeNumberField("days", historyDays(rng));
            } else if (rng.nextInt(100) < 30) {
                g.writeStringField("startDate", day(month, rng).toString());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Mostly an option some plan offers; sometimes one no plan offers (an ADDON_OPTION_INVALID case). */
    private int historyDays(SplittableRandom rng) {
        if (historyDays.length > 0 && rng.nextInt(100) < 85) {
            return historyDays[rng.nextInt(historyDays.length)];
        }
        return 1 + rng.nextInt(720);
    }

    // ---- usage ----

    private void writeUsage(JsonGenerator g, YearMonth month, SplittableRandom rng) throws IOException {
        g.writeObjectFieldStart("usage");
        peakOrSeries(g, "peakDau", "dailyDau", "dau", Metric.DAU, month, rng);
        peakOrSeries(g, "peakGroups", "dailyGroups", "groups", Metric.PEAK_GROUPS, month, rng);
        if (rng.nextInt(100) < 25) {
            writeBarrage(g, month, rng);
        }
        for (Map.Entry<String, Metric> e : COUNT_FIELDS.entrySet()) {
            if (rng.nextInt(100) < 70) {
                g.writeNumberField(e.getKey(), value(e.getValue(), rng));
            }
        }
        g.writeEndObject();
    }

    private void peakOrSeries(JsonGenerator g, String peakField, String seriesField, String valueField, Metric metric,
                              YearMonth month, SplittableRandom rng) throws IOException {
        int r = rng.nextInt(100);
        if (r < 10) {
            return; // figure not given
        }
        long peak = value(metric, rng);
        if (r < 65) {
            g.writeNumberField(peakField, peak);
            return;
        }
        // a daily series: the whole month, or a few days; one day reaches the peak
        int length = month.lengthOfMonth();
        boolean[] days = new boolean[length + 1];
        int count;
        if (rng.nextInt(100) < 40) {
            count = length;
            java.util.Arrays.fill(days, 1, length + 1, true);
        } else {
            count = 0;
            for (int want = 1 + rng.nextInt(7); count < want; ) {
                int d = 1 + rng.nextInt(length);
                if (!days[d]) {
                    days[d] = true;
                    count++;
                }
            }
        }
        int peakDay = rng.nextInt(count);
        g.writeArrayFieldStart(seriesField);
        int n = 0;
        for (int d = 1; d <= length; d++) {
            if (days[d]) {
                g.writeStartObject();
                g.writeStringField("date", month.atDay(d).toString());
                g.writeNumberField(valueField, n++ == peakDay ? peak : rng.nextLong(peak + 1));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void writeBarrage(JsonGenerator g, YearMonth month, SplittableRandom rng) throws IOException {
        int length = month.lengthOfMonth();
        boolean[][] used = new boolean[length + 1][REGIONS.length];
        int want = 1 + rng.nextInt(8);
        List<int[]> entries = new ArrayList<>();
        while (entries.size() < want) {
            int d = 1 + rng.nextInt(length);
            int region = rng.nextInt(REGIONS.length);
            if (!used[d][region]) {
                used[d][region] = true;
                entries.add(new int[] {d, region});
            }
        }
        entries.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        g.writeArrayFieldStart("barrage");
        for (int[] e : entries) {
            int scale = rng.nextInt(3); // 12, 12.5, 3.25
            long unscaled = 1 + rng.nextLong(200L * (scale == 0 ? 1 : scale == 1 ? 10 : 100));
            g.writeStartObject();
            g.writeStringField("date", month.atDay(e[0]).toString());
            g.writeStringField("region", REGIONS[e[1]].name());
            g.writeNumberField("peakMbps", BigDecimal.valueOf(unscaled, scale));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Half the time right at a cap, quota or overage block edge of the metric (one below, on it, one above,
     * or a little either side); otherwise anywhere from 0 to a few times the largest cap, log-uniformly.
     */
    long value(Metric metric, SplittableRandom rng) {
        long[] caps = hints.boundaries(metric);
        if (caps.length > 0 && rng.nextBoolean()) {
            long edge = caps[rng.nextInt(caps.length)];
            long[] blocks = hints.blocks(metric);
            if (blocks.length > 0 && rng.nextBoolean()) {
                edge += blocks[rng.nextInt(blocks.length)] * rng.nextInt(4);
            }
            long span = Math.max(1, edge / 20);
            long v = switch (rng.nextInt(5)) {
                case 0 -> edge - 1;
                case 1 -> edge;
                case 2 -> edge + 1;
                case 3 -> edge - 1 - rng.nextLong(span);
                default -> edge + 1 + rng.nextLong(span);
            };
            return Math.max(0, v);
        }
        long top = caps.length > 0 ? caps[caps.length - 1] * 3 : 1_000_000;
        return (long) Math.floor(Math.expm1(rng.nextDouble() * Math.log1p(top)));
    }

    private static LocalDate day(YearMonth month, SplittableRandom rng) {
        return month.atDay(1 + rng.nextInt(month.lengthOfMonth()));
    }

    /** Stafford's 64-bit mix: neighbouring indexes get unrelated random streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
