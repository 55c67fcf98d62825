package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.model.Bill;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Differential test: thousands of random valid requests, each billed by the rules and by SpecOracle (the contract (docs/FORMAT.md)
 * restated in plain Java inside the tests). Any difference is a rule bug or a misreading of the contract (docs/FORMAT.md).
 */
class SpecOracleTest {

    @Test
    void rulesAgreeWithAPlainReadingOfSpecOnRandomRequests() {
        for (long seed = 1; seed <= 1_500; seed++) {
            ObjectNode request = RandomRequests.generate(seed);
            Bill bill = BillInvariantsProperties.evaluate(request);
            SpecOracle.Expected expected = SpecOracle.bill(request);

            Set<String> violations = new TreeSet<>();
            bill.violations().forEach(v -> violations.add(v.code() + " " + v.subject()));
            String context = "seed " + seed + ": " + request;
            assertThat(SpecOracle.lines(bill)).as(context).isEqualTo(expected.lines());
            assertThat(violations).as(context).isEqualTo(expected.violations());
            assertThat(bill.totals().prepaid().toPlainString() + " " + bill.totals().postpaid().toPlainString() + " "
                    + bill.totals().total().toPlainString()).as(context).isEqualTo(expected.totals());
        }
    }
}
