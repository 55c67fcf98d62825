package im.tariff.evaluate;

import im.tariff.compile.CompiledRuleSet;
import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleLocator;
import im.tariff.compile.RuleSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.catalog.Catalog;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillingMode;
import im.tariff.model.DailyRate;
import im.tariff.model.DailyUsage;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.PrepaidPeriod;
import im.tariff.model.PriceGap;
import im.tariff.model.PriceGap.Kind;
import im.tariff.model.Usage;
import im.tariff.model.Versions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The closed-world check on its own: facts put straight into a recorder (no rules fire), names from the mini
 * fixture's catalog. Each kind of gap, and the case just beside it that is no gap; each kind of conflict (two
 * versions of one thing in force from the same day), and the case beside it.
 */
class ClosedWorldTest {

    static Catalog catalog;
    static RuleLocator locator;
    static final Account PAID = new Account("a", YearMonth.of(2026, 7), "PAID", null, null, null);
    static final LocalDate JULY_1 = LocalDate.of(2026, 7, 1);

    @BeforeAll
    static void catalog() throws Exception {
        CompiledRuleSet mini = RuleCompiler.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/mini")));
        catalog = mini.catalog();
        locator = mini.locator();
    }

    private static List<PriceGap> gaps(FactRecorder facts) {
        List<PriceGap> gaps = new java.util.ArrayList<>();
        for (Object o : ClosedWorld.of(facts, catalog, PAID, locator)) {
            if (o instanceof PriceGap g) {
                gaps.add(g);
            }
        }
        return gaps;
    }

    private static Fee planFee(String rule) {
        return new Fee(null, null, "PLAN_FEE", BigDecimal.TEN, "plan", Versions.EVER, Versions.NEVER, rule);
    }

    private static PrepaidPeriod planPeriod(LocalDate start) {
        return new PrepaidPeriod(null, null, start, PrepaidPeriod.anniversaryEnd(start), null);
    }

    private static Fee fee(String addOn, Long option) {
        return new Fee(addOn, option, "L", BigDecimal.ONE, "l", Versions.EVER, Versions.NEVER, "r");
    }

    private static DailyRate dailyRate(String meter, LocalDate from) {
        return new DailyRate(meter, null, "L", BigDecimal.ONE, "l", BillingMode.DAILY_POSTPAID, from, Versions.NEVER, "r");
    }

    @Test
    void anAddOnWithoutAnyFeeIsAGapNamedFromTheCatalog() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("BACKUP", BillingMode.PREPAID, null, null));

        assertThat(gaps(facts)).containsExactly(
                new PriceGap(Kind.ADD_ON, "BACKUP", "Backup", null, null, "PAID", "Paid", null));
    }

    @Test
    void anAddOnWithAFeeIsNoGap() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("BACKUP", BillingMode.PREPAID, null, null));
        facts.terms.add(fee("BACKUP", null));

        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void anOptionWithoutItsFeeIsAGapButAFeeForAnyOptionCoversIt() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("ARCHIVE", BillingMode.POSTPAID, 6L, null));
        facts.terms.add(fee("ARCHIVE", 3L));
        assertThat(gaps(facts)).extracting(PriceGap::kind, PriceGap::option).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.OPTION, 6L));

        facts.terms.add(fee("ARCHIVE", null));
        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void aPrepaidAddOnWhoseFeeStartsAfterItsStartDayIsAGapAndOnThatDayIsNot() {
        FactRecorder facts = new FactRecorder();
        facts.terms.add(fee("BACKUP", null).from("2026-07-10"));
        facts.addOns.add(new AddOn("BACKUP", BillingMode.PREPAID, null, LocalDate.of(2026, 7, 9)));
        facts.periods.add(new PrepaidPeriod("BACKUP", null, LocalDate.of(2026, 7, 9), LocalDate.of(2026, 8, 8), null));
        assertThat(gaps(facts)).extracting(PriceGap::kind, PriceGap::day).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ADD_ON_NOT_IN_FORCE, LocalDate.of(2026, 7, 9)));

        facts.periods.set(0, new PrepaidPeriod("BACKUP", null, LocalDate.of(2026, 7, 10), LocalDate.of(2026, 8, 9), null));
        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void aPostpaidAddOnWhoseFeeIsNotInForceOnTheMonthsFirstDayIsAGap() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("ARCHIVE", BillingMode.POSTPAID, 12L, null));
        facts.terms.add(fee("ARCHIVE", 12L).from("2026-07-02"));
        assertThat(gaps(facts)).extracting(PriceGap::kind, PriceGap::day).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ADD_ON_NOT_IN_FORCE, JULY_1));

        facts.terms.set(0, fee("ARCHIVE", 12L).from("2026-07-01"));
        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void aPlanPeriodWithoutAPlanFeeIsAGapSayingWhy() {
        FactRecorder facts = new FactRecorder();
        facts.periods.add(planPeriod(JULY_1));
        assertThat(gaps(facts)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Kind.NO_PLAN_PRICE);
            assertThat(g.day()).isEqualTo(JULY_1);
            assertThat(g.detail()).isEqualTo("no rule prices it");
        });

        facts.terms.add(planFee("paid plan").from("2026-08-01"));
        assertThat(gaps(facts)).singleElement().satisfies(g -> assertThat(g.detail()).contains("paid plan"));

        facts.terms.add(planFee("paid plan"));
        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void twoPlanFeesInForceFromTheSameDayAreAnErrorNamingBothRules() {
        FactRecorder facts = new FactRecorder();
        facts.periods.add(planPeriod(JULY_1));
        facts.terms.add(planFee("free plan"));
        facts.terms.add(new Fee(null, null, "PLAN_FEE", new BigDecimal("12"), "plan", Versions.EVER, Versions.NEVER,
                "paid plan"));

        assertThatThrownBy(() -> gaps(facts)).isInstanceOfSatisfying(EvaluationException.class, e -> {
            assertThat(e.reason()).contains("free plan").contains("paid plan");
            assertThat(e.file()).endsWith("prices.drl");
            assertThat(e.line()).isPositive();
        });
    }

    @Test
    void aLaterVersionIsNoConflictButTwoVersionsDatedAlikeAre() {
        FactRecorder facts = new FactRecorder();
        facts.periods.add(planPeriod(LocalDate.of(2026, 7, 20)));
        facts.terms.add(planFee("paid plan"));
        facts.terms.add(planFee("paid plan").from("2026-07-15"));
        assertThat(gaps(facts)).isEmpty();

        facts.terms.add(new Fee(null, null, "PLAN_FEE", new BigDecimal("11"), "plan", LocalDate.of(2026, 7, 15),
                Versions.NEVER, "free plan"));
        assertThatThrownBy(() -> gaps(facts)).isInstanceOf(EvaluationException.class);
    }

    @Test
    void aFeeForAnyOptionAndOneForTheOptionChosenInForceAlikeAreAConflict() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("ARCHIVE", BillingMode.POSTPAID, 12L, null));
        facts.terms.add(fee("ARCHIVE", 12L));
        facts.terms.add(fee("ARCHIVE", 6L));
        assertThat(gaps(facts)).isEmpty();

        facts.terms.add(new Fee("ARCHIVE", null, "L", BigDecimal.TEN, "l", Versions.EVER, Versions.NEVER, "other"));
        assertThatThrownBy(() -> gaps(facts)).isInstanceOf(EvaluationException.class);
    }

    @Test
    void usageWhoseOnlyPriceIsNotYetInForceIsAGapNamingTheRule() {
        FactRecorder facts = new FactRecorder();
        facts.usage.add(new Usage("ONLINE", 500));
        facts.terms.add(new im.tariff.model.Overage("ONLINE", "ONLINE_OVERAGE", 100, 1, BigDecimal.ONE,
                LocalDate.of(2027, 1, 1), Versions.NEVER, "paid plan"));

        assertThat(gaps(facts)).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(Kind.USAGE_NOT_IN_FORCE);
            assertThat(g.day()).isEqualTo(JULY_1);
            assertThat(g.detail()).isEqualTo("paid plan");
        });
    }

    @Test
    void aDailyRateForOneDimensionValueDoesNotPriceAnother() {
        FactRecorder facts = new FactRecorder();
        facts.terms.add(new DailyRate("TRAFFIC", "EU", "L", BigDecimal.ONE, "l", BillingMode.POSTPAID, Versions.EVER,
                Versions.NEVER, "r"));
        facts.daily.add(new DailyUsage("TRAFFIC", JULY_1, "EU", BigDecimal.ONE));
        assertThat(gaps(facts)).isEmpty();

        facts.daily.add(new DailyUsage("TRAFFIC", JULY_1, "US", BigDecimal.ONE));
        assertThat(gaps(facts)).extracting(PriceGap::kind).containsExactly(Kind.DAILY_USAGE);
    }

    @Test
    void usageAboveZeroThatNoTermNamesIsOneGapPerMeter() {
        FactRecorder facts = new FactRecorder();
        facts.usage.add(new Usage("SEATS", 1));
        facts.usage.add(new Usage("SEATS", 2));

        assertThat(gaps(facts)).containsExactly(
                new PriceGap(Kind.USAGE, "SEATS", "seats", null, null, "PAID", "Paid", null));
    }

    @Test
    void usageOfZeroOrUnderALimitIsNoGap() {
        FactRecorder facts = new FactRecorder();
        facts.usage.add(new Usage("SEATS", 0));
        assertThat(gaps(facts)).isEmpty();

        facts.usage.add(new Usage("SEATS", 5));
        facts.terms.add(new Limit("SEATS", Limit.UNLIMITED, Versions.EVER, Versions.NEVER, "r"));
        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void dailyUsageThatNoTermNamesIsOneGapPerMeter() {
        FactRecorder facts = new FactRecorder();
        facts.daily.add(new DailyUsage("TRAFFIC", JULY_1, "EU", new BigDecimal("0.5")));
        facts.daily.add(new DailyUsage("TRAFFIC", JULY_1.plusDays(1), "EU", new BigDecimal("2")));
        facts.daily.add(new DailyUsage("CALLS", JULY_1, "read", BigDecimal.ZERO));

        assertThat(gaps(facts)).containsExactly(
                new PriceGap(Kind.DAILY_USAGE, "TRAFFIC", "traffic", null, null, "PAID", "Paid", null));
    }

    @Test
    void aDayBeforeTheDailyRateStartsIsAGapAndItsFirstDayIsNot() {
        FactRecorder facts = new FactRecorder();
        facts.terms.add(dailyRate("CALLS", LocalDate.of(2026, 7, 2)));
        facts.daily.add(new DailyUsage("CALLS", JULY_1, "read", BigDecimal.ONE));
        facts.daily.add(new DailyUsage("CALLS", JULY_1.plusDays(1), "read", BigDecimal.ONE));

        assertThat(gaps(facts)).containsExactly(
                new PriceGap(Kind.DAY_NOT_IN_FORCE, "CALLS", "API calls", null, JULY_1, "PAID", "Paid", null));
    }

    @Test
    void aMeterAboveItsLimitInForceIsABreachAndAtTheLimitIsNot() {
        FactRecorder facts = new FactRecorder();
        facts.usage.add(new Usage("SEATS", 10));
        facts.terms.add(new Limit("SEATS", 10, Versions.EVER, Versions.NEVER, "old cap"));
        facts.terms.add(new Limit("SEATS", 9, LocalDate.of(2026, 7, 1), Versions.NEVER, "new cap"));
        assertThat(ClosedWorld.of(facts, catalog, PAID, locator)).singleElement()
                .isEqualTo(new im.tariff.model.LimitBreach("SEATS", "seats", 10, 9, "new cap", "Paid"));

        facts.terms.set(1, new Limit("SEATS", 9, LocalDate.of(2026, 8, 1), Versions.NEVER, "new cap"));
        assertThat(ClosedWorld.of(facts, catalog, PAID, locator)).isEmpty();
    }

    @Test
    void aCompleteBillHasNoGap() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("BACKUP", BillingMode.PREPAID, null, null));
        facts.terms.add(fee("BACKUP", null));
        facts.periods.add(new PrepaidPeriod("BACKUP", null, JULY_1, LocalDate.of(2026, 7, 31), null));
        facts.periods.add(planPeriod(JULY_1));
        facts.terms.add(planFee("paid plan"));
        facts.usage.add(new Usage("SEATS", 3));
        facts.terms.add(new Limit("SEATS", 10, Versions.EVER, Versions.NEVER, "r"));

        assertThat(gaps(facts)).isEmpty();
    }
}
