package im.tariff.catalog;

import im.tariff.model.BillingMode;
import java.util.List;

/**
 * A value-added service: code, name, how it is billed, the plans that offer it, and its option (a whole
 * number named optionField in the request, e.g. a number of days), or none when optionField is null.
 */
public record AddOnDef(String code, String name, BillingMode billing, List<String> offeredOn, String optionField,
                       String optionLabel, Declared declared) {

    public AddOnDef {
        offeredOn = List.copyOf(offeredOn);
    }

    public boolean hasOption() {
        return optionField != null;
    }

    public boolean offeredOn(String plan) {
        return offeredOn.contains(plan);
    }
}
