package im.tariff.model;

import java.math.BigDecimal;

/**
 * Derived fact (inserted by rules/overage.drl): how a metric is billed above its free quota on the
 * account's plan: every started block of blockSize above freeQuota costs blockPrice.
 */
public record OverageTariff(Metric metric, long freeQuota, long blockSize, BigDecimal blockPrice) {

    /** Lets a rule write the price as text ("1000.00"), exactly, with no float in between. */
    public OverageTariff(Metric metric, long freeQuota, long blockSize, String blockPrice) {
        this(metric, freeQuota, blockSize, new BigDecimal(blockPrice));
    }

}
