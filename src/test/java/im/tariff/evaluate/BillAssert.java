package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;
import java.util.List;

/**
 * A small fluent assertion for bills, in the spirit of Timefold's ConstraintVerifier: say which line (or
 * violation) a bill must have and what it must be, and get a message that shows the whole bill when not.
 * <pre>
 * assertThatBill(bill).hasLine("PLAN_FEE").withAmount("120.00").pricedBy("paid plan");
 * assertThatBill(bill).hasViolation("USAGE_NOT_PRICED", "TRAFFIC").firedBy("每日用量没有计价：报告，不收费");
 * </pre>
 */
public final class BillAssert {

    private final Bill bill;

    private BillAssert(Bill bill) {
        this.bill = bill;
    }

    public static BillAssert assertThatBill(Bill bill) {
        return new BillAssert(bill);
    }

    /** The one line with this code (fails when there is none or several). */
    public LineAssert hasLine(String code) {
        List<ChargeLine> found = bill.lines().stream().filter(l -> l.code().equals(code)).toList();
        assertThat(found).as("lines %s of %s", code, describe()).hasSize(1);
        return new LineAssert(found.get(0));
    }

    /** The line with this code and period start, for codes that have a line a day. */
    public LineAssert hasLine(String code, String periodStart) {
        List<ChargeLine> found = bill.lines().stream()
                .filter(l -> l.code().equals(code) && l.periodStart().toString().equals(periodStart)).toList();
        assertThat(found).as("lines %s from %s of %s", code, periodStart, describe()).hasSize(1);
        return new LineAssert(found.get(0));
    }

    public BillAssert hasNoLine(String code) {
        assertThat(bill.lines()).as(describe()).noneMatch(l -> l.code().equals(code));
        return this;
    }

    public ViolationAssert hasViolation(String code, String subject) {
        List<Violation> found = bill.violations().stream()
                .filter(v -> v.code().equals(code) && v.subject().equals(subject)).toList();
        assertThat(found).as("violations %s %s of %s", code, subject, describe()).hasSize(1);
        return new ViolationAssert(found.get(0));
    }

    public BillAssert hasNoViolations() {
        assertThat(bill.violations()).as(describe()).isEmpty();
        return this;
    }

    public BillAssert hasTotal(String total) {
        assertThat(bill.totals().total()).as(describe()).isEqualByComparingTo(total);
        return this;
    }

    private String describe() {
        StringBuilder sb = new StringBuilder("bill ");
        bill.lines().forEach(l -> sb.append("\n  ").append(l.code()).append(' ').append(l.amount()).append(" [")
                .append(l.rule()).append("] ").append(l.description()));
        bill.violations().forEach(v -> sb.append("\n  ").append(v.code()).append(' ').append(v.subject())
                .append(" [").append(v.rule()).append("] ").append(v.message()));
        return sb.toString();
    }

    /** Assertions on one charge line. */
    public static final class LineAssert {
        private final ChargeLine line;

        LineAssert(ChargeLine line) {
            this.line = line;
        }

        public LineAssert withAmount(String amount) {
            assertThat(line.amount().toPlainString()).as("amount of %s", line).isEqualTo(amount);
            return this;
        }

        public LineAssert withQuantity(String quantity) {
            assertThat(line.quantity()).as("quantity of %s", line).isEqualByComparingTo(quantity);
            return this;
        }

        public LineAssert withUnitPrice(String price) {
            assertThat(line.unitPrice()).as("unit price of %s", line).isEqualByComparingTo(price);
            return this;
        }

        public LineAssert chargedOn(String date) {
            assertThat(line.chargeDate().toString()).as("charge date of %s", line).isEqualTo(date);
            return this;
        }

        /** The tariff rule that set the line's price. */
        public LineAssert pricedBy(String rule) {
            assertThat(line.rule()).as("rule of %s", line).isEqualTo(rule);
            return this;
        }
    }

    /** Assertions on one violation. */
    public static final class ViolationAssert {
        private final Violation violation;

        ViolationAssert(Violation violation) {
            this.violation = violation;
        }

        public ViolationAssert firedBy(String rule) {
            assertThat(violation.rule()).as("rule of %s", violation).isEqualTo(rule);
            return this;
        }

        public ViolationAssert saying(String text) {
            assertThat(violation.message()).as("message of %s", violation).contains(text);
            return this;
        }
    }
}
