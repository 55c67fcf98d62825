package im.tariff.catalog;

/**
 * Where a meter comes from in raw events: the event source (a file of events with appId and time columns, named
 * by the catalog, e.g. {@code "events"}), the aggregation and the event column it counts or reads. A DAILY
 * meter's dimension is read from the event column of the same name as the request's key ({@link
 * MeterDef#dimension()}).
 */
public record Measurement(String source, Measure measure, String column) {
}
