package im.tariff.model;

/** Derived fact (inserted by rules/limits.drl): days of message history the plan stores for free. */
public record FreeHistoryStorage(int days) {
}
