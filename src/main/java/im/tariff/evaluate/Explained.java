package im.tariff.evaluate;

import im.tariff.model.Bill;
import im.tariff.model.PriceGap;
import im.tariff.model.Term;
import java.util.List;

/**
 * A bill with what it was made from: the terms the tariff's rules set for this request (every version, in the
 * order the rules inserted them) and what the closed world found (its gaps, and the meters above a limit). Tools read it: {@code tariff check} to point a
 * gap at the rule to edit, the differential tests to price the request a second time on their own.
 */
public record Explained(Bill bill, List<Term> terms, List<Object> found) {

    /** The closed world's gaps (the meters above a limit left out). */
    public List<PriceGap> gaps() {
        List<PriceGap> gaps = new java.util.ArrayList<>(found.size());
        for (Object o : found) {
            if (o instanceof PriceGap g) {
                gaps.add(g);
            }
        }
        return gaps;
    }
}
