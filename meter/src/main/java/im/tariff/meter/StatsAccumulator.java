package im.tariff.meter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * Collects each partition's {@link PartStats} keyed by the partition's identity (input, file, split start).
 * A re-run task (a retry, a recomputed stage) reports the same key again and replaces its earlier report, so the
 * counts stay exact even though they are gathered inside transformations.
 */
final class StatsAccumulator extends AccumulatorV2<PartStats, List<PartStats>> {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, PartStats> parts = new HashMap<>();

    @Override
    public boolean isZero() {
        synchronized (parts) {
            return parts.isEmpty();
        }
    }

    @Override
    public AccumulatorV2<PartStats, List<PartStats>> copy() {
        StatsAccumulator c = new StatsAccumulator();
        synchronized (parts) {
            c.parts.putAll(parts);
        }
        return c;
    }

    @Override
    public void reset() {
        synchronized (parts) {
            parts.clear();
        }
    }

    @Override
    public void add(PartStats v) {
        synchronized (parts) {
            parts.put(v.key(), v);
        }
    }

    @Override
    public void merge(AccumulatorV2<PartStats, List<PartStats>> other) {
        Map<String, PartStats> theirs = ((StatsAccumulator) other).parts;
        synchronized (parts) {
            parts.putAll(theirs);
        }
    }

    @Override
    public List<PartStats> value() {
        synchronized (parts) {
            return new ArrayList<>(parts.values());
        }
    }
}
