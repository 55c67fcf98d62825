package im.tariff.refund;

import im.tariff.i18n.Messages;
import im.tariff.catalog.Catalog;
import im.tariff.compile.RuleFailures;
import im.tariff.evaluate.EvaluationException;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.model.Fee;
import im.tariff.model.PlanPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Answers a refund with the rules of one tariff; what every tariff shares, and nothing of any one of them:
 * <ol>
 *   <li>each order's monthly fee is the tariff's own: the {@link Fee} its rules set for the item on the plan,
 *   in force on the order's first day ({@link Evaluator#feeOn}), never an amount from the request; an item the
 *   tariff does not price that day is bad input naming the order's field;</li>
 *   <li>each order becomes a {@link RefundOrder} fact (its period T … T-1 on the library's calendar, the days
 *   used) and the request a {@link RefundRequest} fact, in a session of the rule set;</li>
 *   <li>the tariff's refund rules say each order's {@link RefundLine} and the app's {@link AfterRefund}; the
 *   engine checks there is exactly one of each per order and one state, and sums the lines.</li>
 * </ol>
 * A rule set with no refund rules answers {@link RefundUndefinedException}. Thread-safe: every answer has its
 * own session.
 */
public final class Refunds {

    private Refunds() {
    }

    /**
     * The answer to a valid request; listener (may be null) sees every rule firing of the refund's session
     * (scenario coverage, the service's time limit).
     *
     * @throws InvalidRequestException an order names an item the tariff does not price on its first day
     * @throws EvaluationException     a refund rule failed, or the rules do not answer as a refund needs
     */
    public static RefundAnswer answer(Evaluator rules, RefundRequest request, AgendaEventListener listener)
            throws InvalidRequestException {
        Catalog catalog = rules.catalog();
        Messages words = catalog.words();
        List<RefundOrder> orders = new ArrayList<>();
        for (RefundRequest.Order o : request.orders()) {
            orders.add(priced(rules, catalog, words, request, o));
        }
        List<RefundLine> said = new ArrayList<>();
        List<AfterRefund> states = new ArrayList<>();
        KieSession session = rules.kieBase().newKieSession();
        Said recorder = new Said(said, states);
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            session.addEventListener(recorder);
            session.insert(catalog);
            session.insert(request);
            for (RefundOrder o : orders) {
                session.insert(o);
            }
            int fired = session.fireAllRules(Evaluator.MAX_FIRINGS);
            if (fired >= Evaluator.MAX_FIRINGS) {
                throw new EvaluationException(catalog.words().format("error.loop", Evaluator.MAX_FIRINGS),
                        null);
            }
        } catch (EvaluationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EvaluationException(RuleFailures.explain(e, rules.locator(), catalog.language()), e);
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            session.removeEventListener(recorder);
            session.dispose();
        }
        if (said.isEmpty() && states.isEmpty()) {
            throw new RefundUndefinedException(words.format("refund.rules.none", rules.source().origin()));
        }
        List<RefundLine> lines = onePerOrder(orders, said, words);
        AfterRefund after = oneState(states, catalog, words);
        BigDecimal total = BigDecimal.ZERO.setScale(Cents.SCALE);
        for (RefundLine l : lines) {
            total = total.add(l.returned());
        }
        return new RefundAnswer(request, lines, total, after, catalog.currency(), rules.version());
    }

    /**
     * What the rules insert: the lines and the state (the session's fact store is not asked: it keeps facts in
     * one identity store that lists only what was inserted from outside). A rule that deletes one is followed.
     */
    private record Said(List<RefundLine> lines, List<AfterRefund> states) implements RuleRuntimeEventListener {

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            keep(event.getObject());
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            forget(event.getOldObject());
            keep(event.getObject());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            forget(event.getOldObject());
        }

        private void keep(Object fact) {
            if (fact instanceof RefundLine l) {
                lines.add(l);
            } else if (fact instanceof AfterRefund a) {
                states.add(a);
            }
        }

        private void forget(Object fact) {
            lines.removeIf(l -> l == fact);
            states.removeIf(a -> a == fact);
        }
    }

    /** The order's fact, with the tariff's fee for it in force on its first day. */
    private static RefundOrder priced(Evaluator rules, Catalog catalog, Messages words, RefundRequest request,
                                      RefundRequest.Order o) throws InvalidRequestException {
        PlanPrice fee = rules.feeOn(o.plan(), o.addOn(), o.option(), o.periodStart());
        String planName = catalog.planName(o.plan());
        if (fee == null) {
            if (o.isPlan()) {
                throw new InvalidRequestException(o.path() + ".plan",
                        words.format("refund.fee.planNone", o.plan(), planName, o.periodStart()));
            }
            if (o.option() != null) {
                String field = catalog.addOn(o.addOn()).optionField();
                throw new InvalidRequestException(o.path() + "." + field, words.format("refund.fee.optionNone",
                        catalog.addOnName(o.addOn()), planName, field, o.option(), o.periodStart()));
            }
            throw new InvalidRequestException(o.path() + ".addOn",
                    words.format("refund.fee.addOnNone", catalog.addOnName(o.addOn()), planName, o.periodStart()));
        }
        if (!(fee instanceof Fee fixed)) {
            throw new EvaluationException(words.format("refund.rules.notFixed", planName, o.periodStart(), fee.rule()), null);
        }
        String label = o.isPlan() ? planName : catalog.addOnName(o.addOn());
        return RefundOrder.of(o, request.refundDate(), label, fixed.price(), fixed.rule());
    }

    /** The lines in the order of the request: exactly one each. */
    private static List<RefundLine> onePerOrder(List<RefundOrder> orders, List<RefundLine> said, Messages words) {
        RefundLine[] byOrder = new RefundLine[orders.size()];
        for (RefundLine l : said) {
            int i = l.order().index();
            if (byOrder[i] != null) {
                throw new EvaluationException(words.format("refund.rules.twice", l.order().path(), byOrder[i].rule(),
                        l.rule()), null);
            }
            byOrder[i] = l;
        }
        for (RefundOrder o : orders) {
            if (byOrder[o.index()] == null) {
                throw new EvaluationException(words.format("refund.rules.unanswered", o.path(), o.label()), null);
            }
        }
        return List.of(byOrder);
    }

    /** The one state the rules say, renewable only on plans the catalog declares. */
    private static AfterRefund oneState(List<AfterRefund> states, Catalog catalog, Messages words) {
        if (states.isEmpty()) {
            throw new EvaluationException(words.format("refund.rules.noState"), null);
        }
        if (states.size() > 1) {
            throw new EvaluationException(words.format("refund.rules.stateTwice", states.get(0).rule(), states.get(1).rule()),
                    null);
        }
        AfterRefund after = states.get(0);
        for (String plan : after.renewableOn()) {
            if (catalog.plan(plan) == null || !catalog.plan(plan).code().equals(plan)) {
                throw new EvaluationException(words.format("refund.rules.unknownPlan", after.rule(), plan), null);
            }
        }
        return after;
    }
}
