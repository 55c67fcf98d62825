package im.tariff.generate;

import im.tariff.engine.RuleSource;
import im.tariff.model.Metric;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers the generator aims at (caps, free quotas, block sizes, history-storage options), read from the
 * rule text itself so that no tariff number is repeated in Java: when an analyst moves a cap in rules/, the
 * generated requests follow it. A metric the rules do not mention simply gets no boundary to aim at.
 */
public final class TariffHints {

    private static final Pattern LIMIT = Pattern.compile("new\\s+Limit\\(\\s*Metric\\.(\\w+)\\s*,\\s*(\\d+)\\s*\\)");
    private static final Pattern OVERAGE = Pattern.compile(
            "new\\s+OverageTariff\\(\\s*Metric\\.(\\w+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)");
    private static final Pattern HISTORY_DAYS = Pattern.compile("days\\s*==\\s*(\\d+)");

    private final Map<Metric, long[]> boundaries;
    private final Map<Metric, long[]> blocks;
    private final int[] historyDays;

    TariffHints(Map<Metric, TreeSet<Long>> boundaries, Map<Metric, TreeSet<Long>> blocks, TreeSet<Integer> historyDays) {
        this.boundaries = toArrays(boundaries);
        this.blocks = toArrays(blocks);
        this.historyDays = historyDays.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Scans every rule file of the source. */
    public static TariffHints from(RuleSource source) {
        Map<Metric, TreeSet<Long>> boundaries = new EnumMap<>(Metric.class);
        Map<Metric, TreeSet<Long>> blocks = new EnumMap<>(Metric.class);
        TreeSet<Integer> days = new TreeSet<>();
        for (String text : source.files().values()) {
            Matcher m = LIMIT.matcher(text);
            while (m.find()) {
                metric(m.group(1)).ifPresent(metric -> add(boundaries, metric, Long.parseLong(m.group(2))));
            }
            Matcher o = OVERAGE.matcher(text);
            while (o.find()) {
                long free = Long.parseLong(o.group(2));
                long block = Long.parseLong(o.group(3));
                metric(o.group(1)).ifPresent(metric -> {
                    add(boundaries, metric, free);
                    add(blocks, metric, block);
                });
            }
            Matcher d = HISTORY_DAYS.matcher(text);
            while (d.find()) {
                days.add(Integer.parseInt(d.group(1)));
            }
        }
        return new TariffHints(boundaries, blocks, days);
    }

    /** Caps and free quotas of the metric on any plan (empty when the rules name none). */
    public long[] boundaries(Metric metric) {
        return boundaries.getOrDefault(metric, new long[0]);
    }

    /** Overage block sizes of the metric (empty when it is never billed as overage). */
    public long[] blocks(Metric metric) {
        return blocks.getOrDefault(metric, new long[0]);
    }

    /** Day counts the history-storage price rules offer. */
    public int[] historyDays() {
        return historyDays.clone();
    }

    private static java.util.Optional<Metric> metric(String name) {
        try {
            return java.util.Optional.of(Metric.valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static void add(Map<Metric, TreeSet<Long>> map, Metric metric, long value) {
        map.computeIfAbsent(metric, k -> new TreeSet<>()).add(value);
    }

    private static Map<Metric, long[]> toArrays(Map<Metric, TreeSet<Long>> sets) {
        Map<Metric, long[]> out = new EnumMap<>(Metric.class);
        for (Map.Entry<Metric, TreeSet<Long>> e : sets.entrySet()) {
            List<Long> values = new ArrayList<>(e.getValue());
            out.put(e.getKey(), values.stream().mapToLong(Long::longValue).toArray());
        }
        return out;
    }
}
