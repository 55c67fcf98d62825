package im.tariff.model;

/** How serious a violation is; the rules choose it. */
public enum Severity {
    ERROR,
    WARNING
}
