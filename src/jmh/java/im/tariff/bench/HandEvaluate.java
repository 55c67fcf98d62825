package im.tariff.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import im.tariff.model.BillingMode;
import im.tariff.io.BillWriter;
import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.BillRequest;
import im.tariff.model.DailyUsage;
import im.tariff.model.Usage;
import java.io.File;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * COMPARISON BASELINE ONLY. The yardstick of a cold `tariff evaluate`: a process that reads one request of the
 * bundled tariff with Jackson, bills it with {@link HandCodedTariff} and writes the bill as `evaluate` does. It
 * compiles no rules and validates nothing beyond what Jackson does: the least a hand-written evaluator must do.
 * Usage: HandEvaluate REQUEST.json
 */
public final class HandEvaluate {

    private static final Map<String, String> COUNTS = Map.of("users", "USERS", "maxFriendsPerUser", "FRIENDS_PER_USER",
            "maxGroupsJoinedPerUser", "GROUPS_JOINED_PER_USER", "maxMembersPerGroup", "MEMBERS_PER_GROUP",
            "totalGroups", "TOTAL_GROUPS", "avChatRooms", "AVCHATROOMS", "maxDailyNetNewGroups", "DAILY_NET_NEW_GROUPS",
            "maxDailyBroadcastGroups", "DAILY_BROADCAST_GROUPS", "peakDau", "DAU", "peakGroups", "PEAK_GROUPS");

    private HandEvaluate() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode r = new ObjectMapper().readTree(new File(args[0]));
        YearMonth month = YearMonth.parse(r.get("billingMonth").asText());
        Account account = new Account(r.get("appId").asText(), month, r.get("plan").asText(), date(r.get("planStartDate")),
                text(r.get("previousPlan")), text(r.get("requestedPlan")));
        List<AddOn> addOns = new ArrayList<>();
        for (JsonNode a : r.path("addOns")) {
            String type = a.get("type").asText();
            addOns.add(new AddOn(type, type.equals("HISTORY_STORAGE") ? BillingMode.POSTPAID : BillingMode.PREPAID,
                    a.has("days") ? a.get("days").asLong() : null, date(a.get("startDate"))));
        }
        List<Usage> usage = new ArrayList<>();
        List<DailyUsage> daily = new ArrayList<>();
        JsonNode u = r.path("usage");
        COUNTS.forEach((field, meter) -> {
            if (u.has(field)) {
                usage.add(new Usage(meter, u.get(field).asLong()));
            }
        });
        series(u.path("dailyDau"), "DAU", "dau", daily);
        series(u.path("dailyGroups"), "PEAK_GROUPS", "groups", daily);
        for (JsonNode d : u.path("barrage")) {
            daily.add(new DailyUsage("BARRAGE_BANDWIDTH", LocalDate.parse(d.get("date").asText()),
                    d.get("region").asText(), d.get("peakMbps").decimalValue()));
        }
        var bill = new HandCodedTariff("hand").evaluate(new BillRequest(account, addOns, usage, daily));
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        BillWriter.write(bill, out, true);
        out.write('\n');
        out.flush();
    }

    private static void series(JsonNode days, String meter, String field, List<DailyUsage> out) {
        for (JsonNode d : days) {
            out.add(new DailyUsage(meter, LocalDate.parse(d.get("date").asText()), null,
                    BigDecimal.valueOf(d.get(field).asLong())));
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }
}
