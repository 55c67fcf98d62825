package im.tariff.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The result of one evaluation: ordered lines and violations, totals, and the rules version used. */
public record Bill(String appId, YearMonth billingMonth, String plan, String currency, List<ChargeLine> lines,
                   List<Violation> violations, Totals totals, String rulesVersion) {

    /**
     * Totals are plain sums of the lines (each already rounded to 0.01); daily postpaid lines are postpaid,
     * credit lines are totalled apart.
     */
    public static Totals totalsOf(List<ChargeLine> lines) {
        BigDecimal prepaid = BigDecimal.ZERO.setScale(ChargeLine.MONEY_SCALE);
        BigDecimal postpaid = prepaid;
        BigDecimal credits = prepaid;
        for (ChargeLine line : lines) {
            switch (line.billingMode()) {
                case PREPAID -> prepaid = prepaid.add(line.amount());
                case CREDIT -> credits = credits.add(line.amount());
                default -> postpaid = postpaid.add(line.amount());
            }
        }
        return new Totals(prepaid, postpaid, credits, prepaid.add(postpaid).add(credits));
    }

    /** True when the bill has a credit line (its totals then say how much was credited). */
    public boolean hasCredits() {
        for (ChargeLine line : lines) {
            if (line.isCredit()) {
                return true;
            }
        }
        return false;
    }
}
