package im.tariff.bench;

import im.tariff.model.Account;
import im.tariff.model.AddOn;
import im.tariff.model.AddOnType;
import im.tariff.model.BarrageDay;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import im.tariff.model.DailyCount;
import im.tariff.model.LineCode;
import im.tariff.model.Metric;
import im.tariff.model.Plan;
import im.tariff.model.Region;
import im.tariff.model.Severity;
import im.tariff.model.UsageCount;
import im.tariff.model.Violation;
import im.tariff.model.ViolationCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COMPARISON BASELINE ONLY -- NOT PRODUCT CODE. The tariff of rules/*.drl written by hand in plain Java, so
 * the benchmarks can state how fast the rule engine is against code written by hand (issue 5 asks for at least
 * half of its throughput). It lives in the benchmark source folder, is compiled only under -Pbench and is never
 * part of the tool. The tariff numbers below are copied from rules/ on purpose; the rules stay the authority.
 * It produces the same bills as the rules (same lines, texts and rule names), which bench/compare.sh checks.
 */
public final class HandCodedTariff {

    private static final BigDecimal BLOCK_PRICE = new BigDecimal("1000.00");
    private static final Comparator<ChargeLine> LINE_ORDER = Comparator.comparing(ChargeLine::code)
            .thenComparing(ChargeLine::periodStart).thenComparing(l -> String.valueOf(l.rule()));
    private static final Comparator<Violation> VIOLATION_ORDER = Comparator.comparing(Violation::code)
            .thenComparing(Violation::subject).thenComparing(v -> String.valueOf(v.rule()));

    private final String version;

    public HandCodedTariff(String version) {
        this.version = version;
    }

    public Bill evaluate(BillRequest request) {
        Account a = request.account();
        Plan plan = a.plan();
        boolean paid = plan != Plan.TRIAL;
        YearMonth month = a.billingMonth();
        LocalDate monthStart = month.atDay(1);
        LocalDate monthEnd = month.atEndOfMonth();
        LocalDate postpaidCharge = month.plusMonths(1).atDay(3);
        LocalDate planStart = a.planStartDate() != null ? a.planStartDate() : monthStart;
        List<ChargeLine> lines = new ArrayList<>(6);
        List<Violation> violations = new ArrayList<>(4);

        // plans.drl
        switch (plan) {
            case TRIAL -> lines.add(prepaid(LineCode.PLAN_FEE, planStart, "0.00", "体验版套餐包（免费）", "体验版套餐包费用"));
            case PRO -> lines.add(prepaid(LineCode.PLAN_FEE, planStart, "999.00", "专业版套餐包", "专业版套餐包费用"));
            case FLAGSHIP -> lines.add(prepaid(LineCode.PLAN_FEE, planStart, "2999.00", "旗舰版套餐包", "旗舰版套餐包费用"));
        }

        // addons.drl
        boolean hasGroupMemberCap = false;
        boolean hasGroupsPerUser = false;
        boolean hasAvUnlimited = false;
        AddOn history = null;
        boolean historyCharged = false;
        for (AddOn addOn : request.addOns()) {
            LocalDate start = addOn.startDate() != null ? addOn.startDate() : planStart;
            String prefix = plan == Plan.PRO ? "专业版 " : "旗舰版 ";
            switch (addOn.type()) {
                case AVCHATROOM_UNLIMITED -> {
                    hasAvUnlimited = true;
                    if (plan == Plan.PRO) {
                        lines.add(prepaid(LineCode.ADDON_AVCHATROOM_UNLIMITED, start, "1000.00",
                                "扩展直播群创建数量至无上限", "专业版 扩展直播群创建数量至无上限"));
                    } else if (plan == Plan.FLAGSHIP) {
                        violations.add(violation(ViolationCode.ADDON_NOT_AVAILABLE, addOn.type().name(),
                                "旗舰版不提供此增值服务（直播群已无上限），不收费", "旗舰版不提供扩展直播群"));
                    }
                }
                case GROUP_MEMBER_CAP -> {
                    hasGroupMemberCap = true;
                    if (paid) {
                        lines.add(prepaid(LineCode.ADDON_GROUP_MEMBER_CAP, start, "500.00", "扩展单个群成员数上限",
                                prefix + "扩展单个群成员数上限"));
                    }
                }
                case GROUPS_PER_USER -> {
                    hasGroupsPerUser = true;
                    if (paid) {
                        lines.add(prepaid(LineCode.ADDON_GROUPS_PER_USER, start, plan == Plan.PRO ? "1100.00" : "900.00",
                                "扩展单个用户可加入群组数上限", prefix + "扩展单个用户可加入群组数上限"));
                    }
                }
                case SECURITY_ADVANCED -> {
                    if (paid) {
                        lines.add(prepaid(LineCode.ADDON_SECURITY_ADVANCED, start, "1000.00", "安全打击服务 - 高级版",
                                prefix + "安全打击服务高级版"));
                    }
                }
                case HISTORY_STORAGE -> {
                    history = addOn;
                    String price = paid ? historyPrice(plan, addOn.days()) : null;
                    if (price != null) {
                        historyCharged = true;
                        lines.add(postpaid(LineCode.ADDON_HISTORY_STORAGE, monthStart, monthEnd, postpaidCharge,
                                BigDecimal.ONE, new BigDecimal(price), "延长历史消息存储至 " + addOn.days() + " 天，整月",
                                prefix + "延长历史消息存储 " + addOn.days() + "天"));
                    }
                }
            }
            if (!paid) {
                violations.add(violation(ViolationCode.ADDON_NOT_AVAILABLE, addOn.type().name(),
                        "体验版不支持使用增值服务：" + addOn.type().getChineseName() + "，不收费", "体验版不支持增值服务"));
            }
        }
        if (paid && history != null && !historyCharged) {
            int free = plan == Plan.PRO ? 7 : 30;
            violations.add(violation(ViolationCode.ADDON_OPTION_INVALID, AddOnType.HISTORY_STORAGE.name(),
                    plan.getChineseName() + "不提供 " + history.days() + " 天的历史消息存储（免费存储 " + free + " 天），不收费",
                    "历史消息存储：套餐不提供所选天数"));
        }

        // usage.drl: peaks from the daily series
        Map<Metric, Long> used = new EnumMap<>(Metric.class);
        for (UsageCount c : request.counts()) {
            used.put(c.metric(), c.value());
        }
        for (DailyCount d : request.daily()) {
            used.merge(d.metric(), d.value(), Math::max);
        }

        // overage.drl
        if (paid) {
            overage(used.get(Metric.DAU), 10_000, 10_000, LineCode.DAU_OVERAGE, "峰值 DAU ", "峰值DAU 超量费用",
                    monthStart, monthEnd, postpaidCharge, lines);
            overage(used.get(Metric.PEAK_GROUPS), 100_000, 100_000, LineCode.GROUP_OVERAGE, "峰值群组数 ",
                    "峰值群组数 超量费用", monthStart, monthEnd, postpaidCharge, lines);
        }

        // barrage.drl
        if (!request.barrage().isEmpty()) {
            if (paid) {
                BigDecimal domestic = null; // like BarrageDay.totalMbps: a sum from 0
                BigDecimal international = null;
                for (BarrageDay b : request.barrage()) {
                    if (b.region() == Region.DOMESTIC) {
                        domestic = (domestic == null ? BigDecimal.ZERO : domestic).add(b.peakMbps());
                    } else {
                        international = (international == null ? BigDecimal.ZERO : international).add(b.peakMbps());
                    }
                }
                if (domestic != null) {
                    lines.add(postpaid(LineCode.BARRAGE_BANDWIDTH_DOMESTIC, monthStart, monthEnd, postpaidCharge, domestic,
                            new BigDecimal("2.00"), "国内弹幕带宽：各日峰值合计 " + domestic.toPlainString()
                                    + " Mbps·天 × 2.00 元/Mbps/天", "国内弹幕带宽 日单价"));
                }
                if (international != null) {
                    lines.add(postpaid(LineCode.BARRAGE_BANDWIDTH_INTERNATIONAL, monthStart, monthEnd, postpaidCharge,
                            international, new BigDecimal("4.00"), "国际弹幕带宽：各日峰值合计 "
                                    + international.toPlainString() + " Mbps·天 × 4.00 元/Mbps/天", "国际弹幕带宽 日单价"));
                }
            } else {
                for (BarrageDay b : request.barrage()) {
                    if (b.peakMbps().signum() > 0) {
                        violations.add(violation(ViolationCode.ADDON_NOT_AVAILABLE, "BARRAGE_BANDWIDTH",
                                "体验版不支持使用增值服务：直播群弹幕带宽，不收费", "体验版不支持弹幕带宽"));
                        break;
                    }
                }
            }
        }

        // limits.drl
        Map<Metric, Long> caps = new EnumMap<>(Metric.class);
        switch (plan) {
            case TRIAL -> {
                caps.put(Metric.USERS, 100L);
                caps.put(Metric.FRIENDS_PER_USER, 20L);
                caps.put(Metric.GROUPS_JOINED_PER_USER, 50L);
                caps.put(Metric.MEMBERS_PER_GROUP, 20L);
                caps.put(Metric.TOTAL_GROUPS, 100L);
                caps.put(Metric.AVCHATROOMS, 10L);
                caps.put(Metric.DAILY_NET_NEW_GROUPS, 100L);
                caps.put(Metric.DAILY_BROADCAST_GROUPS, 5L);
                caps.put(Metric.DAU, 100L);
                caps.put(Metric.PEAK_GROUPS, 100L);
            }
            case PRO -> {
                caps.put(Metric.FRIENDS_PER_USER, 3000L);
                caps.put(Metric.DAILY_NET_NEW_GROUPS, 10_000L);
                caps.put(Metric.DAILY_BROADCAST_GROUPS, 5L);
                caps.put(Metric.GROUPS_JOINED_PER_USER, hasGroupsPerUser ? 1000L : 500L);
                caps.put(Metric.MEMBERS_PER_GROUP, hasGroupMemberCap ? 2000L : 200L);
                if (!hasAvUnlimited) {
                    caps.put(Metric.AVCHATROOMS, 50L);
                }
            }
            case FLAGSHIP -> {
                caps.put(Metric.FRIENDS_PER_USER, 3000L);
                caps.put(Metric.DAILY_NET_NEW_GROUPS, 10_000L);
                caps.put(Metric.DAILY_BROADCAST_GROUPS, 5L);
                caps.put(Metric.GROUPS_JOINED_PER_USER, hasGroupsPerUser ? 3000L : 1000L);
                caps.put(Metric.MEMBERS_PER_GROUP, hasGroupMemberCap ? 6000L : 2000L);
            }
        }
        for (Map.Entry<Metric, Long> cap : caps.entrySet()) {
            Long value = used.get(cap.getKey());
            if (value != null && value > cap.getValue()) {
                violations.add(violation(ViolationCode.LIMIT_EXCEEDED, cap.getKey().name(), plan.getChineseName()
                        + cap.getKey().getLabel() + " " + value + " 超出上限 " + cap.getValue(), "用量超出套餐上限"));
            }
        }

        // restrictions.drl
        if (plan == Plan.TRIAL && (a.previousPlan() == Plan.PRO || a.previousPlan() == Plan.FLAGSHIP)) {
            violations.add(violation(ViolationCode.DOWNGRADE_TO_TRIAL, a.previousPlan().name(), "应用曾使用"
                    + a.previousPlan().getChineseName() + "，不支持退回体验版；如需体验版请创建新应用",
                    "不支持退回体验版：当前为体验版，之前为付费套餐"));
        }
        if (a.requestedPlan() == Plan.TRIAL && paid) {
            violations.add(violation(ViolationCode.DOWNGRADE_TO_TRIAL, plan.name(), "当前为" + plan.getChineseName()
                    + "，不支持退回体验版；如需体验版请创建新应用", "不支持退回体验版：申请从付费套餐改为体验版"));
        }
        return assemble(a, lines, violations);
    }

    private static String historyPrice(Plan plan, Integer days) {
        int d = days == null ? -1 : days;
        if (plan == Plan.PRO) {
            return switch (d) {
                case 30 -> "500.00";
                case 90 -> "1000.00";
                case 180 -> "1500.00";
                case 360 -> "2500.00";
                default -> null;
            };
        }
        return switch (d) {
            case 90 -> "500.00";
            case 180 -> "1000.00";
            case 360 -> "2000.00";
            default -> null;
        };
    }

    private static void overage(Long peak, long free, long block, LineCode code, String label, String rule,
                                LocalDate start, LocalDate end, LocalDate charge, List<ChargeLine> lines) {
        if (peak == null || peak <= free) {
            return;
        }
        long blocks = (peak - free + block - 1) / block;
        lines.add(postpaid(code, start, end, charge, BigDecimal.valueOf(blocks), BLOCK_PRICE, label + peak + " 超出免费额度 "
                + free + "：" + blocks + " × " + block + "，每 " + block + " 个 " + BLOCK_PRICE + " 元", rule));
    }

    private static ChargeLine prepaid(LineCode code, LocalDate t, String unitPrice, String label, String rule) {
        LocalDate end = t.getDayOfMonth() == 1 ? t.withDayOfMonth(t.lengthOfMonth()) : t.minusDays(1).plusMonths(1);
        BigDecimal price = new BigDecimal(unitPrice);
        return new ChargeLine(code, BillingMode.PREPAID, BigDecimal.ONE, price,
                price.setScale(ChargeLine.MONEY_SCALE, RoundingMode.HALF_UP), t, end, t, rule,
                label + " " + t + " 至 " + end);
    }

    private static ChargeLine postpaid(LineCode code, LocalDate start, LocalDate end, LocalDate charge,
                                       BigDecimal quantity, BigDecimal price, String description, String rule) {
        return new ChargeLine(code, BillingMode.POSTPAID, quantity, price,
                quantity.multiply(price).setScale(ChargeLine.MONEY_SCALE, RoundingMode.HALF_UP), start, end, charge,
                rule, description);
    }

    private static Violation violation(ViolationCode code, String subject, String message, String rule) {
        return new Violation(code, subject, Severity.ERROR, rule, message);
    }

    private Bill assemble(Account account, List<ChargeLine> all, List<Violation> allViolations) {
        List<ChargeLine> lines = new ArrayList<>(all.size());
        for (ChargeLine line : all) {
            if (line.code() == LineCode.PLAN_FEE || line.amount().signum() > 0) {
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
        return new Bill(account.appId(), account.billingMonth(), account.plan(), Bill.CURRENCY, List.copyOf(lines),
                List.copyOf(violations), Bill.totalsOf(lines), version);
    }
}
