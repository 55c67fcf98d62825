package im.tariff.model;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** The result of one evaluation: ordered lines and violations, totals, and the rules version used. */
public record Bill(String appId, YearMonth billingMonth, String plan, String currency, List<ChargeLine> lines,
                   List<Violation> violations, Totals totals, String rulesVersion) {

    /** Totals are plain sums of the lines (each already rounded to 0.01); daily postpaid lines are postpaid. */
    public static Totals totalsOf(List<ChargeLine> lines) {
        BigDecimal prepaid = BigDecimal.ZERO.setScale(ChargeLine.MONEY_SCALE);
        BigDecimal postpaid = prepaid;
        for (ChargeLine line : lines) {
            if (line.billingMode() == BillingMode.PREPAID) {
                prepaid = prepaid.add(line.amount());
            } else {
                postpaid = postpaid.add(line.amount());
            }
        }
        return new Totals(prepaid, postpaid, prepaid.add(postpaid));
    }
}
