package im.tariff.catalog;

/** Something wrong with a catalog, where it was declared. */
public record CatalogIssue(Declared where, String message) {
}
