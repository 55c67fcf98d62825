package im.tariff.catalog;

/** A charge line code; bills list lines in the order of declaration. {@code always}: shown even at 0.00. */
public record LineDef(String code, String label, int order, boolean always, Declared declared) {
}
