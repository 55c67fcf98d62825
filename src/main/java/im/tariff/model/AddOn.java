package im.tariff.model;

import java.time.LocalDate;

/**
 * Fact: one ordered value-added service: its code, how the catalog says it is billed, its option (the whole
 * number the catalog names, e.g. days; null when the add-on has none) and its start date (may be null).
 */
public record AddOn(String type, BillingMode billing, Long option, LocalDate startDate) {
}
