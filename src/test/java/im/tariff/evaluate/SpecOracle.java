package im.tariff.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * docs/FORMAT.md written a second time, plainly, without Drools and without the main code: the bill a valid request
 * must get, as comparable text. Tariff numbers are restated here from the contract (docs/FORMAT.md) on purpose: this is the test's
 * own reading of the tariff, so a wrong number in rules/ shows up as a difference.
 */
final class SpecOracle {

    /** Lines as "CODE amount start..end@charged" in line-code order; violations as "CODE subject", sorted. */
    record Expected(List<String> lines, Set<String> violations, String totals) {
    }

    private static final List<String> LINE_ORDER = List.of("PLAN_FEE", "DAU_OVERAGE", "GROUP_OVERAGE",
            "ADDON_AVCHATROOM_UNLIMITED", "ADDON_GROUP_MEMBER_CAP", "ADDON_GROUPS_PER_USER", "ADDON_SECURITY_ADVANCED",
            "ADDON_HISTORY_STORAGE", "BARRAGE_BANDWIDTH_DOMESTIC", "BARRAGE_BANDWIDTH_INTERNATIONAL");

    private SpecOracle() {
    }

    static Expected bill(JsonNode req) {
        String plan = plan(req.get("plan").asText());
        YearMonth month = YearMonth.parse(req.get("billingMonth").asText());
        LocalDate t = req.has("planStartDate") ? LocalDate.parse(req.get("planStartDate").asText()) : month.atDay(1);
        JsonNode usage = req.has("usage") ? req.get("usage") : null;
        String postpaid = month.atDay(1) + ".." + month.atEndOfMonth() + "@" + month.plusMonths(1).atDay(3);
        boolean paid = !plan.equals("TRIAL");

        Map<Integer, String> lines = new TreeMap<>();
        Set<String> violations = new TreeSet<>();
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO};

        BigDecimal fee = new BigDecimal(switch (plan) {
            case "PRO" -> "999";
            case "FLAGSHIP" -> "2999";
            default -> "0";
        });
        line(lines, totals, "PLAN_FEE", fee, prepaid(t), true, true);

        // overage (1.2)
        Long dau = peak(usage, "peakDau", "dailyDau", "dau");
        Long groups = peak(usage, "peakGroups", "dailyGroups", "groups");
        if (paid) {
            if (dau != null && dau > 10_000) {
                line(lines, totals, "DAU_OVERAGE", blocks(dau - 10_000, 10_000).multiply(new BigDecimal(1000)),
                        postpaid, false, false);
            }
            if (groups != null && groups > 100_000) {
                line(lines, totals, "GROUP_OVERAGE", blocks(groups - 100_000, 100_000)
                        .multiply(new BigDecimal(1000)), postpaid, false, false);
            }
        }

        // add-ons (1.3, 1.5)
        Set<String> offered = new TreeSet<>();
        if (req.has("addOns")) {
            for (JsonNode a : req.get("addOns")) {
                String type = a.get("type").asText();
                if (!paid || (plan.equals("FLAGSHIP") && type.equals("AVCHATROOM_UNLIMITED"))) {
                    violations.add("ADDON_NOT_AVAILABLE " + type);
                    continue;
                }
                if (type.equals("HISTORY_STORAGE")) {
                    String price = history(plan, a.get("days").asInt());
                    if (price == null) {
                        violations.add("ADDON_OPTION_INVALID HISTORY_STORAGE");
                    } else {
                        line(lines, totals, "ADDON_HISTORY_STORAGE", new BigDecimal(price), postpaid, false, false);
                    }
                    continue;
                }
                offered.add(type);
                String price = switch (type) {
                    case "AVCHATROOM_UNLIMITED", "SECURITY_ADVANCED" -> "1000";
                    case "GROUP_MEMBER_CAP" -> "500";
                    default -> plan.equals("PRO") ? "1100" : "900";
                };
                LocalDate start = a.has("startDate") ? LocalDate.parse(a.get("startDate").asText()) : t;
                line(lines, totals, "ADDON_" + type, new BigDecimal(price), prepaid(start), true, false);
            }
        }

        // barrage (1.3)
        if (usage != null && usage.has("barrage")) {
            BigDecimal domestic = BigDecimal.ZERO;
            BigDecimal international = BigDecimal.ZERO;
            for (JsonNode day : usage.get("barrage")) {
                if (day.get("region").asText().equals("DOMESTIC")) {
                    domestic = domestic.add(day.get("peakMbps").decimalValue());
                } else {
                    international = international.add(day.get("peakMbps").decimalValue());
                }
            }
            if (!paid) {
                if (domestic.signum() > 0 || international.signum() > 0) {
                    violations.add("ADDON_NOT_AVAILABLE BARRAGE_BANDWIDTH");
                }
            } else {
                line(lines, totals, "BARRAGE_BANDWIDTH_DOMESTIC", domestic.multiply(new BigDecimal(2)), postpaid,
                        false, false);
                line(lines, totals, "BARRAGE_BANDWIDTH_INTERNATIONAL", international.multiply(new BigDecimal(4)),
                        postpaid, false, false);
            }
        }

        // limits (1.4)
        Map<String, Long> caps = caps(plan, offered);
        if (usage != null) {
            String[][] fields = {{"users", "USERS"}, {"maxFriendsPerUser", "FRIENDS_PER_USER"},
                    {"maxGroupsJoinedPerUser", "GROUPS_JOINED_PER_USER"}, {"maxMembersPerGroup", "MEMBERS_PER_GROUP"},
                    {"totalGroups", "TOTAL_GROUPS"}, {"avChatRooms", "AVCHATROOMS"},
                    {"maxDailyNetNewGroups", "DAILY_NET_NEW_GROUPS"},
                    {"maxDailyBroadcastGroups", "DAILY_BROADCAST_GROUPS"}};
            for (String[] f : fields) {
                if (usage.has(f[0]) && caps.containsKey(f[1]) && usage.get(f[0]).asLong() > caps.get(f[1])) {
                    violations.add("LIMIT_EXCEEDED " + f[1]);
                }
            }
        }
        if (!paid) {
            if (dau != null && dau > 100) {
                violations.add("LIMIT_EXCEEDED DAU");
            }
            if (groups != null && groups > 100) {
                violations.add("LIMIT_EXCEEDED PEAK_GROUPS");
            }
        }

        // restrictions (1.5)
        String previous = req.has("previousPlan") ? plan(req.get("previousPlan").asText()) : null;
        String requested = req.has("requestedPlan") ? plan(req.get("requestedPlan").asText()) : null;
        if (!paid && previous != null && !previous.equals("TRIAL")) {
            violations.add("DOWNGRADE_TO_TRIAL " + previous);
        }
        if (paid && "TRIAL".equals(requested)) {
            violations.add("DOWNGRADE_TO_TRIAL " + plan);
        }

        String total = totals[0].add(totals[1]).toPlainString();
        return new Expected(List.copyOf(lines.values()), violations,
                totals[0].toPlainString() + " " + totals[1].toPlainString() + " " + total);
    }

    private static void line(Map<Integer, String> lines, BigDecimal[] totals, String code, BigDecimal amount,
                             String period, boolean prepaid, boolean always) {
        BigDecimal money = amount.setScale(2, RoundingMode.HALF_UP);
        if (money.signum() > 0 || always) {
            lines.put(LINE_ORDER.indexOf(code), code + " " + money.toPlainString() + " " + period);
            totals[prepaid ? 0 : 1] = totals[prepaid ? 0 : 1].add(money);
        }
        totals[0] = totals[0].setScale(2);
        totals[1] = totals[1].setScale(2);
    }

    private static String prepaid(LocalDate t) {
        LocalDate end = t.getDayOfMonth() == 1 ? t.withDayOfMonth(t.lengthOfMonth())
                : lastDayBefore(t);
        return t + ".." + end + "@" + t;
    }

    /** Day T-1 of the next month, or that month's last day when it has no such day. */
    private static LocalDate lastDayBefore(LocalDate t) {
        YearMonth next = YearMonth.from(t).plusMonths(1);
        int day = t.getDayOfMonth() - 1;
        return day > next.lengthOfMonth() ? next.atEndOfMonth() : next.atDay(day);
    }

    private static BigDecimal blocks(long over, long block) {
        return BigDecimal.valueOf((over + block - 1) / block);
    }

    private static Long peak(JsonNode usage, String peak, String series, String value) {
        if (usage == null) {
            return null;
        }
        if (usage.has(peak)) {
            return usage.get(peak).asLong();
        }
        Long max = null;
        if (usage.has(series)) {
            for (JsonNode day : usage.get(series)) {
                max = max == null ? day.get(value).asLong() : Math.max(max, day.get(value).asLong());
            }
        }
        return max;
    }

    private static String history(String plan, int days) {
        if (plan.equals("PRO")) {
            return switch (days) {
                case 30 -> "500";
                case 90 -> "1000";
                case 180 -> "1500";
                case 360 -> "2500";
                default -> null;
            };
        }
        return switch (days) {
            case 90 -> "500";
            case 180 -> "1000";
            case 360 -> "2000";
            default -> null;
        };
    }

    private static Map<String, Long> caps(String plan, Set<String> offered) {
        Map<String, Long> caps = new TreeMap<>();
        switch (plan) {
            case "TRIAL" -> {
                caps.put("USERS", 100L);
                caps.put("FRIENDS_PER_USER", 20L);
                caps.put("GROUPS_JOINED_PER_USER", 50L);
                caps.put("MEMBERS_PER_GROUP", 20L);
                caps.put("TOTAL_GROUPS", 100L);
                caps.put("AVCHATROOMS", 10L);
                caps.put("DAILY_NET_NEW_GROUPS", 100L);
            }
            case "PRO" -> {
                caps.put("FRIENDS_PER_USER", 3000L);
                caps.put("GROUPS_JOINED_PER_USER", offered.contains("GROUPS_PER_USER") ? 1000L : 500L);
                caps.put("MEMBERS_PER_GROUP", offered.contains("GROUP_MEMBER_CAP") ? 2000L : 200L);
                if (!offered.contains("AVCHATROOM_UNLIMITED")) {
                    caps.put("AVCHATROOMS", 50L);
                }
                caps.put("DAILY_NET_NEW_GROUPS", 10_000L);
            }
            default -> {
                caps.put("FRIENDS_PER_USER", 3000L);
                caps.put("GROUPS_JOINED_PER_USER", offered.contains("GROUPS_PER_USER") ? 3000L : 1000L);
                caps.put("MEMBERS_PER_GROUP", offered.contains("GROUP_MEMBER_CAP") ? 6000L : 2000L);
                caps.put("DAILY_NET_NEW_GROUPS", 10_000L);
            }
        }
        caps.put("DAILY_BROADCAST_GROUPS", 5L);
        return caps;
    }

    private static String plan(String text) {
        return switch (text) {
            case "体验版" -> "TRIAL";
            case "专业版" -> "PRO";
            case "旗舰版" -> "FLAGSHIP";
            default -> text;
        };
    }

    static List<String> lines(im.tariff.model.Bill bill) {
        List<String> out = new ArrayList<>();
        for (im.tariff.model.ChargeLine l : bill.lines()) {
            out.add(l.code() + " " + l.amount().toPlainString() + " " + l.periodStart() + ".." + l.periodEnd() + "@"
                    + l.chargeDate());
        }
        return out;
    }
}
