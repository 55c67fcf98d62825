package im.tariff.io;

import im.tariff.catalog.Catalog;
import im.tariff.i18n.Messages;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;

/**
 * The bill as a plain-text table for people (tariff evaluate --format table), its headings in the language of
 * the catalog. Columns are padded by display width, so a Chinese heading (two columns a character) lines up.
 */
public final class BillTable {

    private static final int[] WIDTHS = {32, 14, 8, 10, 12, 23, 10};

    private BillTable() {
    }

    /** catalog: the one the bill was made with, for the plan's name and the language. */
    public static String render(Bill bill, Catalog catalog) {
        Messages m = Messages.of(catalog.language());
        StringBuilder sb = new StringBuilder();
        sb.append(m.format("table.heading", bill.appId(), bill.billingMonth(), catalog.planName(bill.plan()),
                bill.plan(), bill.rulesVersion())).append('\n');
        row(sb, m.format("table.code"), m.format("table.mode"), m.format("table.quantity"), m.format("table.unitPrice"),
                m.format("table.amount"), m.format("table.period"), m.format("table.charged"),
                m.format("table.description"));
        for (ChargeLine l : bill.lines()) {
            row(sb, l.code(), l.billingMode().name(), BillWriter.quantity(l.quantity()), BillWriter.price(l.unitPrice()),
                    l.amount().toPlainString(), l.periodStart() + ".." + l.periodEnd(), String.valueOf(l.chargeDate()),
                    l.description());
        }
        total(sb, m.format("table.prepaid"), bill.totals().prepaid().toPlainString());
        total(sb, m.format("table.postpaid"), bill.totals().postpaid().toPlainString());
        total(sb, m.format("table.total", bill.currency()), bill.totals().total().toPlainString());
        if (bill.violations().isEmpty()) {
            sb.append(m.format("table.noViolations")).append('\n');
        } else {
            sb.append(m.format("table.violations")).append('\n');
            for (Violation v : bill.violations()) {
                sb.append("  ").append(left(v.severity().name(), 7)).append(' ').append(left(v.code(), 22)).append(' ')
                        .append(left(v.subject(), 24)).append(' ').append(v.message()).append("  [").append(v.rule())
                        .append("]\n");
            }
        }
        return sb.toString();
    }

    /** code, mode left; quantity, unit price, amount right; period, charge date left; then the description. */
    private static void row(StringBuilder sb, String code, String mode, String qty, String unitPrice, String amount,
                            String period, String charged, String description) {
        sb.append(left(code, WIDTHS[0])).append(' ').append(left(mode, WIDTHS[1])).append(' ')
                .append(right(qty, WIDTHS[2])).append(' ').append(right(unitPrice, WIDTHS[3])).append(' ')
                .append(right(amount, WIDTHS[4])).append("  ").append(left(period, WIDTHS[5])).append(' ')
                .append(left(charged, WIDTHS[6])).append("  ").append(description).append('\n');
    }

    private static void total(StringBuilder sb, String label, String amount) {
        sb.append(left(label, WIDTHS[0])).append(' ').append(left("", WIDTHS[1])).append(' ')
                .append(right("", WIDTHS[2])).append(' ').append(right("", WIDTHS[3])).append(' ')
                .append(right(amount, WIDTHS[4])).append('\n');
    }

    static String left(String text, int width) {
        return text + " ".repeat(Math.max(0, width - displayWidth(text)));
    }

    static String right(String text, int width) {
        return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
    }

    /** Columns a text takes in a terminal: two for a wide (CJK, full-width) character, one otherwise. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            width += wide(c) ? 2 : 1;
        }
        return width;
    }

    private static boolean wide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
