package im.tariff.proof;

import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleLocator;
import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.Declared;
import im.tariff.catalog.LineDef;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.model.Bill;
import im.tariff.model.DailyRate;
import im.tariff.model.Fee;
import im.tariff.model.Overage;
import im.tariff.model.Term;
import im.tariff.model.Violation;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code tariff check} finds beyond compile errors, each at the file:line an analyst must edit:
 * <ul>
 *   <li>a plan without a fee; an add-on offered on a plan that has no price for it there;</li>
 *   <li>a declared meter that no rule reads; a declared line code that no rule produces; a meter that a plan
 *   neither prices nor limits (the closed-world guard fires on the probe);</li>
 *   <li>a term naming a plan, add-on, meter, dimension value or line code the catalog does not declare;</li>
 *   <li>a rule that compiles but fails when it fires, found by evaluating a probe request per plan (every
 *   add-on ordered, every meter used).</li>
 * </ul>
 */
public final class TariffCheck {

    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");

    private TariffCheck() {
    }

    public static List<RuleProblem> find(Evaluator rules, YearMonth month) {
        Catalog catalog = rules.catalog();
        List<RuleProblem> problems = new ArrayList<>();
        Set<String> declaring = catalog.declaringRules();
        String outside = textOutside(rules.source(), declaring);
        for (PlanDef plan : catalog.plans()) {
            List<Object> terms;
            try {
                terms = rules.termsOf(plan.code(), month);
            } catch (EvaluationException e) {
                problems.add(new RuleProblem(e.file(), e.line(), e.reason()));
                continue;
            }
            boolean fee = terms.stream().anyMatch(t -> t instanceof Fee f && f.addOn() == null);
            if (!fee) {
                problems.add(at(rules.locator().statementNaming(plan.declared(), plan.code()), "套餐 " + plan.code() + "（" + plan.name() + "）没有套餐包费用：请加一条规则，"
                        + "在 Account(plan == \"" + plan.code() + "\") 时插入 Fee.plan(kcontext, 账单行, \"价格\", \"说明\")"
                        + " (plan without a fee)"));
            }
            for (AddOnDef a : catalog.addOns()) {
                if (a.offeredOn(plan.code())
                        && terms.stream().noneMatch(t -> t instanceof Fee f && a.code().equals(f.addOn()))) {
                    problems.add(at(rules.locator().statementNaming(a.declared(), a.code()), "增值服务 " + a.code() + " 写明提供于" + plan.name() + "，但" + plan.name()
                            + "没有它的价格：请插入 Fee.addOn(kcontext, \"" + a.code() + "\", …)，或从目录的提供套餐中去掉 "
                            + plan.code() + " (offered add-on without a price on " + plan.code() + ")"));
                }
            }
            for (Object t : terms) {
                undeclared(catalog, rules.locator(), t, problems);
            }
        }
        for (MeterDef m : catalog.meters()) {
            if (!outside.contains("\"" + m.code() + "\"")) {
                problems.add(at(rules.locator().statementNaming(m.declared(), m.code()), "用量指标 " + m.code() + "（" + m.label() + "）没有任何规则读取：请为它定价"
                        + "（Overage / DailyRate）或设上限（Limit），或从目录中删去 (declared meter that no rule reads)"));
            }
        }
        for (LineDef l : catalog.lines()) {
            if (!outside.contains("\"" + l.code() + "\"")) {
                problems.add(at(rules.locator().statementNaming(l.declared(), l.code()), "账单行 " + l.code() + " 没有任何规则产生：请在价目里使用它，或从目录中删去"
                        + " (line code that no rule produces)"));
            }
        }
        problems.addAll(probe(rules, month));
        return dedupe(problems);
    }

    /** A term that names something the catalog does not declare, at the rule that set it. */
    private static void undeclared(Catalog catalog, RuleLocator locator, Object term, List<RuleProblem> out) {
        List<String> wrong = new ArrayList<>();
        String line = null;
        if (term instanceof Fee f) {
            line = f.line();
            if (f.addOn() != null && catalog.addOn(f.addOn()) == null) {
                wrong.add("增值服务 " + f.addOn());
            }
        } else if (term instanceof Overage o) {
            line = o.line();
        } else if (term instanceof DailyRate r) {
            line = r.line();
            MeterDef m = catalog.meter(r.meter());
            if (m != null && r.key() != null && !m.dimensionValues().containsKey(r.key())) {
                wrong.add(m.dimension() + " " + r.key());
            }
        }
        if (term instanceof Term t && t.meter() != null && catalog.meter(t.meter()) == null) {
            wrong.add("用量指标 " + t.meter());
        }
        if (line != null && catalog.line(line) == null) {
            wrong.add("账单行 " + line);
        }
        if (!wrong.isEmpty() && term instanceof Term t) {
            out.add(at(locator.where(t.rule()), "规则 \"" + t.rule() + "\" 使用了目录里没有声明的 " + String.join("、", wrong)
                    + "：请在 catalog.drl 中声明，或检查拼写 (a term names something the catalog does not declare)"));
        }
    }

    /** Evaluates one request per plan that orders every add-on and uses every meter: a failing rule shows. */
    private static List<RuleProblem> probe(Evaluator rules, YearMonth month) {
        List<RuleProblem> problems = new ArrayList<>();
        Catalog catalog = rules.catalog();
        for (PlanDef plan : catalog.plans()) {
            ObjectNode request = Json.MAPPER.createObjectNode();
            request.put("appId", "probe");
            request.put("billingMonth", month.toString());
            request.put("plan", plan.code());
            ArrayNode addOns = request.putArray("addOns");
            for (AddOnDef a : catalog.addOns()) {
                ObjectNode o = addOns.addObject().put("type", a.code());
                if (a.hasOption()) {
                    o.put(a.optionField(), firstOption(rules, plan.code(), a.code(), month));
                }
            }
            // (a failing term rule makes firstOption answer 1; the evaluation below names the rule)
            ObjectNode usage = request.putObject("usage");
            for (MeterDef m : catalog.meters()) {
                switch (m.shape()) {
                    case COUNT, PEAK -> usage.put(m.field(), 1);
                    case DAILY -> {
                        ArrayNode days = usage.putArray(m.seriesField());
                        for (String key : m.dimensionValues().keySet()) {
                            days.addObject().put("date", month.atDay(1).toString()).put(m.dimension(), key)
                                    .put(m.valueField(), 1);
                        }
                    }
                }
            }
            try {
                Bill bill = rules.evaluate(rules.reader().read(request));
                for (Violation v : bill.violations()) {
                    // a guard that fired on a meter: the plan neither prices nor limits it
                    if (rules.closedWorldRules().contains(v.rule()) && catalog.meter(v.subject()) != null) {
                        problems.add(at(rules.locator().statementNaming(plan.declared(), plan.code()), "套餐 "
                                + plan.code() + "（" + plan.name() + "）对用量指标 " + v.subject() + "（"
                                + catalog.meterLabel(v.subject()) + "）既没有价格也没有上限：请为它插入 Overage / DailyRate，"
                                + "或 Limit.of / Limit.unlimited (meter neither priced nor limited on this plan)"));
                    }
                }
            } catch (InvalidRequestException e) {
                problems.add(new RuleProblem(RuleCompiler.displayName(rules.source(), null), 0,
                        "目录自相矛盾，探测请求被拒绝 (the catalog refuses its own probe request): " + e.getMessage()));
            } catch (EvaluationException e) {
                problems.add(new RuleProblem(e.file(), e.line(), e.reason()));
            }
        }
        return problems;
    }

    private static long firstOption(Evaluator rules, String plan, String addOn, YearMonth month) {
        List<Object> terms;
        try {
            terms = rules.termsOf(plan, month);
        } catch (EvaluationException e) {
            return 1;
        }
        for (Object t : terms) {
            if (t instanceof Fee f && addOn.equals(f.addOn()) && f.option() != null) {
                return f.option();
            }
        }
        return 1;
    }

    /** The text of every rule that is not a catalog declaration, comments left out. */
    private static String textOutside(RuleSource source, Set<String> declaring) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> file : source.files().entrySet()) {
            boolean skip = false;
            for (String line : file.getValue().split("\n", -1)) {
                String opened = RuleLocator.ruleOpenedBy(line);
                if (opened != null) {
                    skip = declaring.contains(opened);
                }
                if (!skip) {
                    int comment = line.indexOf("//");
                    sb.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
                }
                if (RULE_END.matcher(line).find()) {
                    skip = false;
                }
            }
        }
        return sb.toString();
    }

    private static RuleProblem at(Declared where, String message) {
        return new RuleProblem(where.file(), where.line(), message);
    }

    private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
        return new ArrayList<>(new LinkedHashSet<>(problems));
    }
}
