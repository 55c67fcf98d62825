package im.tariff.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.i18n.Language;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Terms check their numbers where a rule makes them: a slip of the sign, a block of 0, a date that is not one
 * fail the rule at once (so check and the bill name it), in the sheet's language.
 */
class TermValidationTest {

    @Test
    void aNegativePriceIsRefusedAndPointsAtCredits() {
        assertThatThrownBy(() -> Fee.plan(null, "FEE", "-6000.00", "plan"))
                .isInstanceOfSatisfying(TermException.class, e -> {
                    assertThat(e.in(Language.ZH)).contains("-6000.00").contains("Credit.of");
                    assertThat(e.in(Language.EN)).isEqualTo("a price cannot be negative: -6000.00 (write a credit with Credit.of)");
                });
        assertThatThrownBy(() -> Overage.of(null, "M", "L", 10, 10, "-1")).isInstanceOf(TermException.class);
        assertThatThrownBy(() -> DailyRate.daily(null, "M", null, "L", "-0.01", "x")).isInstanceOf(TermException.class);
        assertThatThrownBy(() -> Minimum.monthly(null, "L", "-100", "x")).isInstanceOf(TermException.class);
    }

    @Test
    void aCreditIsWrittenPositiveAndBilledNegative() {
        assertThat(Credit.of(null, "L", "50.00", "x").amount()).isEqualByComparingTo("50");
        assertThatThrownBy(() -> Credit.of(null, "L", "-50.00", "x"))
                .isInstanceOfSatisfying(TermException.class, e -> assertThat(e.in(Language.EN)).contains("positive"));
    }

    @Test
    void quotasBlocksAndCapsHaveTheirBounds() {
        assertThatThrownBy(() -> Overage.of(null, "M", "L", -1, 10, "1")).isInstanceOf(TermException.class);
        assertThatThrownBy(() -> Overage.of(null, "M", "L", 0, 0, "1"))
                .isInstanceOfSatisfying(TermException.class, e -> assertThat(e.in(Language.EN)).isEqualTo("a block must be at least 1: 0"));
        assertThatThrownBy(() -> Limit.of(null, "M", -1)).isInstanceOf(TermException.class);
        assertThat(Overage.of(null, "M", "L", 0, 1, "0").free()).isZero();
        assertThat(Limit.of(null, "M", 0).cap()).isZero();
    }

    @Test
    void datesMustBeDaysAndInOrder() {
        assertThatThrownBy(() -> Fee.plan(null, "FEE", "1", "x").from("2027-13-01"))
                .isInstanceOfSatisfying(TermException.class, e -> assertThat(e.in(Language.EN)).contains("2027-13-01"));
        assertThatThrownBy(() -> Fee.plan(null, "FEE", "1", "x").from("2027-02-01").until("2027-01-31"))
                .isInstanceOf(TermException.class);
        assertThat(Fee.plan(null, "FEE", "1", "x").from("2027-02-01").until("2027-02-01").validTo())
                .isEqualTo("2027-02-01");
    }

    @Test
    void pricesMustBeNumbersAndCodesWritten() {
        assertThatThrownBy(() -> Fee.plan(null, "FEE", "9,99", "x"))
                .isInstanceOfSatisfying(TermException.class, e -> assertThat(e.in(Language.EN)).contains("\"9,99\" is not a number"));
        assertThatThrownBy(() -> Fee.plan(null, "", "1", "x")).isInstanceOf(TermException.class);
        assertThatThrownBy(() -> Fee.option(null, "A", -1, "L", "1", "x")).isInstanceOf(TermException.class);
    }

    @Test
    void tierTablesMustCoverEveryQuantityOnce() {
        Tiers whole = Tiers.volume(null, "M", "L", "x").band(0, 100, "1").bandFrom(101, "0.5");
        assertThat(whole.problem()).isNull();
        assertThat(Tiers.volume(null, "M", "L", "x").band(1, 100, "1").bandFrom(101, "0.5").problem().in(Language.EN))
                .startsWith("the first band starts at 1");
        assertThat(Tiers.volume(null, "M", "L", "x").band(0, 100, "1").bandFrom(100, "0.5").problem().in(Language.EN))
                .isEqualTo("the bands 0–100 and ≥ 100 overlap");
        assertThat(Tiers.volume(null, "M", "L", "x").band(0, 100, "1").bandFrom(102, "0.5").problem().in(Language.EN))
                .isEqualTo("the bands leave out 101–101");
        assertThat(Tiers.volume(null, "M", "L", "x").band(0, 100, "1").band(101, 200, "0.5").problem().in(Language.EN))
                .startsWith("the last band ends at 200");
        assertThatThrownBy(() -> Tiers.volume(null, "M", "L", "x").bandFrom(0, "1").band(1, 2, "1"))
                .isInstanceOf(TermException.class);
        assertThatThrownBy(() -> Tiers.volume(null, "M", "L", "x").band(10, 5, "1")).isInstanceOf(TermException.class);
        assertThatThrownBy(() -> Tiers.volume(null, "M", "L", "x").band(0, 5, "-1")).isInstanceOf(TermException.class);
    }

    @Test
    void aNegativeFeeCannotBeBuiltDirectlyEither() {
        assertThatThrownBy(() -> new Fee(null, null, "L", new BigDecimal("-1"), "x", Versions.EVER, Versions.NEVER, "r"))
                .isInstanceOf(TermException.class);
    }
}
