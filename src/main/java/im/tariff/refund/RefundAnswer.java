package im.tariff.refund;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer to a refund (docs/FORMAT.md, "Refund"): one line per order of the request, in its order, the total
 * given back (the sum of the lines), and the app's state afterwards, all said by the tariff's refund rules.
 *
 * @param currency     the catalog's currency code
 * @param rulesVersion the rules that answered (content hash)
 */
public record RefundAnswer(RefundRequest request, List<RefundLine> lines, BigDecimal refund, AfterRefund after,
                           String currency, String rulesVersion) {

    public RefundAnswer {
        lines = List.copyOf(lines);
    }
}
