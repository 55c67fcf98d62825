package im.tariff.generate;

import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Overage;
import im.tariff.model.Tiers;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The numbers the generator aims at (caps, free quotas, block sizes, option values), taken from the terms
 * the compiled rules set for each plan, so no tariff number is repeated in Java: when an analyst moves a
 * cap in rules/, the generated requests follow it. A meter no term mentions gets no boundary to aim at.
 */
public final class TariffHints {

    private final Map<String, long[]> boundaries;
    private final Map<String, long[]> blocks;
    private final Map<String, long[]> options;

    /** Each plan's smallest cap on each meter it caps. */
    private final Map<String, Map<String, Long>> caps = new HashMap<>();

    TariffHints(Map<String, TreeSet<Long>> boundaries, Map<String, TreeSet<Long>> blocks,
                Map<String, TreeSet<Long>> options) {
        this.boundaries = toArrays(boundaries);
        this.blocks = toArrays(blocks);
        this.options = toArrays(options);
    }

    /** Collects the terms of every plan of the rules' catalog. */
    public static TariffHints from(Evaluator rules) {
        Map<String, TreeSet<Long>> boundaries = new HashMap<>();
        Map<String, TreeSet<Long>> blocks = new HashMap<>();
        Map<String, TreeSet<Long>> options = new HashMap<>();
        YearMonth month = rules.catalog().thisMonth();
        for (PlanDef plan : rules.catalog().plans()) {
            for (Object term : rules.termsOf(plan.code(), month)) {
                if (term instanceof Limit l && !l.isUnlimited()) {
                    boundaries.computeIfAbsent(l.meter(), k -> new TreeSet<>()).add(l.cap());
                } else if (term instanceof Overage o) {
                    boundaries.computeIfAbsent(o.meter(), k -> new TreeSet<>()).add(o.free());
                    blocks.computeIfAbsent(o.meter(), k -> new TreeSet<>()).add(o.block());
                } else if (term instanceof Tiers t) {
                    for (Tiers.Band b : t.bands()) { // each band's last quantity: the generator aims at both sides
                        if (b.to() != null) {
                            boundaries.computeIfAbsent(t.meter(), k -> new TreeSet<>()).add(b.to());
                        }
                    }
                } else if (term instanceof Fee f && f.addOn() != null && f.option() != null) {
                    options.computeIfAbsent(f.addOn(), k -> new TreeSet<>()).add(f.option());
                }
            }
        }
        for (AddOnDef a : rules.catalog().addOns()) {
            if (a.hasOption()) {
                options.computeIfAbsent(a.code(), k -> new TreeSet<>());
            }
        }
        TariffHints hints = new TariffHints(boundaries, blocks, options);
        for (PlanDef plan : rules.catalog().plans()) {
            for (Object term : rules.termsOf(plan.code(), month)) {
                if (term instanceof Limit l && !l.isUnlimited()) {
                    hints.caps.computeIfAbsent(plan.code(), k -> new HashMap<>()).merge(l.meter(), l.cap(), Math::min);
                }
            }
        }
        return hints;
    }

    /** The plan's smallest cap on the meter; 0 when the plan does not cap it. */
    public long cap(String plan, String meter) {
        return caps.getOrDefault(plan, Map.of()).getOrDefault(meter, 0L);
    }

    private static Map<String, long[]> toArrays(Map<String, TreeSet<Long>> sets) {
        Map<String, long[]> out = new HashMap<>();
        sets.forEach((k, v) -> out.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }

    /** Caps and free quotas of the meter on any plan, ascending; empty when none. */
    public long[] boundaries(String meter) {
        return boundaries.getOrDefault(meter, new long[0]);
    }

    /** Overage block sizes of the meter, ascending; empty when none. */
    public long[] blocks(String meter) {
        return blocks.getOrDefault(meter, new long[0]);
    }

    /** Option values some plan prices for the add-on, ascending; empty when none. */
    public long[] options(String addOn) {
        return options.getOrDefault(addOn, new long[0]);
    }

    List<String> pricedOptionAddOns() {
        return List.copyOf(options.keySet());
    }
}
