package im.tariff.model;

/** 预付费 / 后付费（按月）/ 日结后付费 / 抵扣. */
public enum BillingMode {
    /** Paid in advance for a period from its start day T to T-1 of the next month, charged on T. */
    PREPAID,
    /** Covers the natural month, charged after it. */
    POSTPAID,
    /** Covers one day, charged the next day. */
    DAILY_POSTPAID,
    /** An amount taken off the month's bill (a negative line), with the postpaid lines. */
    CREDIT
}
