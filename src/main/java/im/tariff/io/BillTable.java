package im.tariff.io;

import im.tariff.catalog.Catalog;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.Violation;

/** The bill as a plain-text table for people (tariff evaluate --format table). */
public final class BillTable {

    private BillTable() {
    }

    /** catalog: the one the bill was made with, for the plan's name. */
    public static String render(Bill bill, Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("应用 ").append(bill.appId()).append("  账单月 ").append(bill.billingMonth())
                .append("  套餐 ").append(catalog.planName(bill.plan())).append(" (").append(bill.plan()).append(")")
                .append("  规则版本 ").append(bill.rulesVersion()).append('\n');
        sb.append(String.format("%-32s %-14s %8s %10s %12s  %-23s %-10s  %s%n", "code", "mode", "qty",
                "unitPrice", "amount", "period", "charged", "description"));
        for (ChargeLine l : bill.lines()) {
            sb.append(String.format("%-32s %-14s %8s %10s %12s  %-23s %-10s  %s%n", l.code(), l.billingMode(),
                    BillWriter.quantity(l.quantity()), BillWriter.price(l.unitPrice()), l.amount().toPlainString(),
                    l.periodStart() + ".." + l.periodEnd(), l.chargeDate(), l.description()));
        }
        sb.append(String.format("%-32s %-14s %8s %10s %12s%n", "prepaid", "", "", "", bill.totals().prepaid().toPlainString()));
        sb.append(String.format("%-32s %-14s %8s %10s %12s%n", "postpaid", "", "", "", bill.totals().postpaid().toPlainString()));
        sb.append(String.format("%-32s %-14s %8s %10s %12s%n", "TOTAL (" + bill.currency() + ")", "", "", "",
                bill.totals().total().toPlainString()));
        if (bill.violations().isEmpty()) {
            sb.append("violations: none\n");
        } else {
            sb.append("violations:\n");
            for (Violation v : bill.violations()) {
                sb.append(String.format("  %-7s %-22s %-24s %s  [%s]%n", v.severity(), v.code(), v.subject(),
                        v.message(), v.rule()));
            }
        }
        return sb.toString();
    }
}
