package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;
import java.util.List;

/** Short ways to look at a bill in assertions: codes, "CODE subject" violations, one line by code. */
public final class Bills {

    private Bills() {
    }

    public static List<String> codes(Bill bill) {
        return bill.lines().stream().map(ChargeLine::code).toList();
    }

    /** Violations as "CODE SUBJECT", in bill order. */
    public static List<String> violations(Bill bill) {
        return bill.violations().stream().map(v -> v.code() + " " + v.subject()).toList();
    }

    /** The one line with this code; fails when there is none or several. */
    public static ChargeLine line(Bill bill, String code) {
        List<ChargeLine> found = bill.lines().stream().filter(l -> l.code().equals(code)).toList();
        assertThat(found).as("lines %s in %s", code, codes(bill)).hasSize(1);
        return found.get(0);
    }

    public static Violation violation(Bill bill, String code, String subject) {
        List<Violation> found = bill.violations().stream()
                .filter(v -> v.code().equals(code) && v.subject().equals(subject)).toList();
        assertThat(found).as("violation %s %s in %s", code, subject, violations(bill)).hasSize(1);
        return found.get(0);
    }

    /** Amount of the line with this code as text ("999.00"), or "absent". */
    public static String amount(Bill bill, String code) {
        return bill.lines().stream().filter(l -> l.code().equals(code)).map(l -> l.amount().toPlainString())
                .findFirst().orElse("absent");
    }

    /** "prepaid postpaid total" as text. */
    public static String totals(Bill bill) {
        return bill.totals().prepaid().toPlainString() + " " + bill.totals().postpaid().toPlainString() + " "
                + bill.totals().total().toPlainString();
    }
}
