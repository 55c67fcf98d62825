package im.tariff.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a text reads to, kept after the first reading: rules write the same literals (a price, a cap, a rule name)
 * on every bill. Thread-safe; the values must be immutable, since every thread gets the same one. Bounded: past
 * {@value #MAX} texts a new one is read every time, never dropped or mixed up. A reading that throws, or gives
 * null (a text the caller will not have kept), is not kept.
 */
public final class ReadOnce<V> {

    static final int MAX = 4096;

    private final ConcurrentHashMap<String, V> read = new ConcurrentHashMap<>();
    private final Function<String, V> reading;

    public ReadOnce(Function<String, V> reading) {
        this.reading = reading;
    }

    /** What text reads to: kept from an earlier reading, or read now; null text is read every time. */
    public V get(String text) {
        V known = text == null ? null : read.get(text);
        if (known != null) {
            return known;
        }
        V value = reading.apply(text);
        if (value != null && text != null && read.size() < MAX) {
            read.putIfAbsent(text, value);
        }
        return value;
    }
}
