package im.tariff.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CentsTest {

    @Test
    void aShareIsTheExactProductDividedThenRoundedHalfUpToTheCent() {
        assertThat(Cents.share(new BigDecimal("999.00"), 11, 31)).hasToString("354.48"); // 354.4838…
        assertThat(Cents.share(new BigDecimal("2999.00"), 1, 30)).hasToString("99.97");  // 99.9666…
        assertThat(Cents.share(new BigDecimal("10.35"), 1, 30)).hasToString("0.35");     // 0.345 exactly: up
        assertThat(Cents.share(new BigDecimal("0.15"), 1, 30)).hasToString("0.01");      // 0.005 exactly: up
        assertThat(Cents.share(new BigDecimal("999"), 31, 31)).hasToString("999.00");
        assertThat(Cents.share(new BigDecimal("999"), 0, 31)).hasToString("0.00");
        // the product first: 0.1 × 3 / 3 is 0.10, not 0.1 / 3 × 3 = 0.09
        assertThat(Cents.share(new BigDecimal("0.10"), 3, 3)).hasToString("0.10");
    }

    @Test
    void anAmountIsRoundedHalfUpToTwoPlaces() {
        assertThat(Cents.of(new BigDecimal("1.005"))).hasToString("1.01");
        assertThat(Cents.of(new BigDecimal("7"))).hasToString("7.00");
        assertThatThrownBy(() -> Cents.share(BigDecimal.ONE, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
