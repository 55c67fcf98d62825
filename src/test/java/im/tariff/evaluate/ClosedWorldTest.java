package im.tariff.evaluate;

import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleSource;

import static org.assertj.core.api.Assertions.assertThat;

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
 * fixture's catalog. Each kind of gap, and the case just beside it that is no gap.
 */
class ClosedWorldTest {

    static Catalog catalog;
    static final Account PAID = new Account("a", YearMonth.of(2026, 7), "PAID", null, null, null);
    static final LocalDate JULY_1 = LocalDate.of(2026, 7, 1);

    @BeforeAll
    static void catalog() throws Exception {
        catalog = RuleCompiler.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/mini"))).catalog();
    }

    private static List<PriceGap> gaps(FactRecorder facts) {
        return ClosedWorld.of(facts, catalog, PAID);
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
                new PriceGap(Kind.ADD_ON, "BACKUP", "Backup", null, null, "PAID", "Paid"));
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
        facts.periods.add(new PrepaidPeriod("BACKUP", null, LocalDate.of(2026, 7, 9), LocalDate.of(2026, 8, 8)));
        assertThat(gaps(facts)).extracting(PriceGap::kind, PriceGap::day).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ADD_ON_NOT_IN_FORCE, LocalDate.of(2026, 7, 9)));

        facts.periods.set(0, new PrepaidPeriod("BACKUP", null, LocalDate.of(2026, 7, 10), LocalDate.of(2026, 8, 9)));
        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void thePlansOwnPeriodIsNeverAnAddOnGap() {
        FactRecorder facts = new FactRecorder();
        facts.periods.add(new PrepaidPeriod(null, null, JULY_1, LocalDate.of(2026, 7, 31)));

        assertThat(gaps(facts)).isEmpty();
    }

    @Test
    void usageAboveZeroThatNoTermNamesIsOneGapPerMeter() {
        FactRecorder facts = new FactRecorder();
        facts.usage.add(new Usage("SEATS", 1));
        facts.usage.add(new Usage("SEATS", 2));

        assertThat(gaps(facts)).containsExactly(
                new PriceGap(Kind.USAGE, "SEATS", "seats", null, null, "PAID", "Paid"));
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
                new PriceGap(Kind.DAILY_USAGE, "TRAFFIC", "traffic", null, null, "PAID", "Paid"));
    }

    @Test
    void aDayBeforeTheDailyRateStartsIsAGapAndItsFirstDayIsNot() {
        FactRecorder facts = new FactRecorder();
        facts.terms.add(dailyRate("CALLS", LocalDate.of(2026, 7, 2)));
        facts.daily.add(new DailyUsage("CALLS", JULY_1, "read", BigDecimal.ONE));
        facts.daily.add(new DailyUsage("CALLS", JULY_1.plusDays(1), "read", BigDecimal.ONE));

        assertThat(gaps(facts)).containsExactly(
                new PriceGap(Kind.DAY_NOT_IN_FORCE, "CALLS", "API calls", null, JULY_1, "PAID", "Paid"));
    }

    @Test
    void aCompleteBillHasNoGap() {
        FactRecorder facts = new FactRecorder();
        facts.addOns.add(new AddOn("BACKUP", BillingMode.PREPAID, null, null));
        facts.terms.add(fee("BACKUP", null));
        facts.periods.add(new PrepaidPeriod("BACKUP", null, JULY_1, LocalDate.of(2026, 7, 31)));
        facts.usage.add(new Usage("SEATS", 3));
        facts.terms.add(new Limit("SEATS", 10, Versions.EVER, Versions.NEVER, "r"));

        assertThat(gaps(facts)).isEmpty();
    }
}
