package im.tariff.proof;

import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.Declared;
import im.tariff.catalog.LineDef;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.compile.RuleLocator;
import im.tariff.compile.RuleProblem;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.model.DailyRate;
import im.tariff.model.Fee;
import im.tariff.model.Overage;
import im.tariff.model.PlanPrice;
import im.tariff.model.Term;
import im.tariff.model.TermException;
import im.tariff.model.Tiers;
import im.tariff.i18n.Language;
import im.tariff.i18n.Messages;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code tariff check} proves about a tariff beyond compiling, each finding at the file:line an analyst
 * must edit, in the sheet's language:
 * <ul>
 *   <li>the catalog against the terms: a plan without a fee (or a fee for a price-on-request plan), an add-on
 *   offered on a plan that does not price it or priced on a plan that does not offer it, a meter no rule
 *   reads, a line code no rule produces, a term naming something the catalog does not declare, a tier table
 *   that overlaps, leaves a gap or does not cover every quantity;</li>
 *   <li>the {@link Probes}: bills for every plan with every meter at its boundaries, every add-on and option,
 *   every dated version's first day and the day before: a rule that fails, a plan period without a plan fee,
 *   two versions in force alike, usage with nothing in force to price it, a peak not taken from its series.</li>
 * </ul>
 */
public final class TariffCheck {

    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*(//.*)?$");

    private TariffCheck() {
    }

    /** Every finding, each once; {@code month} is the month the probes bill (the sheet's current month). */
    public static List<RuleProblem> find(Evaluator rules, YearMonth month) {
        return run(rules, month).problems();
    }

    /** The findings and how many probe bills proved them. */
    public record Result(List<RuleProblem> problems, int probes, long millis) {
    }

    public static Result run(Evaluator rules, YearMonth month) {
        List<RuleProblem> problems = new ArrayList<>(catalogAgainstTerms(rules, month));
        long started = System.nanoTime();
        Probes.Outcome probed = Probes.run(rules, month);
        for (RuleProblem p : probed.problems()) {
            // a term the catalog check already found wrong fails its probes too: said once, where it is written
            // (for a table: on the same row, the rule's)
            if (problems.stream().noneMatch(q -> q.line() > 0 && q.line() == p.line()
                    && java.util.Objects.equals(q.file(), p.file()))) {
                problems.add(p);
            }
        }
        return new Result(new ArrayList<>(new LinkedHashSet<>(problems)), probed.bills(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The static part: the catalog and the terms each plan's rules set, compared. */
    static List<RuleProblem> catalogAgainstTerms(Evaluator rules, YearMonth month) {
        Catalog catalog = rules.catalog();
        Language lang = catalog.language();
        RuleLocator locator = rules.locator();
        List<RuleProblem> problems = new ArrayList<>();
        String outside = textOutside(rules.source(), catalog.declaringRules());
        for (PlanDef plan : catalog.plans()) {
            List<Object> terms;
            try {
                terms = rules.termsOf(plan.code(), month);
            } catch (EvaluationException e) {
                problems.add(new RuleProblem(e.file(), e.line(), e.column(), e.reason()));
                continue;
            }
            Declared planAt = locator.statementNaming(plan.declared(), plan.code());
            List<PlanPrice> fees = new ArrayList<>();
            for (Object t : terms) {
                if (t instanceof PlanPrice p && PlanPrice.IDENTITY.equals(p.identity())) {
                    fees.add(p);
                }
            }
            if (plan.onRequest()) {
                for (PlanPrice p : fees) {
                    problems.add(at(locator.where(p.rule()), Messages.of(lang).format("check.onRequestWithFee", plan.code(),
                            plan.name(), p.rule())));
                }
            } else if (fees.isEmpty()) {
                problems.add(at(planAt, Messages.of(lang).format("check.planWithoutFee", plan.code(), plan.name())));
            }
            for (AddOnDef a : catalog.addOns()) {
                boolean priced = false;
                for (Object t : terms) {
                    if (t instanceof Fee f && a.code().equals(f.addOn())) {
                        priced = true;
                        if (!a.offeredOn(plan.code())) {
                            problems.add(at(locator.where(f.rule()), Messages.of(lang).format("check.addOnNotOffered",
                                    f.rule(), plan.name(), a.code(), plan.code())));
                        }
                    }
                }
                if (a.offeredOn(plan.code()) && !priced) {
                    problems.add(at(locator.statementNaming(a.declared(), a.code()), Messages.of(lang).format("check.addOnNotPriced", a.code(), plan.name(), plan.code())));
                }
            }
            for (Object t : terms) {
                undeclared(catalog, locator, t, problems);
                if (t instanceof Tiers tiers) {
                    TermException wrong = tiers.problem();
                    if (wrong != null) {
                        problems.add(at(locator.where(tiers.rule()), Messages.of(lang).format("check.tiers", tiers.rule(),
                                wrong.in(lang))));
                    }
                }
            }
        }
        conditionsOnUndeclaredCodes(catalog, locator, problems);
        for (MeterDef m : catalog.meters()) {
            if (!outside.contains("\"" + m.code() + "\"")) {
                problems.add(at(locator.statementNaming(m.declared(), m.code()), Messages.of(lang).format("check.meterUnread",
                        m.code(), m.label())));
            }
        }
        for (LineDef l : catalog.lines()) {
            if (!outside.contains("\"" + l.code() + "\"")) {
                problems.add(at(locator.statementNaming(l.declared(), l.code()), Messages.of(lang).format("check.lineUnproduced", l.code())));
            }
        }
        return problems;
    }

    private static final Pattern PLAN_TEST = Pattern.compile(
            "\\b(?:plan|previousPlan|requestedPlan)\\s*(?:==|!=)\\s*\"[^\"]*\"|\\b(?:plan|previousPlan|requestedPlan)\\s+(?:not\\s+)?in\\s*\\([^)]*\\)");
    private static final Pattern ADD_ON_TEST = Pattern.compile(
            "\\bAddOn\\s*\\(\\s*type\\s*(?:==|!=)\\s*\"[^\"]*\"|\\bAddOn\\s*\\(\\s*type\\s+(?:not\\s+)?in\\s*\\([^)]*\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    /**
     * A condition that tests a plan or an add-on the catalog does not declare (a code spelt wrong in a rule, or in
     * a table's cell): the rule can never fire, so nothing else would point at it.
     */
    private static void conditionsOnUndeclaredCodes(Catalog catalog, RuleLocator locator, List<RuleProblem> out) {
        Language lang = catalog.language();
        Set<String> declaring = catalog.declaringRules();
        for (boolean plans : new boolean[] {true, false}) {
            for (RuleLocator.Found f : locator.findAll(plans ? PLAN_TEST : ADD_ON_TEST)) {
                if (declaring.contains(f.at().rule())) {
                    continue;
                }
                java.util.regex.Matcher q = QUOTED.matcher(f.text());
                while (q.find()) {
                    String code = q.group(1);
                    boolean known = plans ? catalog.plans().stream().anyMatch(p -> p.code().equals(code))
                            : catalog.addOn(code) != null;
                    if (!known) {
                        String what = Messages.of(lang).format(plans ? "check.undeclared.plan" : "check.undeclared.addOn", code);
                        out.add(at(f.at(), Messages.of(lang).format("check.undeclared.condition", f.at().rule(), what)));
                    }
                }
            }
        }
    }

    /** A term that names something the catalog does not declare, at the rule that set it. */
    private static void undeclared(Catalog catalog, RuleLocator locator, Object term, List<RuleProblem> out) {
        if (!(term instanceof Term t)) {
            return;
        }
        Language lang = catalog.language();
        List<String> wrong = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String line = null;
        if (term instanceof Fee f) {
            line = f.line();
            if (f.addOn() != null && catalog.addOn(f.addOn()) == null) {
                wrong.add(Messages.of(lang).format("check.undeclared.addOn", f.addOn()));
                codes.add(f.addOn());
            }
        } else if (term instanceof Overage o) {
            line = o.line();
        } else if (term instanceof Tiers tiers) {
            line = tiers.line();
        } else if (term instanceof DailyRate r) {
            line = r.line();
            MeterDef m = catalog.meter(r.meter());
            if (m != null && r.key() != null && !m.dimensionValues().containsKey(r.key())) {
                wrong.add(Messages.of(lang).format("check.undeclared.value", m.dimension(), r.key()));
                codes.add(r.key());
            }
        } else if (term instanceof im.tariff.model.Minimum min) {
            line = min.line();
        } else if (term instanceof im.tariff.model.Credit c) {
            line = c.line();
        }
        if (t.meter() != null && catalog.meter(t.meter()) == null) {
            wrong.add(Messages.of(lang).format("check.undeclared.meter", t.meter()));
            codes.add(t.meter());
        }
        if (line != null && catalog.line(line) == null) {
            wrong.add(Messages.of(lang).format("check.undeclared.line", line));
            codes.add(line);
        }
        if (!wrong.isEmpty()) {
            // at the statement (the table's cell) that writes the first wrong code
            out.add(at(locator.statementNaming(locator.where(t.rule()), codes.get(0)),
                    Messages.of(lang).format("check.undeclared", t.rule(), Messages.of(lang).join(wrong))));
        }
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

    static RuleProblem at(Declared where, String message) {
        return RuleProblem.at(where, message);
    }
}
