package im.tariff.catalog;

import im.tariff.model.BillingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the catalog rules write to. The engine inserts one draft into a session of its own when it compiles
 * a rule set (never into a bill's session), fires the rules that match it, and freezes the draft into the
 * {@link Catalog}. Every entry remembers the rule that declared it, so a gap is reported at its file:line.
 * <pre>
 * rule "目录：套餐"
 * when
 *     $c : CatalogDraft()
 * then
 *     $c.currency("EUR", "€");
 *     $c.plan("BASIC", "Basic");
 * end
 * </pre>
 */
public final class CatalogDraft {

    private Declared current = Declared.UNKNOWN;
    private String currency;
    private String currencyLabel;
    private String defaultPlan;
    private String timeZone;
    private Declared defaultPlanDeclared;
    private Declared timeZoneDeclared;
    private final List<PlanDef> plans = new ArrayList<>();
    private final List<AddOnEntry> addOns = new ArrayList<>();
    private final List<MeterEntry> meters = new ArrayList<>();
    private final List<LineEntry> lines = new ArrayList<>();
    private final List<ViolationDef> violations = new ArrayList<>();
    private final List<CatalogIssue> problems = new ArrayList<>();

    /** Set by the engine before each declaring rule fires. */
    public void declaring(Declared where) {
        this.current = where;
    }

    // ---- what analysts write ----

    /** The currency of every amount on the bill ("CNY") and how descriptions write it ("元"). */
    public void currency(String code, String label) {
        if (currency != null && !currency.equals(code)) {
            problems.add(new CatalogIssue(current, "币种声明了两次：" + currency + " 和 " + code
                    + " (the currency is declared twice)"));
        }
        currency = code;
        currencyLabel = label;
    }

    /**
     * The plan of an app that has metered usage but no account line (the metering job bills it on this plan).
     */
    public void defaultPlan(String code) {
        defaultPlan = code;
        defaultPlanDeclared = current;
    }

    /** The time zone of the tariff's natural days and months ("Europe/Paris", "UTC+01:00"). */
    public void timeZone(String zone) {
        timeZone = zone;
        timeZoneDeclared = current;
    }

    /** A plan: code, name, and other names a request may use for it. */
    public void plan(String code, String name, String... otherNames) {
        plans.add(new PlanDef(code, name, Arrays.asList(otherNames), current));
    }

    /** An add-on without options, offered on the plans named. */
    public AddOnEntry addOn(String code, String name, BillingMode billing, String... plans) {
        AddOnEntry e = new AddOnEntry(code, name, billing, Arrays.asList(plans), current);
        addOns.add(e);
        return e;
    }

    /** A usage figure given as one whole number under {@code usage}. */
    public MeterEntry count(String code, String field, String label, String unit) {
        return meter(new MeterEntry(code, MeterShape.COUNT, field, null, null, null, false, unit, label, current));
    }

    /** A monthly peak: {@code peakField} as a number, or {@code seriesField} as [{date, valueField}]. */
    public MeterEntry peak(String code, String peakField, String seriesField, String valueField, String label,
                           String unit) {
        return meter(new MeterEntry(code, MeterShape.PEAK, peakField, seriesField, valueField, null, false, unit,
                label, current));
    }

    /**
     * A daily series [{date, dimension, valueField}] with each (date, dimension value) at most once; declare
     * the dimension's values with {@link MeterEntry#value}. {@code decimal}: values may have decimals.
     */
    public MeterEntry daily(String code, String seriesField, String dimension, String valueField, boolean decimal,
                            String label, String unit) {
        return meter(new MeterEntry(code, MeterShape.DAILY, null, seriesField, valueField, dimension, decimal, unit,
                label, current));
    }

    private MeterEntry meter(MeterEntry e) {
        meters.add(e);
        return e;
    }

    /** A charge line code; lines appear on a bill in the order they are declared. */
    public LineEntry line(String code, String label) {
        LineEntry e = new LineEntry(code, label, current);
        lines.add(e);
        return e;
    }

    /** A violation code; violations appear on a bill in the order they are declared. */
    public void violation(String code, String label) {
        violations.add(new ViolationDef(code, label, violations.size(), current));
    }

    // ---- the entries' own options ----

    /** An add-on being declared. */
    public static final class AddOnEntry {
        final String code;
        final String name;
        final BillingMode billing;
        final List<String> plans;
        final Declared declared;
        String optionField;
        String optionLabel;

        AddOnEntry(String code, String name, BillingMode billing, List<String> plans, Declared declared) {
            this.code = code;
            this.name = name;
            this.billing = billing;
            this.plans = plans;
            this.declared = declared;
        }

        /** The add-on takes a whole-number option, named field in the request (e.g. "days"), with its unit. */
        public AddOnEntry option(String field, String unit) {
            this.optionField = field;
            this.optionLabel = unit;
            return this;
        }
    }

    /** A meter being declared. */
    public static final class MeterEntry {
        final String code;
        final MeterShape shape;
        final String field;
        final String seriesField;
        final String valueField;
        final String dimension;
        final boolean decimal;
        final String unit;
        final String label;
        final Declared declared;
        final Map<String, String> values = new LinkedHashMap<>();
        Measurement measurement;

        MeterEntry(String code, MeterShape shape, String field, String seriesField, String valueField,
                   String dimension, boolean decimal, String unit, String label, Declared declared) {
            this.code = code;
            this.shape = shape;
            this.field = field;
            this.seriesField = seriesField;
            this.valueField = valueField;
            this.dimension = dimension;
            this.decimal = decimal;
            this.unit = unit;
            this.label = label;
            this.declared = declared;
        }

        /** One value of a daily meter's dimension (a code such as EU) and its label (Europe). */
        public MeterEntry value(String code, String label) {
            values.put(code, label);
            return this;
        }

        /**
         * How the metering job measures this meter from raw events: the event source, the aggregation and the
         * event column, e.g. {@code .measured("events", Measure.DISTINCT_PER_DAY, "user")}.
         */
        public MeterEntry measured(String source, Measure measure, String column) {
            this.measurement = new Measurement(source, measure, column);
            return this;
        }
    }

    /** A line code being declared. */
    public static final class LineEntry {
        final String code;
        final String label;
        final Declared declared;
        boolean always;

        LineEntry(String code, String label, Declared declared) {
            this.code = code;
            this.label = label;
            this.declared = declared;
        }

        /** Lines of this code are shown even when their amount is zero (the plan fee on a free plan). */
        public LineEntry always() {
            this.always = true;
            return this;
        }
    }

    // ---- freezing ----

    /** Problems found while declaring, where they were declared. */
    List<CatalogIssue> problems() {
        return problems;
    }

    List<PlanDef> planList() {
        return plans;
    }

    List<AddOnDef> addOnList() {
        List<AddOnDef> a = new ArrayList<>();
        for (AddOnEntry e : addOns) {
            a.add(new AddOnDef(e.code, e.name, e.billing, e.plans, e.optionField, e.optionLabel, e.declared));
        }
        return a;
    }

    List<MeterDef> meterList() {
        List<MeterDef> m = new ArrayList<>();
        for (MeterEntry e : meters) {
            m.add(new MeterDef(e.code, e.shape, e.field, e.seriesField, e.valueField, e.dimension, e.values,
                    e.decimal, e.unit, e.label, e.declared, e.measurement));
        }
        return m;
    }

    List<LineDef> lineList() {
        List<LineDef> l = new ArrayList<>();
        for (LineEntry e : lines) {
            l.add(new LineDef(e.code, e.label, l.size(), e.always, e.declared));
        }
        return l;
    }

    Declared defaultPlanDeclared() {
        return defaultPlanDeclared;
    }

    Declared timeZoneDeclared() {
        return timeZoneDeclared;
    }

    List<ViolationDef> violationList() {
        return violations;
    }

    /** The immutable catalog; {@link CatalogCheck} reports what is wrong with it. */
    Catalog freeze() {
        return new Catalog(currency, currencyLabel, plans, addOnList(), meterList(), lineList(), violations)
                .metering(defaultPlan, timeZone);
    }
}
