package im.tariff.model;

import java.util.List;

/**
 * Fact the engine inserts on a sheet that prorates by days, when the app changes plan in the month
 * ({@code previousPlan} given and not the plan itself): the previous plan and the fees that plan had (its
 * {@link PlanPrice} terms, every version), so the library can price the change as the difference of the two
 * fees for the days left.
 */
public record PlanChange(String from, List<PlanPrice> fees) {

    public PlanChange {
        fees = List.copyOf(fees);
    }

    /** The previous plan's fee in force on the day (the latest version), or null when it had none. */
    public PlanPrice feeOn(java.time.LocalDate day) {
        PlanPrice best = null;
        for (PlanPrice p : fees) {
            if (p.inForceOn(day) && (best == null || p.validFrom().isAfter(best.validFrom()))) {
                best = p;
            }
        }
        return best;
    }
}
