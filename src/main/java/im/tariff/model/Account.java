package im.tariff.model;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Fact: the app being billed and its plan (a plan code of the catalog) for the billing month.
 * planStartDate, previousPlan and requestedPlan may be null (not given).
 */
public record Account(String appId, YearMonth billingMonth, String plan, LocalDate planStartDate,
                      String previousPlan, String requestedPlan) {
}
