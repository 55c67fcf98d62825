package im.tariff.catalog;

import im.tariff.i18n.Language;
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
 *     $c.language("en");
 *     $c.plan("BASIC", "Basic");
 * end
 * </pre>
 */
public final class CatalogDraft {

    private Declared current = Declared.UNKNOWN;
    private String currency;
    private String currencyLabel;
    private Language language;
    private boolean prorated;
    private java.time.ZoneId zone;
    private Downgrade downgrade = Downgrade.NEXT_MONTH;
    private String defaultPlan;
    private Declared defaultPlanDeclared;
    private final List<PlanEntry> plans = new ArrayList<>();
    private final List<AddOnEntry> addOns = new ArrayList<>();
    private final List<MeterEntry> meters = new ArrayList<>();
    private final List<LineEntry> lines = new ArrayList<>();
    private final List<ViolationDef> violations = new ArrayList<>();
    private final List<String[]> libraryViolations = new ArrayList<>();
    private Declared libraryDeclared = Declared.UNKNOWN;
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
     * The language of the tariff's names and of every message about it ("zh" or "en"): the reader's refusals,
     * the table, the scenario runner, the calculator page. Chinese when not declared.
     */
    public void language(String code) {
        Language l = Language.of(code);
        if (l == null) {
            problems.add(new CatalogIssue(current, "不支持的语言 '" + code + "'：请写 $c.language(\"zh\") 或 "
                    + "$c.language(\"en\") (unsupported language; zh or en)"));
            return;
        }
        if (language != null && language != l) {
            problems.add(new CatalogIssue(current, "语言声明了两次：" + language.code() + " 和 " + l.code()
                    + " (the language is declared twice)"));
        }
        language = l;
    }

    /**
     * The time zone of the sheet's calendar ("Asia/Shanghai"): what "today" and "this month" are for its tools
     * (the calculator's default month, check's probes), and the natural days metering counts in. UTC when not
     * declared.
     */
    public void timeZone(String id) {
        try {
            zone = java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            problems.add(new CatalogIssue(current, "时区 " + id + " 无法识别：请写 Asia/Shanghai 这样的时区名"
                    + " (unknown time zone; write a name such as Asia/Shanghai)"));
        }
    }

    /**
     * Prepaid periods are calendar months, prorated by days: a plan bought after the 1st pays its price × the
     * days from its start day (included) / the days of the month; an upgrade in mid-month pays the difference of
     * the two plans' fees for those days. Without this, a prepaid period runs from day T to day T-1 of the next
     * month at the whole price.
     */
    public ProrationEntry prorateByDays() {
        prorated = true;
        return new ProrationEntry();
    }

    /**
     * The plan of an app that has metered usage but no account line (the metering job bills it on this plan).
     */
    public void defaultPlan(String code) {
        defaultPlan = code;
        defaultPlanDeclared = current;
    }

    /** A plan: code, name, and other names a request may use for it. */
    public PlanEntry plan(String code, String name, String... otherNames) {
        PlanEntry e = new PlanEntry(code, name, Arrays.asList(otherNames), current);
        plans.add(e);
        return e;
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

    /**
     * A violation code of the engine's library, with its label in each language: it comes after the tariff's
     * own codes, and a tariff that declares the same code itself places and names it instead.
     */
    public void libraryViolation(String code, String chinese, String english) {
        libraryViolations.add(new String[] {code, chinese, english});
        libraryDeclared = current;
    }

    // ---- the entries' own options ----

    /** A plan being declared. */
    public static final class PlanEntry {
        final String code;
        final String name;
        final List<String> aliases;
        final Declared declared;
        boolean onRequest;

        PlanEntry(String code, String name, List<String> aliases, Declared declared) {
            this.code = code;
            this.name = name;
            this.aliases = aliases;
            this.declared = declared;
        }

        /** The plan has no published price ("contact sales"): no bill is made for it, the calculator says so. */
        public PlanEntry onRequest() {
            this.onRequest = true;
            return this;
        }
    }

    /** How a prorated sheet treats a plan change in mid-month. */
    public final class ProrationEntry {

        /** A downgrade takes effect on the 1st of the next month: nothing more is due this month (the default). */
        public ProrationEntry downgradeNextMonth() {
            downgrade = Downgrade.NEXT_MONTH;
            return this;
        }

        /** A downgrade takes effect on its day: the difference of the two fees for the days left is credited. */
        public ProrationEntry downgradeCredited() {
            downgrade = Downgrade.CREDITED;
            return this;
        }
    }

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
        List<PlanDef> p = new ArrayList<>();
        for (PlanEntry e : plans) {
            p.add(new PlanDef(e.code, e.name, e.aliases, e.onRequest, e.declared));
        }
        return p;
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

    /** The tariff's violation codes, then the library's that the tariff does not declare. */
    List<ViolationDef> violationList() {
        List<ViolationDef> all = new ArrayList<>(violations);
        java.util.Set<String> declared = new java.util.HashSet<>();
        violations.forEach(v -> declared.add(v.code()));
        Language lang = language == null ? Language.DEFAULT : language;
        for (String[] v : libraryViolations) {
            if (declared.add(v[0])) {
                all.add(new ViolationDef(v[0], lang == Language.EN ? v[2] : v[1], all.size(), libraryDeclared));
            }
        }
        return all;
    }

    /** The tariff's own violation codes (a code declared twice there is a mistake; the library's are not). */
    List<ViolationDef> tariffViolationList() {
        return violations;
    }

    /** The immutable catalog; {@link Declarations} reports what is wrong with it. */
    Catalog freeze() {
        return new Catalog(currency, currencyLabel, language == null ? Language.DEFAULT : language,
                new Catalog.Proration(prorated, downgrade), zone == null ? java.time.ZoneOffset.UTC : zone, planList(),
                addOnList(), meterList(), lineList(), violationList()).metering(defaultPlan, zone != null);
    }
}
