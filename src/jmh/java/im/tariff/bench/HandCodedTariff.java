package im.tariff.bench;

import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import im.tariff.model.DailyUsage;
import im.tariff.model.Severity;
import im.tariff.model.Usage;
import im.tariff.model.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COMPARISON BASELINE ONLY -- NOT PRODUCT CODE. The tariff of rules/*.drl written by hand in plain Java, so
 * the benchmarks can state how fast the rule engine is against code written by hand (issue 5 asks for at least
 * half of its throughput). It lives in the benchmark source folder, is compiled only under -Pbench and is never
 * part of the tool. The tariff numbers, names and labels below are copied from rules/ on purpose (catalog.drl
 * for names, labels, currency and the order of lines and violations); the rules stay the authority.
 * It produces the same bills as the rules (same lines, texts and rule names), which bench/compare.sh checks.
 */
public final class HandCodedTariff {

    private static final String TRIAL = "TRIAL";
    private static final String PRO = "PRO";
    private static final String FLAGSHIP = "FLAGSHIP";
    private static final String CURRENCY = "CNY";

    // line and violation codes (rules/catalog.drl)
    private static final String PLAN_FEE = "PLAN_FEE";
    private static final String DAU_OVERAGE = "DAU_OVERAGE";
    private static final String GROUP_OVERAGE = "GROUP_OVERAGE";
    private static final String ADDON_AVCHATROOM_UNLIMITED = "ADDON_AVCHATROOM_UNLIMITED";
    private static final String ADDON_GROUP_MEMBER_CAP = "ADDON_GROUP_MEMBER_CAP";
    private static final String ADDON_GROUPS_PER_USER = "ADDON_GROUPS_PER_USER";
    private static final String ADDON_SECURITY_ADVANCED = "ADDON_SECURITY_ADVANCED";
    private static final String ADDON_HISTORY_STORAGE = "ADDON_HISTORY_STORAGE";
    private static final String BARRAGE_BANDWIDTH_DOMESTIC = "BARRAGE_BANDWIDTH_DOMESTIC";
    private static final String BARRAGE_BANDWIDTH_INTERNATIONAL = "BARRAGE_BANDWIDTH_INTERNATIONAL";
    private static final String ADDON_NOT_AVAILABLE = "ADDON_NOT_AVAILABLE";
    private static final String ADDON_OPTION_INVALID = "ADDON_OPTION_INVALID";
    private static final String DOWNGRADE_TO_TRIAL = "DOWNGRADE_TO_TRIAL";
    private static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";
    private static final String USAGE_NOT_PRICED = "USAGE_NOT_PRICED";

    private static final List<String> LINE_CODES = List.of(PLAN_FEE, DAU_OVERAGE, GROUP_OVERAGE,
            ADDON_AVCHATROOM_UNLIMITED, ADDON_GROUP_MEMBER_CAP, ADDON_GROUPS_PER_USER, ADDON_SECURITY_ADVANCED,
            ADDON_HISTORY_STORAGE, BARRAGE_BANDWIDTH_DOMESTIC, BARRAGE_BANDWIDTH_INTERNATIONAL);
    private static final List<String> VIOLATION_CODES = List.of(ADDON_NOT_AVAILABLE, ADDON_OPTION_INVALID,
            DOWNGRADE_TO_TRIAL, LIMIT_EXCEEDED, USAGE_NOT_PRICED);
    private static final Map<String, Integer> LINE_RANK = rank(LINE_CODES);
    private static final Map<String, Integer> VIOLATION_RANK = rank(VIOLATION_CODES);

    private static final Map<String, String> PLAN_NAMES = Map.of(TRIAL, "体验版", PRO, "专业版", FLAGSHIP, "旗舰版");
    private static final Map<String, String> ADDON_NAMES = Map.of(
            "AVCHATROOM_UNLIMITED", "扩展直播群创建数量至无上限",
            "GROUP_MEMBER_CAP", "扩展单个群成员数上限",
            "GROUPS_PER_USER", "扩展单个用户可加入群组数上限",
            "SECURITY_ADVANCED", "安全打击服务 - 高级版",
            "HISTORY_STORAGE", "延长历史消息存储时长");
    private static final Map<String, String> METER_LABELS = Map.ofEntries(
            Map.entry("USERS", "注册用户数"),
            Map.entry("FRIENDS_PER_USER", "单个用户好友人数"),
            Map.entry("GROUPS_JOINED_PER_USER", "单个用户可加入群组数"),
            Map.entry("MEMBERS_PER_GROUP", "单个群成员数（非直播群）"),
            Map.entry("TOTAL_GROUPS", "群组总数（解散后不计）"),
            Map.entry("AVCHATROOMS", "直播群个数"),
            Map.entry("DAILY_NET_NEW_GROUPS", "日净增群组数"),
            Map.entry("DAILY_BROADCAST_GROUPS", "日净增在线成员广播大群数"),
            Map.entry("DAU", "峰值 DAU"),
            Map.entry("PEAK_GROUPS", "峰值群组数"),
            Map.entry("BARRAGE_BANDWIDTH", "直播群弹幕带宽"));

    private static final BigDecimal BLOCK_PRICE = new BigDecimal("1000.00");
    private static final Comparator<ChargeLine> LINE_ORDER = Comparator
            .<ChargeLine>comparingInt(l -> LINE_RANK.getOrDefault(l.code(), Integer.MAX_VALUE))
            .thenComparing(ChargeLine::code)
            .thenComparing(ChargeLine::periodStart).thenComparing(l -> String.valueOf(l.rule()));
    private static final Comparator<Violation> VIOLATION_ORDER = Comparator
            .<Violation>comparingInt(v -> VIOLATION_RANK.getOrDefault(v.code(), Integer.MAX_VALUE))
            .thenComparing(Violation::code)
            .thenComparing(Violation::subject).thenComparing(v -> String.valueOf(v.rule()));

    private final String version;

    public HandCodedTariff(String version) {
        this.version = version;
    }

    private static Map<String, Integer> rank(List<String> codes) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            m.put(codes.get(i), i);
        }
        return Map.copyOf(m);
    }

    private static String planName(String plan) {
        return PLAN_NAMES.getOrDefault(plan, plan);
    }

    public Bill evaluate(BillRequest request) {
        Account a = request.account();
        String plan = a.plan();
        boolean pro = PRO.equals(plan);
        boolean flagship = FLAGSHIP.equals(plan);
        boolean trial = TRIAL.equals(plan);
        boolean paid = pro || flagship;
        YearMonth month = a.billingMonth();
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.atEndOfMonth();
        LocalDate postpaidCharge = month.plusMonths(1).atDay(3);
        LocalDate planStart = a.planStartDate() != null ? a.planStartDate() : monthStart;
        List<ChargeLine> lines = new ArrayList<>(6);
        List<Violation> violations = new ArrayList<>(4);

        // plans.drl
        if (trial) {
            lines.add(prepaid(PLAN_FEE, planStart, "0.00", "体验版套餐包（免费）", "体验版套餐包费用"));
        } else if (pro) {
            lines.add(prepaid(PLAN_FEE, planStart, "999.00", "专业版套餐包", "专业版套餐包费用"));
        } else if (flagship) {
            lines.add(prepaid(PLAN_FEE, planStart, "2999.00", "旗舰版套餐包", "旗舰版套餐包费用"));
        }

        // addons.drl
        boolean hasGroupMemberCap = false;
        boolean hasGroupsPerUser = false;
        boolean hasAvUnlimited = false;
        AddOn history = null;
        boolean historyCharged = false;
        String prefix = pro ? "专业版 " : "旗舰版 ";
        for (AddOn addOn : request.addOns()) {
            LocalDate start = addOn.startDate() != null ? addOn.startDate() : planStart;
            switch (addOn.type()) {
                case "AVCHATROOM_UNLIMITED" -> {
                    hasAvUnlimited = true;
                    if (pro) {
                        lines.add(prepaid(ADDON_AVCHATROOM_UNLIMITED, start, "1000.00",
                                "扩展直播群创建数量至无上限", "专业版 扩展直播群创建数量至无上限"));
                    } else if (flagship) {
                        violations.add(violation(ADDON_NOT_AVAILABLE, addOn.type(),
                                "旗舰版不提供此增值服务（直播群已无上限），不收费", "旗舰版不提供扩展直播群"));
                    }
                }
                case "GROUP_MEMBER_CAP" -> {
                    hasGroupMemberCap = true;
                    if (paid) {
                        lines.add(prepaid(ADDON_GROUP_MEMBER_CAP, start, "500.00", "扩展单个群成员数上限",
                                prefix + "扩展单个群成员数上限"));
                    }
                }
                case "GROUPS_PER_USER" -> {
                    hasGroupsPerUser = true;
                    if (paid) {
                        lines.add(prepaid(ADDON_GROUPS_PER_USER, start, pro ? "1100.00" : "900.00",
                                "扩展单个用户可加入群组数上限", prefix + "扩展单个用户可加入群组数上限"));
                    }
                }
                case "SECURITY_ADVANCED" -> {
                    if (paid) {
                        lines.add(prepaid(ADDON_SECURITY_ADVANCED, start, "1000.00", "安全打击服务 - 高级版",
                                prefix + "安全打击服务高级版"));
                    }
                }
                case "HISTORY_STORAGE" -> {
                    history = addOn;
                    String price = paid ? historyPrice(pro, addOn.option()) : null;
                    if (price != null) {
                        historyCharged = true;
                        lines.add(postpaid(ADDON_HISTORY_STORAGE, monthStart, monthEnd, postpaidCharge,
                                BigDecimal.ONE, new BigDecimal(price), "延长历史消息存储至 " + addOn.option() + " 天，整月",
                                prefix + "延长历史消息存储 " + addOn.option() + "天"));
                    }
                }
                default -> {
                }
            }
            if (trial) {
                violations.add(violation(ADDON_NOT_AVAILABLE, addOn.type(), "体验版不支持使用增值服务："
                        + ADDON_NAMES.getOrDefault(addOn.type(), addOn.type()) + "，不收费", "体验版不支持增值服务"));
            }
        }
        if (paid && history != null && !historyCharged) {
            int free = pro ? 7 : 30;
            violations.add(violation(ADDON_OPTION_INVALID, history.type(),
                    planName(plan) + "不提供 " + history.option() + " 天的历史消息存储（免费存储 " + free + " 天），不收费",
                    "历史消息存储：套餐不提供所选天数"));
        }

        // usage.drl: peaks from the daily series; barrage days are summed below
        Map<String, Long> used = new HashMap<>();
        for (Usage u : request.usage()) {
            used.put(u.meter(), u.value());
        }
        BigDecimal domestic = BigDecimal.ZERO; // like DailyUsage.total: a sum from 0
        BigDecimal international = BigDecimal.ZERO;
        boolean barrage = false;
        boolean barragePositive = false;
        for (DailyUsage d : request.daily()) {
            if ("BARRAGE_BANDWIDTH".equals(d.meter())) {
                barrage = true;
                if (d.value().signum() > 0) {
                    barragePositive = true;
                }
                if ("DOMESTIC".equals(d.key())) {
                    domestic = domestic.add(d.value());
                } else if ("INTERNATIONAL".equals(d.key())) {
                    international = international.add(d.value());
                }
            } else {
                used.merge(d.meter(), d.value().longValueExact(), Math::max);
            }
        }

        // overage.drl
        if (paid) {
            overage(used.get("DAU"), 10_000, 10_000, DAU_OVERAGE, METER_LABELS.get("DAU"), "峰值DAU 超量费用",
                    monthStart, monthEnd, postpaidCharge, lines);
            overage(used.get("PEAK_GROUPS"), 100_000, 100_000, GROUP_OVERAGE, METER_LABELS.get("PEAK_GROUPS"),
                    "峰值群组数 超量费用", monthStart, monthEnd, postpaidCharge, lines);
        }

        // barrage.drl
        if (barrage) {
            if (paid) {
                lines.add(postpaid(BARRAGE_BANDWIDTH_DOMESTIC, monthStart, monthEnd, postpaidCharge, domestic,
                        new BigDecimal("2.00"), "国内弹幕带宽：各日峰值合计 " + domestic.toPlainString()
                                + " Mbps·天 × 2.00 元/Mbps/天", "国内弹幕带宽 日单价"));
                lines.add(postpaid(BARRAGE_BANDWIDTH_INTERNATIONAL, monthStart, monthEnd, postpaidCharge,
                        international, new BigDecimal("4.00"), "国际弹幕带宽：各日峰值合计 "
                                + international.toPlainString() + " Mbps·天 × 4.00 元/Mbps/天", "国际弹幕带宽 日单价"));
            } else if (trial && barragePositive) {
                violations.add(violation(ADDON_NOT_AVAILABLE, "BARRAGE_BANDWIDTH",
                        "体验版不支持使用增值服务：直播群弹幕带宽，不收费", "体验版不支持弹幕带宽"));
            }
        }

        // limits.drl
        Map<String, Long> caps = new LinkedHashMap<>();
        if (trial) {
            caps.put("USERS", 100L);
            caps.put("FRIENDS_PER_USER", 20L);
            caps.put("GROUPS_JOINED_PER_USER", 50L);
            caps.put("MEMBERS_PER_GROUP", 20L);
            caps.put("TOTAL_GROUPS", 100L);
            caps.put("AVCHATROOMS", 10L);
            caps.put("DAILY_NET_NEW_GROUPS", 100L);
            caps.put("DAILY_BROADCAST_GROUPS", 5L);
            caps.put("DAU", 100L);
            caps.put("PEAK_GROUPS", 100L);
        } else if (pro) {
            caps.put("FRIENDS_PER_USER", 3000L);
            caps.put("DAILY_NET_NEW_GROUPS", 10_000L);
            caps.put("DAILY_BROADCAST_GROUPS", 5L);
            caps.put("GROUPS_JOINED_PER_USER", hasGroupsPerUser ? 1000L : 500L);
            caps.put("MEMBERS_PER_GROUP", hasGroupMemberCap ? 2000L : 200L);
            if (!hasAvUnlimited) {
                caps.put("AVCHATROOMS", 50L);
            }
        } else if (flagship) {
            caps.put("FRIENDS_PER_USER", 3000L);
            caps.put("DAILY_NET_NEW_GROUPS", 10_000L);
            caps.put("DAILY_BROADCAST_GROUPS", 5L);
            caps.put("GROUPS_JOINED_PER_USER", hasGroupsPerUser ? 3000L : 1000L);
            caps.put("MEMBERS_PER_GROUP", hasGroupMemberCap ? 6000L : 2000L);
        }
        for (Map.Entry<String, Long> cap : caps.entrySet()) {
            Long value = used.get(cap.getKey());
            if (value != null && value > cap.getValue()) {
                violations.add(violation(LIMIT_EXCEEDED, cap.getKey(), planName(plan)
                        + METER_LABELS.get(cap.getKey()) + " " + value + " 超出上限 " + cap.getValue(), "用量超出套餐上限"));
            }
        }

        // restrictions.drl
        String previous = a.previousPlan();
        if (trial && (PRO.equals(previous) || FLAGSHIP.equals(previous))) {
            violations.add(violation(DOWNGRADE_TO_TRIAL, previous, "应用曾使用" + planName(previous)
                    + "，不支持退回体验版；如需体验版请创建新应用", "不支持退回体验版：当前为体验版，之前为付费套餐"));
        }
        if (TRIAL.equals(a.requestedPlan()) && paid) {
            violations.add(violation(DOWNGRADE_TO_TRIAL, plan, "当前为" + planName(plan)
                    + "，不支持退回体验版；如需体验版请创建新应用", "不支持退回体验版：申请从付费套餐改为体验版"));
        }
        return assemble(a, lines, violations);
    }

    private static String historyPrice(boolean pro, Long days) {
        long d = days == null ? -1 : days;
        if (pro) {
            return d == 30 ? "500.00" : d == 90 ? "1000.00" : d == 180 ? "1500.00" : d == 360 ? "2500.00" : null;
        }
        return d == 90 ? "500.00" : d == 180 ? "1000.00" : d == 360 ? "2000.00" : null;
    }

    private static void overage(Long peak, long free, long block, String code, String label, String rule,
                                LocalDate start, LocalDate end, LocalDate charge, List<ChargeLine> lines) {
        if (peak == null || peak <= free) {
            return;
        }
        long above = peak - free;
        long blocks = above / block + (above % block == 0 ? 0 : 1);
        lines.add(postpaid(code, start, end, charge, BigDecimal.valueOf(blocks), BLOCK_PRICE, label + " " + peak
                + " 超出免费额度 " + free + "：" + blocks + " × " + block + "，每 " + block + " 个 "
                + BLOCK_PRICE.toPlainString() + " 元", rule));
    }

    private static ChargeLine prepaid(String code, LocalDate t, String unitPrice, String label, String rule) {
        LocalDate end = t.getDayOfMonth() == 1 ? t.withDayOfMonth(t.lengthOfMonth()) : t.minusDays(1).plusMonths(1);
        BigDecimal price = new BigDecimal(unitPrice);
        return new ChargeLine(code, BillingMode.PREPAID, BigDecimal.ONE, price,
                price.setScale(ChargeLine.MONEY_SCALE, RoundingMode.HALF_UP), t, end, t, rule,
                label + " " + t + " 至 " + end, null, null);
    }

    private static ChargeLine postpaid(String code, LocalDate start, LocalDate end, LocalDate charge,
                                       BigDecimal quantity, BigDecimal price, String description, String rule) {
        return new ChargeLine(code, BillingMode.POSTPAID, quantity, price,
                quantity.multiply(price).setScale(ChargeLine.MONEY_SCALE, RoundingMode.HALF_UP), start, end, charge,
                rule, description, null, null);
    }

    private static Violation violation(String code, String subject, String message, String rule) {
        return new Violation(code, subject, Severity.ERROR, rule, message);
    }

    private Bill assemble(Account account, List<ChargeLine> all, List<Violation> allViolations) {
        List<ChargeLine> lines = new ArrayList<>(all.size());
        for (ChargeLine line : all) {
            if (PLAN_FEE.equals(line.code()) || line.amount().signum() > 0) {
                lines.add(line);
            }
        }
        lines.sort(LINE_ORDER);
        allViolations.sort(VIOLATION_ORDER);
        List<Violation> violations = new ArrayList<>(allViolations.size());
        Set<String> seen = new HashSet<>();
        for (Violation v : allViolations) {
            if (seen.add(v.code() + "\u0000" + v.subject())) {
                violations.add(v);
            }
        }
        return new Bill(account.appId(), account.billingMonth(), account.plan(), CURRENCY, List.copyOf(lines),
                List.copyOf(violations), Bill.totalsOf(lines), version);
    }
}
