package im.tariff.model;

import java.util.List;

/**
 * A validated request as facts: the account, its add-ons, its usage figures and daily series.
 * Built by im.tariff.io.RequestReader against the catalog of the rules, which refuses anything invalid.
 */
public record BillRequest(Account account, List<AddOn> addOns, List<Usage> usage, List<DailyUsage> daily) {

    public BillRequest {
        addOns = List.copyOf(addOns);
        usage = List.copyOf(usage);
        daily = List.copyOf(daily);
    }
}
