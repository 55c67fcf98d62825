package im.tariff.evaluate;

/** What a rule of a compiled rule set is, for coverage and check. */
public enum RuleKind {
    /** A rule of the tariff that bills or checks a request: scenario coverage asks that some scenario fires it. */
    TARIFF,
    /** A rule that declares the catalog: it fires once, when the rules are compiled, never on a bill. */
    CATALOG,
    /** A rule of the engine's library (calendar, charge models, limit check): shared by every tariff. */
    LIBRARY,
    /** A closed-world rule of the library ({@code @closedWorld}): it fires only where a tariff has a gap. */
    CLOSED_WORLD
}
