package im.tariff.catalog;

/** A violation code; bills list violations in the order of declaration. */
public record ViolationDef(String code, String label, int order, Declared declared) {
}
