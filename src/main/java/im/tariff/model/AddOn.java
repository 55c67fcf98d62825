package im.tariff.model;

import java.time.LocalDate;

/** Fact: one ordered value-added service. days is given for HISTORY_STORAGE only; startDate may be null. */
public record AddOn(AddOnType type, Integer days, LocalDate startDate) {
}
