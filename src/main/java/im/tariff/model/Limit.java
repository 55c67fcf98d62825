package im.tariff.model;

/** Derived fact (inserted by rules/limits.drl): the cap of one metric on the account's plan. */
public record Limit(Metric metric, long cap) {
}
