package im.tariff.meter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the catalog says the job meters: each measured meter (its request fields and how it is measured from
 * raw events), the event sources those measurements read and the columns each source must have, the default
 * plan and the time zone. Built from the rules' catalog by {@link BillingBridge#metering}; the rest of the module
 * knows no tariff name but what it finds here.
 */
record Metering(List<Meter> meters, List<Source> sources, String defaultPlan, String timeZone)
        implements Serializable {

    /** The request shapes a meter fills (the catalog's meter shapes). */
    enum Shape { COUNT, PEAK, DAILY }

    /** The aggregations (the catalog's measures). */
    enum Agg { DISTINCT_PER_DAY, DISTINCT_PER_MONTH, DAILY_MAX, SUM }

    /** How an event column is checked and carried. */
    enum Kind {
        /** a text that is counted (a user id): must not be empty */
        ID,
        /** a whole number ≥ 0 */
        WHOLE,
        /** a decimal ≥ 0, at most 18 decimals and 20 integer digits, carried as DECIMAL(38,18) */
        DECIMAL,
        /** one of the declared values of a daily meter's dimension */
        DIMENSION
    }

    /**
     * One measured meter: index (its position among the measured meters), code, shape, request fields (field: a
     * COUNT's number; series/value: a PEAK's or DAILY's series and the number in each entry; dimension: a DAILY's
     * key), and the measurement (source, aggregation, column).
     */
    record Meter(int index, String code, Shape shape, String field, String series, String value, String dimension,
                 boolean decimal, String source, Agg agg, String column) implements Serializable {

        /** The figure is a decimal (a DAILY meter declared with decimals); otherwise a whole number. */
        boolean decimalValue() {
            return decimal && agg != Agg.DISTINCT_PER_DAY && agg != Agg.DISTINCT_PER_MONTH;
        }

        /** One figure per day (a series), or one for the month. */
        boolean daily() {
            return shape != Shape.COUNT;
        }
    }

    /** An event column: name, kind, the allowed values of a dimension. */
    record Column(String name, Kind kind, Set<String> values) implements Serializable {
    }

    /**
     * An event source: its name (the option {@code --NAME FILE} and the key of {@code --events NAME=FILE}) and its
     * columns besides appId and time, in the order they are checked: counted ids first, then (after time) the
     * dimensions and the numbers.
     */
    record Source(String name, List<Column> columns) implements Serializable {

        /** Every column a file of this source must have, in the order a bad row's reason is looked for. */
        List<String> allColumns() {
            List<String> all = new ArrayList<>();
            all.add(APP_ID);
            columns.stream().filter(c -> c.kind() == Kind.ID).forEach(c -> all.add(c.name()));
            all.add(TIME);
            columns.stream().filter(c -> c.kind() != Kind.ID).forEach(c -> all.add(c.name()));
            return all;
        }
    }

    /** The two columns every event has. */
    static final String APP_ID = "appId";
    static final String TIME = "time";

    Source source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The sources of the measured meters, each with the columns its meters read (first declaration first). */
    static List<Source> sources(List<Meter> meters, Map<Integer, Set<String>> dimensionValues) {
        Map<String, Map<String, Column>> bySource = new LinkedHashMap<>();
        for (Meter m : meters) {
            Map<String, Column> cols = bySource.computeIfAbsent(m.source(), k -> new LinkedHashMap<>());
            Kind kind = switch (m.agg()) {
                case DISTINCT_PER_DAY, DISTINCT_PER_MONTH -> Kind.ID;
                default -> m.decimalValue() ? Kind.DECIMAL : Kind.WHOLE;
            };
            cols.merge(m.column(), new Column(m.column(), kind, Set.of()), (a, b) -> stronger(a, b));
            if (m.shape() == Shape.DAILY) {
                Set<String> values = new LinkedHashSet<>(dimensionValues.getOrDefault(m.index(), Set.of()));
                cols.merge(m.dimension(), new Column(m.dimension(), Kind.DIMENSION, values), (a, b) -> {
                    Set<String> both = new LinkedHashSet<>(a.values());
                    both.addAll(b.values());
                    return new Column(a.name(), Kind.DIMENSION, both);
                });
            }
        }
        List<Source> out = new ArrayList<>();
        bySource.forEach((name, cols) -> out.add(new Source(name, List.copyOf(cols.values()))));
        return out;
    }

    /** A column read by two meters is checked as the stricter of the two readings (a decimal over an id). */
    private static Column stronger(Column a, Column b) {
        return a.kind().ordinal() >= b.kind().ordinal() ? a : b;
    }
}
