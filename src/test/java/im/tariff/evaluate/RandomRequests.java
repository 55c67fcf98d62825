package im.tariff.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.io.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random valid requests (docs/FORMAT.md), reproducible from a seed. Figures cluster around the quotas, block edges
 * and limits of the tariff in rules/ so that boundaries are hit often, with plain random values in between.
 */
public final class RandomRequests {

    private static final String[] PLANS = {"TRIAL", "PRO", "FLAGSHIP"};
    private static final String[] PLANS_ZH = {"体验版", "专业版", "旗舰版"};
    private static final String[] PREPAID_ADDONS = {"AVCHATROOM_UNLIMITED", "GROUP_MEMBER_CAP", "GROUPS_PER_USER",
            "SECURITY_ADVANCED"};
    private static final int[] HISTORY_DAYS = {30, 90, 180, 360, 60, 7};
    private static final String[] COUNTS = {"users", "maxFriendsPerUser", "maxGroupsJoinedPerUser",
            "maxMembersPerGroup", "totalGroups", "avChatRooms", "maxDailyNetNewGroups", "maxDailyBroadcastGroups"};
    private static final long[] LIMIT_EDGES = {0, 5, 6, 10, 11, 20, 21, 50, 51, 100, 101, 200, 201, 500, 501, 1000,
            1001, 2000, 2001, 3000, 3001, 6000, 6001, 10000, 10001};
    private static final long[] DAU_EDGES = {0, 100, 101, 10000, 10001, 20000, 20001, 30000, 30001};
    private static final long[] GROUP_EDGES = {0, 100, 101, 100000, 100001, 200000, 200001, 300001};

    private RandomRequests() {
    }

    public static ObjectNode generate(long seed) {
        return generate(new Random(seed));
    }

    public static ObjectNode generate(Random rnd) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        YearMonth month = YearMonth.of(2025 + rnd.nextInt(4), 1 + rnd.nextInt(12));
        int plan = rnd.nextInt(3);
        root.put("appId", String.valueOf(1_400_000_000L + rnd.nextInt(100_000)));
        root.put("billingMonth", month.toString());
        root.put("plan", rnd.nextInt(5) == 0 ? PLANS_ZH[plan] : PLANS[plan]);
        if (rnd.nextBoolean()) {
            root.put("planStartDate", day(rnd, month).toString());
        }
        if (rnd.nextInt(3) == 0) {
            root.put("previousPlan", PLANS[rnd.nextInt(3)]);
        }
        if (rnd.nextInt(3) == 0) {
            root.put("requestedPlan", PLANS[rnd.nextInt(3)]);
        }
        addOns(rnd, month, root);
        if (rnd.nextInt(8) != 0) {
            usage(rnd, month, root.putObject("usage"));
        }
        return root;
    }

    private static void addOns(Random rnd, YearMonth month, ObjectNode root) {
        List<ObjectNode> addOns = new ArrayList<>();
        for (String type : PREPAID_ADDONS) {
            if (rnd.nextInt(3) == 0) {
                ObjectNode a = Json.MAPPER.createObjectNode().put("type", type);
                if (rnd.nextInt(3) == 0) {
                    a.put("startDate", day(rnd, month).toString());
                }
                addOns.add(a);
            }
        }
        if (rnd.nextInt(3) == 0) {
            addOns.add(Json.MAPPER.createObjectNode().put("type", "HISTORY_STORAGE")
                    .put("days", HISTORY_DAYS[rnd.nextInt(HISTORY_DAYS.length)]));
        }
        if (!addOns.isEmpty()) {
            Collections.shuffle(addOns, rnd);
            root.putArray("addOns").addAll(addOns);
        }
    }

    private static void usage(Random rnd, YearMonth month, ObjectNode usage) {
        peakOrSeries(rnd, month, usage, "peakDau", "dailyDau", "dau", DAU_EDGES, 80_000);
        peakOrSeries(rnd, month, usage, "peakGroups", "dailyGroups", "groups", GROUP_EDGES, 450_000);
        for (String count : COUNTS) {
            if (rnd.nextInt(3) == 0) {
                usage.put(count, rnd.nextBoolean() ? LIMIT_EDGES[rnd.nextInt(LIMIT_EDGES.length)]
                        : rnd.nextInt(20_000));
            }
        }
        if (rnd.nextInt(3) == 0) {
            ArrayNode barrage = usage.putArray("barrage");
            Set<String> seen = new HashSet<>();
            int n = 1 + rnd.nextInt(8);
            for (int i = 0; i < n; i++) {
                LocalDate date = day(rnd, month);
                String region = rnd.nextBoolean() ? "DOMESTIC" : "INTERNATIONAL";
                if (seen.add(date + region)) {
                    BigDecimal mbps = BigDecimal.valueOf(rnd.nextInt(500_000), rnd.nextInt(5));
                    barrage.addObject().put("date", date.toString()).put("region", region).put("peakMbps", mbps);
                }
            }
        }
    }

    private static void peakOrSeries(Random rnd, YearMonth month, ObjectNode usage, String peak, String series,
                                     String value, long[] edges, int spread) {
        int form = rnd.nextInt(10);
        if (form < 4) {
            usage.put(peak, figure(rnd, edges, spread));
        } else if (form < 7) {
            ArrayNode days = usage.putArray(series);
            Set<LocalDate> seen = new HashSet<>();
            int n = rnd.nextInt(10);
            for (int i = 0; i < n; i++) {
                LocalDate date = day(rnd, month);
                if (seen.add(date)) {
                    days.addObject().put("date", date.toString()).put(value, figure(rnd, edges, spread));
                }
            }
        }
    }

    private static long figure(Random rnd, long[] edges, int spread) {
        return rnd.nextBoolean() ? edges[rnd.nextInt(edges.length)] : rnd.nextInt(spread);
    }

    private static LocalDate day(Random rnd, YearMonth month) {
        return month.atDay(1 + rnd.nextInt(month.lengthOfMonth()));
    }
}
