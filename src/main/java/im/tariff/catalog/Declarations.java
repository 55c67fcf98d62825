package im.tariff.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Freezes a draft into a catalog and says what is wrong with it as declared: nothing to bill with, a code
 * or a request field declared twice, an add-on offered on a plan that does not exist, a daily meter without
 * dimension values. (Gaps between the catalog and the prices, such as a plan without a fee, need the rules
 * to run; the engine's check finds those.)
 */
public final class Declarations {

    /** The catalog and the issues found in its declarations. */
    public record Result(Catalog catalog, List<CatalogIssue> issues) {
    }

    private Declarations() {
    }

    public static Result freeze(CatalogDraft draft, Declared fallback) {
        Catalog catalog = draft.freeze();
        List<CatalogIssue> issues = new ArrayList<>(draft.problems());
        if (catalog.plans().isEmpty()) {
            issues.add(new CatalogIssue(fallback, "目录里没有声明任何套餐：请在目录规则里写 $c.plan(\"代码\", \"名称\")"
                    + " (the catalog declares no plan; declare them in a rule on CatalogDraft)"));
        }
        if (catalog.currency() == null) {
            issues.add(new CatalogIssue(fallback, "目录里没有声明币种：请写 $c.currency(\"币种代码\", \"说明里的写法\")"
                    + " (the catalog declares no currency)"));
        }
        twice(draft.planList(), PlanDef::code, PlanDef::declared, "套餐", issues);
        Set<String> names = new HashSet<>();
        for (PlanDef p : draft.planList()) {
            for (String alias : p.aliases()) {
                if (!names.add(alias)) {
                    issues.add(new CatalogIssue(p.declared(), "套餐名称 " + alias + " 声明了两次 (declared twice)"));
                }
            }
        }
        for (AddOnDef a : catalog.addOns()) {
            for (String plan : a.offeredOn()) {
                if (catalog.plan(plan) == null || !catalog.plan(plan).code().equals(plan)) {
                    issues.add(new CatalogIssue(a.declared(), "增值服务 " + a.code() + " 写明提供于套餐 " + plan
                            + "，但目录里没有这个套餐 (add-on offered on an undeclared plan)"));
                }
            }
        }
        twice(draft.addOnList(), AddOnDef::code, AddOnDef::declared, "增值服务", issues);
        twice(draft.meterList(), MeterDef::code, MeterDef::declared, "用量指标", issues);
        twice(draft.lineList(), LineDef::code, LineDef::declared, "账单行", issues);
        twice(draft.tariffViolationList(), ViolationDef::code, ViolationDef::declared, "违规代码", issues);
        Map<String, String> fields = new HashMap<>();
        for (MeterDef m : draft.meterList()) {
            for (String f : m.usageFields()) {
                if (f == null || f.isBlank()) {
                    issues.add(new CatalogIssue(m.declared(), "用量指标 " + m.code() + " 缺少 usage 字段名 (meter without a field name)"));
                } else if (fields.putIfAbsent(f, m.code()) != null) {
                    issues.add(new CatalogIssue(m.declared(), "usage 字段 " + f + " 已属于用量指标 " + fields.get(f)
                            + " (request field declared for two meters)"));
                }
            }
            if (m.shape() == MeterShape.DAILY && m.dimensionValues().isEmpty()) {
                issues.add(new CatalogIssue(m.declared(), "每日用量指标 " + m.code() + " 没有声明 " + m.dimension()
                        + " 的取值：请写 .value(\"代码\", \"名称\") (a daily meter needs its dimension values)"));
            }
        }
        metering(draft, catalog, issues);
        return new Result(catalog, issues);
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** The columns every event has; a meter reads other ones. */
    private static final Set<String> EVENT_COLUMNS = Set.of("appId", "time");

    /** How meters are measured from raw events and the default plan: what the metering job reads (the time zone is checked as it is declared). */
    private static void metering(CatalogDraft draft, Catalog catalog, List<CatalogIssue> issues) {
        if (catalog.defaultPlan() != null && (catalog.plan(catalog.defaultPlan()) == null
                || !catalog.plan(catalog.defaultPlan()).code().equals(catalog.defaultPlan()))) {
            issues.add(new CatalogIssue(draft.defaultPlanDeclared(), "默认套餐 " + catalog.defaultPlan()
                    + " 不是目录里声明的套餐代码 (the default plan is not a declared plan code)"));
        }
        for (MeterDef m : draft.meterList()) {
            Measurement how = m.measurement();
            if (how == null) {
                continue;
            }
            if (how.measure() == null || how.source() == null || !NAME.matcher(how.source()).matches()
                    || how.column() == null || !NAME.matcher(how.column()).matches()
                    || EVENT_COLUMNS.contains(how.column())) {
                issues.add(new CatalogIssue(m.declared(), "用量指标 " + m.code() + " 的计量写法有误：事件来源和列名用字母、"
                        + "数字、下划线，列不能是 appId 或 time (a measurement needs a source name, an aggregation and "
                        + "an event column other than appId and time, in letters, digits and _)"));
                continue;
            }
            boolean fits = switch (how.measure()) {
                case DISTINCT_PER_DAY -> m.shape() == MeterShape.PEAK;
                case DISTINCT_PER_MONTH -> m.shape() == MeterShape.COUNT;
                case DAILY_MAX -> m.shape() == MeterShape.PEAK || m.shape() == MeterShape.DAILY;
                case SUM -> true;
            };
            if (!fits) {
                issues.add(new CatalogIssue(m.declared(), "用量指标 " + m.code() + " 是 " + m.shape()
                        + "，不能用 " + how.measure() + " 计量 (this aggregation does not give a " + m.shape()
                        + " meter: DISTINCT_PER_DAY gives PEAK, DISTINCT_PER_MONTH gives COUNT, DAILY_MAX gives PEAK "
                        + "or DAILY, SUM any)"));
            }
            if (m.shape() == MeterShape.DAILY && (m.dimension() == null || !NAME.matcher(m.dimension()).matches())) {
                issues.add(new CatalogIssue(m.declared(), "每日用量指标 " + m.code() + " 的维度名 " + m.dimension()
                        + " 也是事件的列名，只能用字母、数字、下划线 (the dimension is also an event column name)"));
            }
        }
    }

    /** Each code declared more than once, reported where it is declared again. */
    private static <T> void twice(List<T> entries, Function<T, String> code, Function<T, Declared> where,
                                  String what, List<CatalogIssue> issues) {
        Set<String> seen = new HashSet<>();
        for (T e : entries) {
            if (!seen.add(code.apply(e))) {
                issues.add(new CatalogIssue(where.apply(e), what + " " + code.apply(e) + " 声明了两次 (declared twice)"));
            }
        }
    }
}
