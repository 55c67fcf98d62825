package im.tariff.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random valid requests (docs/FORMAT.md) for benchmarks and soak tests. Request i depends only on (seed, i), so a
 * seed always gives the same lines and a longer run starts with the lines of a shorter one.
 * <p>
 * The mix aims at the interesting cases: every plan of the catalog (sometimes by its name), add-ons a plan
 * does not offer, option values on and off the menu, start dates, daily series and peaks, every dimension
 * value of the daily meters, and usage right around the caps and quotas the rules set ({@link TariffHints}).
 */
public final class RequestGenerator {

    /**
     * What the requests look like. UNIFORM: the generator's own mix (every field at a steady rate, values crowding
     * the tariff's boundaries). MONTH_END: what a month-end run sees when requests come from metering: about 30 %
     * carry a daily series for each peak meter (most of them the whole month), 25 % a daily meter's samples over
     * many days and dimension values, half order add-ons (some their plan does not offer), a fifth of those on a plan with caps exceed one,
     * one in ten changes plan.
     */
    public enum Mix { UNIFORM, MONTH_END }

    /** SDKAppIDs of generated requests start here (real ones are 14000xxxxx). */
    static final long FIRST_APP_ID = 1_400_000_000L;

    private final long seed;
    private final TariffHints hints;
    private final List<PlanDef> plans;
    /** The plans a bill can be made for: a plan whose price is given on request is refused by the reader. */
    private final List<PlanDef> billable;
    private final List<AddOnDef> addOns;
    private final List<MeterDef> meters;
    private final Mix mix;

    public RequestGenerator(long seed, Catalog catalog, TariffHints hints) {
        this(seed, catalog, hints, Mix.UNIFORM);
    }

    public RequestGenerator(long seed, Catalog catalog, TariffHints hints, Mix mix) {
        this.seed = seed;
        this.mix = mix;
        this.hints = hints;
        this.plans = catalog.plans();
        List<PlanDef> priced = plans.stream().filter(p -> !p.onRequest()).toList();
        this.billable = priced.isEmpty() ? plans : priced;
        this.addOns = catalog.addOns();
        this.meters = catalog.meters();
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
        if (mix == Mix.MONTH_END) {
            monthEnd(index, g, rng);
            return;
        }
        YearMonth month = YearMonth.of(2025 + rng.nextInt(3), 1 + rng.nextInt(12));
        PlanDef plan = billable.get(rng.nextInt(billable.size()));

        g.writeStartObject();
        g.writeStringField("appId", Long.toString(FIRST_APP_ID + index));
        g.writeStringField("billingMonth", month.toString());
        g.writeStringField("plan", planName(plan, rng));
        if (rng.nextInt(100) < 50) {
            g.writeStringField("planStartDate", day(month, rng).toString());
        }
        if (rng.nextInt(100) < 30) {
            g.writeStringField("previousPlan", planName(plans.get(rng.nextInt(plans.size())), rng));
        }
        if (rng.nextInt(100) < 15) {
            g.writeStringField("requestedPlan", planName(plans.get(rng.nextInt(plans.size())), rng));
        }
        writeAddOns(g, month, rng);
        if (rng.nextInt(100) < 95) {
            writeUsage(g, month, rng);
        }
        g.writeEndObject();
    }

    /** One request of the month-end mix (see {@link Mix#MONTH_END}). */
    private void monthEnd(long index, JsonGenerator g, SplittableRandom rng) throws IOException {
        YearMonth month = YearMonth.of(2025 + rng.nextInt(3), 1 + rng.nextInt(12));
        PlanDef plan = billable.get(rng.nextInt(billable.size()));
        g.writeStartObject();
        g.writeStringField("appId", Long.toString(FIRST_APP_ID + index));
        g.writeStringField("billingMonth", month.toString());
        g.writeStringField("plan", plan.code());
        if (rng.nextInt(100) < 20) {
            g.writeStringField("planStartDate", day(month, rng).toString());
        }
        if (rng.nextInt(100) < 10) {
            g.writeStringField("previousPlan", plans.get(rng.nextInt(plans.size())).code());
        }
        if (rng.nextInt(100) < 50 && !addOns.isEmpty()) {
            List<AddOnDef> chosen = new ArrayList<>();
            for (AddOnDef t : addOns) {
                if (rng.nextInt(100) < 40) {
                    chosen.add(t);
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(addOns.get(rng.nextInt(addOns.size())));
            }
            writeAddOnArray(g, chosen, null, rng);
        }
        // a fifth of the bills exceed a cap of their plan on one meter; every other value stays under the cap
        List<MeterDef> capped = meters.stream().filter(m -> hints.cap(plan.code(), m.code()) > 0).toList();
        String over = !capped.isEmpty() && rng.nextInt(100) < 20
                ? capped.get(rng.nextInt(capped.size())).code() : null;
        g.writeObjectFieldStart("usage");
        for (MeterDef m : meters) {
            long cap = hints.cap(plan.code(), m.code());
            boolean exceed = m.code().equals(over);
            switch (m.shape()) {
                case PEAK -> {
                    if (exceed || rng.nextInt(100) < 30) {
                        series(g, m, month, fit(value(m.code(), rng), cap, exceed, rng), rng.nextInt(100) < 80, rng);
                    } else if (rng.nextInt(100) < 60) {
                        g.writeNumberField(m.field(), fit(value(m.code(), rng), cap, false, rng));
                    }
                }
                case DAILY -> {
                    if (rng.nextInt(100) < 25) {
                        writeDaily(g, m, month, 5 + rng.nextInt(Math.max(1, month.lengthOfMonth() * m.dimensionValues().size() - 4)), rng);
                    }
                }
                case COUNT -> {
                    if (exceed || rng.nextInt(100) < 60) {
                        g.writeNumberField(m.field(), fit(value(m.code(), rng) / 2, cap, exceed, rng));
                    }
                }
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A value over the cap when the bill is to exceed it, under it otherwise; as drawn when there is no cap. */
    private static long fit(long value, long cap, boolean exceed, SplittableRandom rng) {
        if (cap <= 0) {
            return value;
        }
        if (exceed) {
            return cap + 1 + rng.nextLong(Math.max(1, cap / 10));
        }
        return value <= cap ? value : 1 + rng.nextLong(cap);
    }

    private static String planName(PlanDef plan, SplittableRandom rng) {
        return rng.nextInt(100) < 10 ? plan.name() : plan.code();
    }

    // ---- add-ons: any type on any plan, so add-ons a plan does not offer occur too ----

    private void writeAddOns(JsonGenerator g, YearMonth month, SplittableRandom rng) throws IOException {
        List<AddOnDef> chosen = new ArrayList<>();
        for (AddOnDef t : addOns) {
            if (rng.nextInt(100) < 25) {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty() && rng.nextBoolean()) {
            return; // no addOns field at all
        }
        for (int i = chosen.size() - 1; i > 0; i--) { // any order is valid
            int j = rng.nextInt(i + 1);
            AddOnDef tmp = chosen.get(i);
            chosen.set(i, chosen.get(j));
            chosen.set(j, tmp);
        }
        writeAddOnArray(g, chosen, month, rng);
    }

    /** The addOns array: each add-on's option; without one, a start day on 30 % when a month is given. */
    private void writeAddOnArray(JsonGenerator g, List<AddOnDef> chosen, YearMonth startsIn, SplittableRandom rng)
            throws IOException {
        g.writeArrayFieldStart("addOns");
        for (AddOnDef t : chosen) {
            g.writeStartObject();
            g.writeStringField("type", t.code());
            if (t.hasOption()) {
                g.writeNumberField(t.optionField(), option(t, rng));
            } else if (startsIn != null && rng.nextInt(100) < 30) {
                g.writeStringField("startDate", day(startsIn, rng).toString());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Mostly an option value some plan prices; sometimes one no plan offers (an invalid option). */
    private long option(AddOnDef addOn, SplittableRandom rng) {
        long[] offered = hints.options(addOn.code());
        if (offered.length > 0 && rng.nextInt(100) < 85) {
            return offered[rng.nextInt(offered.length)];
        }
        return 1 + rng.nextInt(720);
    }

    // ---- usage ----

    private void writeUsage(JsonGenerator g, YearMonth month, SplittableRandom rng) throws IOException {
        g.writeObjectFieldStart("usage");
        for (MeterDef m : meters) {
            switch (m.shape()) {
                case PEAK -> peakOrSeries(g, m, month, rng);
                case DAILY -> {
                    if (rng.nextInt(100) < 25) {
                        writeDaily(g, m, month, rng);
                    }
                }
                case COUNT -> {
                    if (rng.nextInt(100) < 70) {
                        g.writeNumberField(m.field(), value(m.code(), rng));
                    }
                }
            }
        }
        g.writeEndObject();
    }

    private void peakOrSeries(JsonGenerator g, MeterDef m, YearMonth month, SplittableRandom rng) throws IOException {
        int r = rng.nextInt(100);
        if (r < 10) {
            return; // figure not given
        }
        long peak = value(m.code(), rng);
        if (r < 65) {
            g.writeNumberField(m.field(), peak);
            return;
        }
        series(g, m, month, peak, rng.nextInt(100) < 40, rng);
    }

    /** A daily series reaching the peak on one day: the whole month, or a few days of it. */
    private void series(JsonGenerator g, MeterDef m, YearMonth month, long peak, boolean wholeMonth,
                        SplittableRandom rng) throws IOException {
        int length = month.lengthOfMonth();
        boolean[] days = new boolean[length + 1];
        int count;
        if (wholeMonth) {
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
        g.writeArrayFieldStart(m.seriesField());
        int n = 0;
        for (int d = 1; d <= length; d++) {
            if (days[d]) {
                g.writeStartObject();
                g.writeStringField("date", month.atDay(d).toString());
                g.writeNumberField(m.valueField(), n++ == peakDay ? peak : rng.nextLong(peak + 1));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private void writeDaily(JsonGenerator g, MeterDef m, YearMonth month, SplittableRandom rng) throws IOException {
        writeDaily(g, m, month, 1 + rng.nextInt(8), rng);
    }

    /** {@code want} samples of a daily meter, each (day, dimension value) once. */
    private void writeDaily(JsonGenerator g, MeterDef m, YearMonth month, int want, SplittableRandom rng)
            throws IOException {
        List<String> keys = new ArrayList<>(m.dimensionValues().keySet());
        int length = month.lengthOfMonth();
        boolean[][] used = new boolean[length + 1][keys.size()];
        want = Math.min(want, length * keys.size());
        List<int[]> entries = new ArrayList<>();
        while (entries.size() < want) {
            int d = 1 + rng.nextInt(length);
            int region = rng.nextInt(keys.size());
            if (!used[d][region]) {
                used[d][region] = true;
                entries.add(new int[] {d, region});
            }
        }
        entries.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        g.writeArrayFieldStart(m.seriesField());
        for (int[] e : entries) {
            int scale = m.decimal() ? rng.nextInt(3) : 0; // 12, 12.5, 3.25
            long unscaled = 1 + rng.nextLong(200L * (scale == 0 ? 1 : scale == 1 ? 10 : 100));
            g.writeStartObject();
            g.writeStringField("date", month.atDay(e[0]).toString());
            g.writeStringField(m.dimension(), keys.get(e[1]));
            g.writeNumberField(m.valueField(), BigDecimal.valueOf(unscaled, scale));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Half the time right at a cap, quota or overage block edge of the metric (one below, on it, one above,
     * or a little either side); otherwise anywhere from 0 to a few times the largest cap, log-uniformly.
     */
    long value(String meter, SplittableRandom rng) {
        long[] caps = hints.boundaries(meter);
        if (caps.length > 0 && rng.nextBoolean()) {
            long edge = caps[rng.nextInt(caps.length)];
            long[] blocks = hints.blocks(meter);
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
