package im.tariff.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Freezes a draft into a catalog and says what is wrong with it as declared: nothing to bill with, a code
 * or a request field declared twice, an add-on offered on a plan that does not exist, a daily meter without
 * dimension values. (Gaps between the catalog and the prices, such as a plan without a fee, need the rules
 * to run; the engine's check finds those.)
 */
public final class CatalogCheck {

    /** The catalog and the issues found in its declarations. */
    public record Result(Catalog catalog, List<CatalogIssue> issues) {
    }

    private CatalogCheck() {
    }

    public static Result freeze(CatalogDraft draft, Declared fallback) {
        Catalog catalog = draft.freeze();
        List<CatalogIssue> issues = new ArrayList<>();
        for (String p : draft.problems()) {
            int sep = p.indexOf('\u0000');
            issues.add(new CatalogIssue(fallback, p.substring(sep + 1)));
        }
        if (catalog.plans().isEmpty()) {
            issues.add(new CatalogIssue(fallback, "目录里没有声明任何套餐：请在目录规则里写 $c.plan(\"代码\", \"名称\")"
                    + " (the catalog declares no plan; declare them in a rule on CatalogDraft)"));
        }
        if (catalog.currency() == null) {
            issues.add(new CatalogIssue(fallback, "目录里没有声明币种：请写 $c.currency(\"币种代码\", \"说明里的写法\")"
                    + " (the catalog declares no currency)"));
        }
        Set<String> names = new HashSet<>();
        for (PlanDef p : draft.planList()) {
            if (!names.add("plan " + p.code())) {
                issues.add(twice(p.declared(), "套餐", p.code()));
            }
            for (String alias : p.aliases()) {
                if (!names.add("plan name " + alias)) {
                    issues.add(twice(p.declared(), "套餐名称", alias));
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
        duplicates(draft.addOnCodes(), catalog.addOns().size(), "增值服务", issues, fallback);
        Map<String, String> fields = new HashMap<>();
        Set<String> meterCodes = new HashSet<>();
        for (MeterDef m : draft.meterList()) {
            if (!meterCodes.add(m.code())) {
                issues.add(twice(m.declared(), "用量指标", m.code()));
            }
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
        Set<String> lineCodes = new HashSet<>();
        for (LineDef l : draft.lineList()) {
            if (!lineCodes.add(l.code())) {
                issues.add(twice(l.declared(), "账单行", l.code()));
            }
        }
        Set<String> violationCodes = new HashSet<>();
        for (ViolationDef v : draft.violationList()) {
            if (!violationCodes.add(v.code())) {
                issues.add(twice(v.declared(), "违规代码", v.code()));
            }
        }
        return new Result(catalog, issues);
    }

    private static void duplicates(List<String> codes, int distinct, String what, List<CatalogIssue> issues,
                                   Declared where) {
        if (codes.size() != distinct) {
            Set<String> seen = new HashSet<>();
            for (String c : codes) {
                if (!seen.add(c)) {
                    issues.add(twice(where, what, c));
                }
            }
        }
    }

    private static CatalogIssue twice(Declared where, String what, String code) {
        return new CatalogIssue(where, what + " " + code + " 声明了两次 (declared twice)");
    }
}
