package im.tariff.model;

import java.util.List;

/**
 * A validated request (SPEC 2.1) as facts: the account, its add-ons, and its usage.
 * Built by im.tariff.io.RequestReader, which refuses anything invalid.
 */
public record BillRequest(Account account, List<AddOn> addOns, List<UsageCount> counts, List<DailyCount> daily,
                          List<BarrageDay> barrage) {

    public BillRequest {
        addOns = List.copyOf(addOns);
        counts = List.copyOf(counts);
        daily = List.copyOf(daily);
        barrage = List.copyOf(barrage);
    }
}
