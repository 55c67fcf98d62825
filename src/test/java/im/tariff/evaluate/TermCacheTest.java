package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.compile.RuleSource;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The calculator's term cache is keyed by a month any client sends: it must stay bounded. */
class TermCacheTest {

    @Test
    void theTermCacheKeepsTheRecentPairsOnly() throws Exception {
        Evaluator mini = Evaluator.compile(RuleSource.fromDirectory(Path.of("src/test/resources/tariffs/mini")));
        YearMonth month = YearMonth.of(2000, 1);
        for (int i = 0; i < Evaluator.TERM_CACHE_SIZE * 3; i++) {
            mini.termsOf("PAID", month.plusMonths(i));
        }
        assertThat(mini.cachedTermSets()).isEqualTo(Evaluator.TERM_CACHE_SIZE);
        // the most recent month is still served from the cache: the same list, not a new probe
        YearMonth last = month.plusMonths(Evaluator.TERM_CACHE_SIZE * 3L - 1);
        assertThat(mini.termsOf("PAID", last)).isSameAs(mini.termsOf("PAID", last));
        mini.close();
    }
}
