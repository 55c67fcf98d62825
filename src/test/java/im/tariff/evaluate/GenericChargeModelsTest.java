package im.tariff.evaluate;

import im.tariff.compile.RuleSource;

import static im.tariff.evaluate.BillAssert.assertThatBill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import im.tariff.io.InvalidRequestException;
import im.tariff.model.Bill;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generic charge models, versions and closed-world guards, on a small fixture tariff of their own
 * (src/test/resources/tariffs/mini: plans FREE and PAID, a prepaid and a postpaid add-on, a count, a peak and
 * two daily meters, one of which nothing prices), so these mechanics are tested apart from any real tariff.
 */
class GenericChargeModelsTest {

    static Evaluator mini;

    @BeforeAll
    static void compile() throws Exception {
        mini = Evaluator.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/mini")));
    }

    private static Bill bill(String json) throws InvalidRequestException {
        return mini.evaluate(mini.reader().read(json.replace('\'', '"')));
    }

    @Test
    void thePrepaidVersionInForceOnTheStartDayPricesThePeriod() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-06','plan':'PAID','planStartDate':'2026-06-30'}"))
                .hasLine("PLAN_FEE").withAmount("100.00").pricedBy("paid plan");
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-07','plan':'PAID'}"))
                .hasLine("PLAN_FEE").withAmount("120.00");
    }

    @Test
    void theVersionThatStartsLastWinsAndAVersionEndsOnItsUntilDay() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-07','plan':'PAID','planStartDate':'2026-07-15'}"))
                .hasLine("PLAN_FEE").withAmount("150.00");
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-07','plan':'PAID','planStartDate':'2026-07-31'}"))
                .hasLine("PLAN_FEE").withAmount("150.00");
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID'}"))
                .hasLine("PLAN_FEE").withAmount("120.00");
    }

    @Test
    void aLimitVersionIsTakenOnTheFirstOfTheBillingMonth() throws Exception {
        String usage = ",'usage':{'seats':60}}";
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID'" + usage))
                .hasViolation("LIMIT_EXCEEDED", "SEATS");
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-09','plan':'PAID'" + usage)).hasNoViolations();
    }

    @Test
    void blockOfOneBillsEachUnitAndRoundsTheLineHalfUp() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID','usage':{'peakOnline':201}}"))
                .hasLine("ONLINE_OVERAGE").withQuantity("101").withUnitPrice("0.005").withAmount("0.51")
                .chargedOn("2026-09-03");
    }

    @Test
    void thePeakOfADailySeriesIsItsHighestDay() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID','usage':{'dailyOnline':"
                + "[{'date':'2026-08-01','online':150},{'date':'2026-08-02','online':101}]}}"))
                .hasLine("ONLINE_OVERAGE").withQuantity("50");
    }

    @Test
    void anAddOnOrderedBeforeItsPriceIsInForceIsNotAvailableAndNotCharged() throws Exception {
        Bill before = bill("{'appId':'a','billingMonth':'2026-06','plan':'PAID','addOns':[{'type':'BACKUP','startDate':'2026-06-09'}]}");
        assertThatBill(before).hasNoLine("ADDON_BACKUP").hasViolation("ADDON_NOT_AVAILABLE", "BACKUP");
        Bill on = bill("{'appId':'a','billingMonth':'2026-06','plan':'PAID','addOns':[{'type':'BACKUP','startDate':'2026-06-10'}]}");
        assertThatBill(on).hasLine("ADDON_BACKUP").withAmount("10.00").chargedOn("2026-06-10");
    }

    @Test
    void anAddOnWithoutAPriceOnThePlanIsNotAvailableNeverFree() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'FREE','addOns':[{'type':'BACKUP'}]}"))
                .hasTotal("0.00").hasNoLine("ADDON_BACKUP").hasViolation("ADDON_NOT_AVAILABLE", "BACKUP")
                .firedBy("Add-on without a price on the plan: not available, not charged").saying("Free");
    }

    @Test
    void anOptionValueWithoutAPriceIsInvalidAndAPricedOneIsChargedTheWholeMonth() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID','addOns':[{'type':'ARCHIVE','months':6}]}"))
                .hasNoLine("ADDON_ARCHIVE").hasViolation("ADDON_OPTION_INVALID", "ARCHIVE");
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID','addOns':[{'type':'ARCHIVE','months':12}]}"))
                .hasLine("ADDON_ARCHIVE").withAmount("30.00").chargedOn("2026-09-03");
    }

    @Test
    void usageNothingPricesOrLimitsIsReportedNotDropped() throws Exception {
        Bill bill = bill("{'appId':'a','billingMonth':'2026-08','plan':'FREE','usage':{'calls':[{'date':'2026-08-02','api':'read','count':5}]}}");
        assertThatBill(bill).hasTotal("0.00").hasViolation("USAGE_NOT_PRICED", "CALLS")
                .firedBy("Daily usage without a price: reported, not billed");
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID','usage':{'traffic':[{'date':'2026-08-02','zone':'EU','gb':1.5}]}}"))
                .hasViolation("USAGE_NOT_PRICED", "TRAFFIC");
    }

    @Test
    void zeroUsageOnAnUnpricedMeterIsNoViolation() throws Exception {
        assertThatBill(bill("{'appId':'a','billingMonth':'2026-08','plan':'FREE','usage':{'calls':[{'date':'2026-08-02','api':'read','count':0}]}}"))
                .hasNoViolations();
    }

    @Test
    void dailySettlementIsOneLineADaySummedOverTheDimensionChargedTheNextDay() throws Exception {
        Bill bill = bill("{'appId':'a','billingMonth':'2026-08','plan':'PAID','usage':{'calls':["
                + "{'date':'2026-08-31','api':'read','count':3},{'date':'2026-08-31','api':'write','count':2},"
                + "{'date':'2026-08-05','api':'read','count':1}]}}");
        assertThatBill(bill).hasLine("CALLS", "2026-08-31").withQuantity("5").withAmount("2.50").chargedOn("2026-09-01");
        assertThatBill(bill).hasLine("CALLS", "2026-08-05").withAmount("0.50").chargedOn("2026-08-06");
        assertThat(bill.lines()).extracting(l -> l.periodStart().toString())
                .containsExactly("2026-08-01", "2026-08-05", "2026-08-31"); // the plan fee first, then by date
    }

    @Test
    void aDailyPriceNotYetInForceOnADayIsNotAvailable() throws Exception {
        Bill bill = bill("{'appId':'a','billingMonth':'2026-05','plan':'PAID','usage':{'calls':["
                + "{'date':'2026-05-09','api':'read','count':4},{'date':'2026-05-10','api':'read','count':1}]}}");
        assertThatBill(bill).hasLine("CALLS", "2026-05-10").withAmount("0.50");
        assertThatBill(bill).hasViolation("ADDON_NOT_AVAILABLE", "CALLS");
    }

    @Test
    void theCatalogGivesTheCurrencyAndThePlanByAnyOfItsNames() throws Exception {
        Bill bill = bill("{'appId':'a','billingMonth':'2026-08','plan':'免费'}");
        assertThat(bill.currency()).isEqualTo("EUR");
        assertThat(bill.plan()).isEqualTo("FREE");
    }

    @Test
    void aDimensionValueTheCatalogDoesNotDeclareIsRefusedWithItsField() {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> bill(
                "{'appId':'a','billingMonth':'2026-08','plan':'PAID','usage':{'calls':[{'date':'2026-08-02','api':'reed','count':5}]}}"));
        assertThat(e.field()).isEqualTo("usage.calls[0].api");
        assertThat(e.reason()).contains("unknown api 'reed'").contains("did you mean 'read'?");
    }
}
