package im.tariff.meter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One app's metered figures and account lines → its request → its bill or error record: the same code on both
 * engines (in the driver's threads on DuckDB, in the executors on Spark), so both write the same lines.
 */
final class AppBills implements Serializable {
    private static final long serialVersionUID = 1L;

    /** An account line: its line number in the accounts file and its text. */
    record Account(long line, String text) implements Serializable {
    }

    /** One line of bills.jsonl, with the request it was evaluated from (null when none could be built). */
    record Out(String appId, String request, String out, boolean error) {
    }

    private final String month;
    private final String defaultPlan;
    private final List<Metering.Meter> meters;

    AppBills(YearMonth month, String defaultPlan, List<Metering.Meter> meters) {
        this.month = month.toString();
        this.defaultPlan = defaultPlan;
        this.meters = List.copyOf(meters);
    }

    /** The outputs of one app (appId null: account lines without a readable appId). */
    List<Out> app(BillingBridge.Rules rules, String appId, RequestJson.Usage usage, List<Account> accounts) {
        YearMonth m = YearMonth.parse(month);
        List<Out> out = new ArrayList<>();
        List<Account> lines = new ArrayList<>(accounts);
        lines.sort(Comparator.comparingLong(Account::line));
        if (appId == null) {
            for (Account a : lines) {
                String why;
                String field;
                try {
                    RequestJson.account(a.text(), m);
                    why = "missing: every account line names its app";
                    field = "appId";
                } catch (RequestJson.AccountException e) {
                    why = e.getMessage();
                    field = e.field;
                }
                out.add(new Out(null, null, RequestJson.errorRecord(null, a.line(), why, field), true));
            }
            return out;
        }
        ObjectNode account = null;
        Long accountLine = null;
        if (!lines.isEmpty()) {
            Account a = lines.get(0);
            accountLine = a.line();
            try {
                account = RequestJson.account(a.text(), m);
            } catch (RequestJson.AccountException e) {
                out.add(new Out(appId, null, RequestJson.errorRecord(appId, accountLine, e.getMessage(), e.field), true));
                duplicates(appId, lines, out);
                return out;
            }
        } else if (defaultPlan == null) {
            out.add(new Out(appId, null, RequestJson.errorRecord(appId, null, "this app has usage but no account line, "
                    + "and the catalog names no default plan (declare one with $c.defaultPlan(...) or give "
                    + "--default-plan)", "plan"), true));
            return out;
        }
        String request = RequestJson.text(RequestJson.request(appId, account, m, defaultPlan, meters, usage));
        BillingBridge.Outcome o;
        try {
            o = BillingBridge.evaluate(rules, request);
        } catch (BillingBridge.BadRulesException e) {
            throw new IllegalStateException("the rules do not compile here:\n" + e.getMessage(), e);
        }
        if (o.isBill()) {
            out.add(new Out(appId, request, o.billJson(), false));
        } else {
            out.add(new Out(appId, request, RequestJson.errorRecord(appId, accountLine, o.error(), o.field()), true));
        }
        duplicates(appId, lines, out);
        return out;
    }

    private static void duplicates(String appId, List<Account> lines, List<Out> out) {
        for (int i = 1; i < lines.size(); i++) {
            out.add(new Out(appId, null, RequestJson.errorRecord(appId, lines.get(i).line(),
                    "a second account line for this app (the first is line " + lines.get(0).line() + ")", "appId"),
                    true));
        }
    }
}
