package im.tariff.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Fact: the app being billed and its plan for the billing month.
 * planStartDate, previousPlan and requestedPlan may be null (not given).
 */
public record Account(String appId, YearMonth billingMonth, Plan plan, LocalDate planStartDate,
                      Plan previousPlan, Plan requestedPlan) {
}
