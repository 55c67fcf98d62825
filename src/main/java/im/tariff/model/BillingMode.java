package im.tariff.model;

/** 预付费 / 后付费. */
public enum BillingMode {
    PREPAID,
    POSTPAID
}
