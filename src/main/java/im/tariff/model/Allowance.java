package im.tariff.model;

/**
 * Term: a named number of the plan that rules and messages read but nothing charges (the days of message
 * history a plan stores for free).
 */
public record Allowance(String name, long amount) {
}
