package im.tariff.model;

/**
 * What the rules leave for the bill: a charge line or a violation. The engine reads both with one query
 * (one pass over the session instead of two).
 */
public sealed interface BillResult permits ChargeLine, Violation {
}
