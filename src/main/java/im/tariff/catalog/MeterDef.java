package im.tariff.catalog;

import java.util.List;
import java.util.Map;

/**
 * A usage meter: its code (limits and violations name it), its shape, the request field(s) that carry it,
 * its unit and label.
 * <ul>
 *   <li>COUNT: {@code field} is the number under {@code usage}.</li>
 *   <li>PEAK: {@code field} is the peak, {@code seriesField} the daily series, {@code valueField} the number
 *   in each day.</li>
 *   <li>DAILY: {@code seriesField} is the series, {@code dimension} the key beside the date with its
 *   values (code → label), {@code valueField} the number in each entry, {@code decimal} whether it may have
 *   decimals.</li>
 * </ul>
 * {@code measurement}, when the catalog declares it, says how the metering job measures the meter from raw
 * events; null for a meter given in requests only.
 */
public record MeterDef(String code, MeterShape shape, String field, String seriesField, String valueField,
                       String dimension, Map<String, String> dimensionValues, boolean decimal, String unit,
                       String label, Declared declared, Measurement measurement) {

    /** A meter that is not measured from raw events (given in requests only). */
    public MeterDef(String code, MeterShape shape, String field, String seriesField, String valueField,
                    String dimension, Map<String, String> dimensionValues, boolean decimal, String unit,
                    String label, Declared declared) {
        this(code, shape, field, seriesField, valueField, dimension, dimensionValues, decimal, unit, label, declared,
                null);
    }

    public MeterDef {
        dimensionValues = dimensionValues == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(dimensionValues));
    }

    /** The request field names under {@code usage} that belong to this meter. */
    public List<String> usageFields() {
        return switch (shape) {
            case COUNT -> List.of(field);
            case PEAK -> List.of(field, seriesField);
            case DAILY -> List.of(seriesField);
        };
    }

    /** The label of one dimension value (Europe for EU), or the value itself. */
    public String dimensionLabel(String value) {
        return dimensionValues.getOrDefault(value, value);
    }
}
