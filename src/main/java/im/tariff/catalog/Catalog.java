package im.tariff.catalog;

import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tariff is made of, as its rules declare it (rules/catalog.drl): the currency, the plans, the
 * add-ons and their options, the usage meters, the line codes and the violation codes, each in the order
 * of declaration. Immutable and shared: the request reader validates against it, the bill assembler orders
 * by it, the tools (generator, advisor, web page) enumerate it. It is also inserted into every evaluation,
 * so generic rules can read names and labels from it.
 */
public final class Catalog {

    private final String currency;
    private final String currencyLabel;
    private final Map<String, PlanDef> plans;
    private final Map<String, AddOnDef> addOns;
    private final Map<String, MeterDef> meters;
    private final Map<String, MeterDef> metersByField;
    /** The meters as a list, whole and by shape: generic rules iterate them on every bill. */
    private final List<MeterDef> meterList;
    private final Map<MeterShape, List<MeterDef>> metersByShape = new java.util.EnumMap<>(MeterShape.class);
    private final Map<String, LineDef> lines;
    private final Map<String, ViolationDef> violations;
    private final Language language;
    private String defaultPlan;
    private boolean zoneDeclared;

    /** How the sheet bills a prepaid period: prorated by days or not, and when a downgrade takes effect. */
    public record Proration(boolean byDays, Downgrade downgrade) {
    }

    private final Proration proration;
    private final java.time.ZoneId zone;

    Catalog(String currency, String currencyLabel, Language language, Proration proration, java.time.ZoneId zone,
            List<PlanDef> plans,
            List<AddOnDef> addOns, List<MeterDef> meters, List<LineDef> lines, List<ViolationDef> violations) {
        this.currency = currency;
        this.currencyLabel = currencyLabel;
        this.language = language;
        this.proration = proration;
        this.zone = zone;
        this.plans = index(plans, PlanDef::code);
        this.addOns = index(addOns, AddOnDef::code);
        this.meters = index(meters, MeterDef::code);
        this.meterList = List.copyOf(this.meters.values());
        for (MeterShape shape : MeterShape.values()) {
            metersByShape.put(shape, meterList.stream().filter(m -> m.shape() == shape).toList());
        }
        Map<String, MeterDef> byField = new LinkedHashMap<>();
        for (MeterDef m : meters) {
            for (String f : m.usageFields()) {
                byField.putIfAbsent(f, m);
            }
        }
        this.metersByField = Collections.unmodifiableMap(byField);
        this.lines = index(lines, LineDef::code);
        this.violations = index(violations, ViolationDef::code);
    }

    /** Set once, when the draft is frozen. */
    Catalog metering(String defaultPlan, boolean zoneDeclared) {
        this.defaultPlan = defaultPlan;
        this.zoneDeclared = zoneDeclared;
        return this;
    }

    /**
     * The time zone the catalog declares, or null when it declares none ({@link #zone()} is then UTC): the metering
     * job will not guess where a day starts.
     */
    public java.time.ZoneId declaredZone() {
        return zoneDeclared ? zone : null;
    }

    /** The plan of an app metered without an account line, as the catalog names it; null when it names none. */
    public String defaultPlan() {
        return defaultPlan;
    }

    /** The meters measured from raw events, in the order of declaration. */
    public List<MeterDef> measuredMeters() {
        return meterList.stream().filter(m -> m.measurement() != null).toList();
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T t : items) {
            map.putIfAbsent(code.apply(t), t);
        }
        return Collections.unmodifiableMap(map);
    }

    public String currency() {
        return currency;
    }

    /** The time zone of the sheet's calendar (UTC when the catalog declares none). */
    public java.time.ZoneId zone() {
        return zone;
    }

    /** Today in the sheet's time zone, not the machine's. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(zone);
    }

    /** This month in the sheet's time zone, not the machine's. */
    public java.time.YearMonth thisMonth() {
        return java.time.YearMonth.now(zone);
    }

    /** How prepaid periods are billed (prorated by days, or T … T-1 at the whole price). */
    public Proration proration() {
        return proration;
    }

    /** True when prepaid periods are calendar months prorated by days (a condition library rules read). */
    public boolean isProrated() {
        return proration.byDays();
    }

    /** How descriptions write the currency ("元"); the code when no label is declared. */
    public String currencyLabel() {
        return currencyLabel == null ? currency : currencyLabel;
    }

    /**
     * The language the tariff speaks ({@code $c.language("en")}; Chinese when not declared): every message about
     * it is written in it, {@code Messages.of(catalog.language())}.
     */
    public Language language() {
        return language;
    }

    /** Every message about this tariff, in its language: {@code $cat.words().format("key", …)} in a rule. */
    public Messages words() {
        return Messages.of(language);
    }

    public List<PlanDef> plans() {
        return List.copyOf(plans.values());
    }

    public List<AddOnDef> addOns() {
        return List.copyOf(addOns.values());
    }

    public List<MeterDef> meters() {
        return meterList;
    }

    /** The meters of one shape, in the order of declaration: {@code from $cat.meters(MeterShape.PEAK)}. */
    public List<MeterDef> meters(MeterShape shape) {
        return metersByShape.get(shape);
    }

    public List<LineDef> lines() {
        return List.copyOf(lines.values());
    }

    public List<ViolationDef> violations() {
        return List.copyOf(violations.values());
    }

    /** The plan a request names by its code, its name or another name; null when none. */
    public PlanDef plan(String text) {
        PlanDef byCode = plans.get(text);
        if (byCode != null) {
            return byCode;
        }
        for (PlanDef p : plans.values()) {
            if (p.answersTo(text)) {
                return p;
            }
        }
        return null;
    }

    /** The plan's name (Basic for BASIC), or the code itself when it is not declared. */
    public String planName(String code) {
        PlanDef p = plans.get(code);
        return p == null ? code : p.name();
    }

    public AddOnDef addOn(String code) {
        return addOns.get(code);
    }

    /** The add-on's name, or the code itself when it is not declared. */
    public String addOnName(String code) {
        AddOnDef a = addOns.get(code);
        return a == null ? code : a.name();
    }

    public MeterDef meter(String code) {
        return meters.get(code);
    }

    /** The meter's label (peak online users), or the code itself when it is not declared. */
    public String meterLabel(String code) {
        MeterDef m = meters.get(code);
        return m == null ? code : m.label();
    }

    /** The meter a field under {@code usage} belongs to, or null. */
    public MeterDef meterOfField(String usageField) {
        return metersByField.get(usageField);
    }

    /** Every field name {@code usage} may hold, in declaration order. */
    public List<String> usageFields() {
        return new ArrayList<>(metersByField.keySet());
    }

    public LineDef line(String code) {
        return lines.get(code);
    }

    public ViolationDef violation(String code) {
        return violations.get(code);
    }

    /** Names of the rules that declared this catalog (they fire once, when the rules are compiled). */
    public java.util.Set<String> declaringRules() {
        java.util.Set<String> names = new java.util.HashSet<>();
        plans.values().forEach(p -> names.add(p.declared().rule()));
        addOns.values().forEach(a -> names.add(a.declared().rule()));
        meters.values().forEach(m -> names.add(m.declared().rule()));
        lines.values().forEach(l -> names.add(l.declared().rule()));
        violations.values().forEach(v -> names.add(v.declared().rule()));
        return names;
    }

    /** Position of a line code on a bill; undeclared codes (a catalog gap, reported by check) come last. */
    public int lineOrder(String code) {
        LineDef d = lines.get(code);
        return d == null ? Integer.MAX_VALUE : d.order();
    }

    public int violationOrder(String code) {
        ViolationDef d = violations.get(code);
        return d == null ? Integer.MAX_VALUE : d.order();
    }

    /** True when a line of this code is shown even when its amount is zero (the plan fee). */
    public boolean alwaysShown(String lineCode) {
        LineDef d = lines.get(lineCode);
        return d != null && d.always();
    }
}
