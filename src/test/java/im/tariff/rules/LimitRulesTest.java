package im.tariff.rules;

import static im.tariff.engine.Bills.codes;
import static im.tariff.engine.Bills.totals;
import static im.tariff.engine.Bills.violation;
import static im.tariff.engine.Bills.violations;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.engine.Req;
import im.tariff.model.Bill;
import im.tariff.model.LineCode;
import im.tariff.model.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * rules/limits.drl (SPEC 1.4): usage above a plan limit is a LIMIT_EXCEEDED violation (exactly at the cap is
 * fine); an add-on the plan offers raises its limit; a violation never changes a charge.
 */
class LimitRulesTest {

    /** plan, JSON usage field, limit code, cap, add-on that is ordered ('' = none). */
    @ParameterizedTest(name = "{0} {1} cap {3} {4}")
    @CsvSource({
            "TRIAL, users, USERS, 100, ''",
            "TRIAL, maxFriendsPerUser, FRIENDS_PER_USER, 20, ''",
            "TRIAL, maxGroupsJoinedPerUser, GROUPS_JOINED_PER_USER, 50, ''",
            "TRIAL, maxMembersPerGroup, MEMBERS_PER_GROUP, 20, ''",
            "TRIAL, totalGroups, TOTAL_GROUPS, 100, ''",
            "TRIAL, avChatRooms, AVCHATROOMS, 10, ''",
            "TRIAL, maxDailyNetNewGroups, DAILY_NET_NEW_GROUPS, 100, ''",
            "TRIAL, maxDailyBroadcastGroups, DAILY_BROADCAST_GROUPS, 5, ''",
            "TRIAL, peakDau, DAU, 100, ''",
            "TRIAL, peakGroups, PEAK_GROUPS, 100, ''",
            // an add-on TRIAL does not offer raises nothing
            "TRIAL, maxMembersPerGroup, MEMBERS_PER_GROUP, 20, GROUP_MEMBER_CAP",
            "TRIAL, maxGroupsJoinedPerUser, GROUPS_JOINED_PER_USER, 50, GROUPS_PER_USER",
            "TRIAL, avChatRooms, AVCHATROOMS, 10, AVCHATROOM_UNLIMITED",
            "PRO, maxFriendsPerUser, FRIENDS_PER_USER, 3000, ''",
            "PRO, maxGroupsJoinedPerUser, GROUPS_JOINED_PER_USER, 500, ''",
            "PRO, maxGroupsJoinedPerUser, GROUPS_JOINED_PER_USER, 1000, GROUPS_PER_USER",
            "PRO, maxMembersPerGroup, MEMBERS_PER_GROUP, 200, ''",
            "PRO, maxMembersPerGroup, MEMBERS_PER_GROUP, 2000, GROUP_MEMBER_CAP",
            "PRO, avChatRooms, AVCHATROOMS, 50, ''",
            "PRO, maxDailyNetNewGroups, DAILY_NET_NEW_GROUPS, 10000, ''",
            "PRO, maxDailyBroadcastGroups, DAILY_BROADCAST_GROUPS, 5, ''",
            "FLAGSHIP, maxFriendsPerUser, FRIENDS_PER_USER, 3000, ''",
            "FLAGSHIP, maxGroupsJoinedPerUser, GROUPS_JOINED_PER_USER, 1000, ''",
            "FLAGSHIP, maxGroupsJoinedPerUser, GROUPS_JOINED_PER_USER, 3000, GROUPS_PER_USER",
            "FLAGSHIP, maxMembersPerGroup, MEMBERS_PER_GROUP, 2000, ''",
            "FLAGSHIP, maxMembersPerGroup, MEMBERS_PER_GROUP, 6000, GROUP_MEMBER_CAP",
            "FLAGSHIP, maxDailyNetNewGroups, DAILY_NET_NEW_GROUPS, 10000, ''",
            "FLAGSHIP, maxDailyBroadcastGroups, DAILY_BROADCAST_GROUPS, 5, ''"})
    void limitAtCapIsFineAndOneAboveIsExceeded(String plan, String field, String limit, long cap, String addOn) {
        Bill atCap = withAddOn(Req.plan(plan), addOn).usage(field, cap).bill();
        Bill above = withAddOn(Req.plan(plan), addOn).usage(field, cap + 1).bill();

        assertThat(limitViolations(atCap)).isEmpty();
        assertThat(limitViolations(above)).containsExactly("LIMIT_EXCEEDED " + limit);
        Violation v = violation(above, "LIMIT_EXCEEDED", limit);
        assertThat(v.message()).contains(String.valueOf(cap + 1)).contains(String.valueOf(cap));
        assertThat(v.rule()).isNotBlank();
        // a violation never removes or changes a charge
        assertThat(above.lines()).isEqualTo(atCap.lines());
    }

    @ParameterizedTest(name = "{0} {1} is unlimited")
    @CsvSource({
            "PRO, users", "PRO, totalGroups", "FLAGSHIP, users", "FLAGSHIP, totalGroups", "FLAGSHIP, avChatRooms"})
    void unlimitedFiguresNeverViolate(String plan, String field) {
        Bill bill = Req.plan(plan).usage(field, 1_000_000_000L).bill();

        assertThat(violations(bill)).isEmpty();
    }

    @Test
    void proAvChatRoomUnlimitedAddOnLiftsTheCap() {
        Bill bill = Req.pro().addOn("AVCHATROOM_UNLIMITED").usage("avChatRooms", 1_000_000).bill();

        assertThat(violations(bill)).isEmpty();
    }

    @Test
    void flagshipAvChatRoomsStayUnlimitedEvenWithTheUnofferedAddOn() {
        Bill bill = Req.flagship().addOn("AVCHATROOM_UNLIMITED").usage("avChatRooms", 1_000_000).bill();

        assertThat(violations(bill)).containsExactly("ADDON_NOT_AVAILABLE AVCHATROOM_UNLIMITED");
    }

    @Test
    void proGroupMemberCapAboveTheRaisedLimit() {
        Bill bill = Req.pro().addOn("GROUP_MEMBER_CAP").usage("maxMembersPerGroup", 2001).bill();

        assertThat(violations(bill)).containsExactly("LIMIT_EXCEEDED MEMBERS_PER_GROUP");
        // the add-on is still charged: 999 + 500
        assertThat(totals(bill)).isEqualTo("1499.00 0.00 1499.00");
    }

    @Test
    void everyTrialLimitExceededAtOnce() {
        Bill bill = Req.trial().usage("users", 101).usage("maxFriendsPerUser", 21).usage("maxGroupsJoinedPerUser", 51)
                .usage("maxMembersPerGroup", 21).usage("totalGroups", 101).usage("avChatRooms", 11)
                .usage("maxDailyNetNewGroups", 101).usage("maxDailyBroadcastGroups", 6).peakDau(101)
                .peakGroups(101).bill();

        assertThat(violations(bill)).containsExactlyInAnyOrder("LIMIT_EXCEEDED USERS",
                "LIMIT_EXCEEDED FRIENDS_PER_USER", "LIMIT_EXCEEDED GROUPS_JOINED_PER_USER",
                "LIMIT_EXCEEDED MEMBERS_PER_GROUP", "LIMIT_EXCEEDED TOTAL_GROUPS", "LIMIT_EXCEEDED AVCHATROOMS",
                "LIMIT_EXCEEDED DAILY_NET_NEW_GROUPS", "LIMIT_EXCEEDED DAILY_BROADCAST_GROUPS",
                "LIMIT_EXCEEDED DAU", "LIMIT_EXCEEDED PEAK_GROUPS");
        assertThat(codes(bill)).containsExactly(LineCode.PLAN_FEE);
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
    }

    @Test
    void absentUsageIsNotChecked() {
        assertThat(Req.trial().bill().violations()).isEmpty();
    }

    private static Req withAddOn(Req req, String addOn) {
        return addOn.isEmpty() ? req : req.addOn(addOn);
    }

    private static java.util.List<String> limitViolations(Bill bill) {
        return violations(bill).stream().filter(v -> v.startsWith("LIMIT_EXCEEDED")).toList();
    }
}
