package im.tariff.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Runs in the executors: turns each app's metered series and account line into its request, evaluates it with
 * the engine of this executor JVM (compiled once, cached by {@link BillingBridge}), and yields the output rows in
 * the order of the input (apps sorted by appId).
 */
final class Evaluator implements MapPartitionsFunction<Row, Row>, Serializable {
    private static final long serialVersionUID = 1L;

    static final int KIND_DAU = 0;
    static final int KIND_GROUPS = 1;
    static final int KIND_BARRAGE = 2;
    static final int KIND_ACCOUNT = 3;

    static final StructType LINE = new StructType(new StructField[] {
            DataTypes.createStructField("code", DataTypes.StringType, false),
            DataTypes.createStructField("amount", DataTypes.createDecimalType(38, 2), false)});
    /** request: the JSON handed to the engine (null when none could be built); out: the line of bills.jsonl. */
    static final StructType OUT = new StructType(new StructField[] {
            DataTypes.createStructField("appId", DataTypes.StringType, true),
            DataTypes.createStructField("request", DataTypes.StringType, true),
            DataTypes.createStructField("out", DataTypes.StringType, false),
            DataTypes.createStructField("error", DataTypes.BooleanType, false),
            DataTypes.createStructField("accountError", DataTypes.BooleanType, false),
            DataTypes.createStructField("plan", DataTypes.StringType, true),
            DataTypes.createStructField("currency", DataTypes.StringType, true),
            DataTypes.createStructField("total", DataTypes.createDecimalType(38, 2), true),
            DataTypes.createStructField("lines", DataTypes.createArrayType(LINE, false), true)});

    private final Broadcast<BillingBridge.Rules> rules;
    private final String month;
    private final String defaultPlan;

    Evaluator(Broadcast<BillingBridge.Rules> rules, YearMonth month, String defaultPlan) {
        this.rules = rules;
        this.month = month.toString();
        this.defaultPlan = defaultPlan;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> apps) {
        YearMonth m = YearMonth.parse(month);
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() && apps.hasNext()) {
                    app(apps.next(), m, pending);
                }
                return !pending.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return pending.remove(0);
            }
        };
    }

    /** One group: (appId, items[kind, day, region, count, mbps, line, text]). */
    private void app(Row group, YearMonth m, List<Row> out) {
        String appId = group.isNullAt(0) ? null : group.getString(0);
        List<Row> items = group.getList(1);
        RequestJson.Series series = new RequestJson.Series();
        List<Row> accounts = new ArrayList<>();
        for (Row it : items) {
            int kind = it.getInt(0);
            switch (kind) {
                case KIND_DAU -> series.dau.put(it.getInt(1), it.getLong(3));
                case KIND_GROUPS -> series.groups.put(it.getInt(1), it.getLong(3));
                case KIND_BARRAGE -> series.barrage.computeIfAbsent(it.getInt(1), d -> new TreeMap<>())
                        .put(it.getString(2), it.getDecimal(4));
                case KIND_ACCOUNT -> accounts.add(it);
                default -> throw new IllegalStateException("unknown kind " + kind);
            }
        }
        accounts.sort(Comparator.comparingLong(r -> r.getLong(5)));
        if (appId == null) {
            for (Row a : accounts) {
                String why;
                String field;
                try {
                    RequestJson.account(a.getString(6), m);
                    why = "missing: every account line names its app";
                    field = "appId";
                } catch (RequestJson.AccountException e) {
                    why = e.getMessage();
                    field = e.field;
                }
                out.add(error(null, null, RequestJson.errorRecord(null, a.getLong(5), why, field), true));
            }
            return;
        }
        ObjectNode account = null;
        Long accountLine = null;
        if (!accounts.isEmpty()) {
            Row a = accounts.get(0);
            accountLine = a.getLong(5);
            try {
                account = RequestJson.account(a.getString(6), m);
            } catch (RequestJson.AccountException e) {
                out.add(error(appId, null, RequestJson.errorRecord(appId, accountLine, e.getMessage(), e.field), true));
                duplicates(appId, accounts, out);
                return;
            }
        }
        String request = RequestJson.text(RequestJson.request(appId, account, m, defaultPlan, series));
        BillingBridge.Outcome o;
        try {
            o = BillingBridge.evaluate(rules.value(), request);
        } catch (BillingBridge.BadRulesException e) {
            throw new IllegalStateException("the rules do not compile on this executor:\n" + e.getMessage(), e);
        }
        if (o.isBill()) {
            out.add(bill(appId, request, o.billJson()));
        } else {
            out.add(error(appId, request, RequestJson.errorRecord(appId, accountLine, o.error(), o.field()),
                    accountLine != null));
        }
        duplicates(appId, accounts, out);
    }

    private static void duplicates(String appId, List<Row> accounts, List<Row> out) {
        for (int i = 1; i < accounts.size(); i++) {
            out.add(error(appId, null, RequestJson.errorRecord(appId, accounts.get(i).getLong(5),
                    "a second account line for this app (the first is line " + accounts.get(0).getLong(5) + ")",
                    "appId"), true));
        }
    }

    private static Row error(String appId, String request, String record, boolean fromAccounts) {
        return RowFactory.create(appId, request, record, true, fromAccounts, null, null, null, null);
    }

    /** The bill's plan, currency, total and line amounts, read back from its JSON for the revenue summary. */
    private static Row bill(String appId, String request, String json) {
        JsonNode b;
        try {
            b = RequestJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Row> lines = new ArrayList<>();
        for (JsonNode l : b.path("lines")) {
            lines.add(RowFactory.create(l.path("code").asText(), new BigDecimal(l.path("amount").asText())));
        }
        BigDecimal total = new BigDecimal(b.path("totals").path("total").asText());
        return RowFactory.create(appId, request, json, false, false, b.path("plan").asText(),
                b.path("currency").asText(), total, scala.jdk.javaapi.CollectionConverters.asScala(lines).toSeq());
    }
}
