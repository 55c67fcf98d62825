package im.tariff.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.evaluate.Evaluator;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.InvalidRequestException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The advisor on a fixture tariff of its own (src/test/resources/advise/substitutes: the seed tariff, except
 * that on PRO the add-on SECURITY_ADVANCED also lifts the members-per-group cap, so two add-ons stand in for
 * one another). Its prices are frozen here, so concrete rankings can be asserted.
 */
class AdvisorTest {

    static final Path FIXTURE = Path.of("src/test/resources/advise/substitutes");
    private static Evaluator rules;

    @BeforeAll
    static void load() throws Exception {
        rules = LiveEvaluator.fromDirectory(FIXTURE).rules();
    }

    private static Advice advise(String usage, String addOns, Advisor.Mode mode) throws InvalidRequestException {
        return Advisor.advise(rules, "{\"appId\": \"t\", \"billingMonth\": \"2026-10\", \"addOns\": [" + addOns
                + "], \"usage\": {" + usage + "}}", 5, mode);
    }

    private static List<String> summary(Advice advice) {
        return advice.options().stream().map(o -> o.rank() + " " + o.plan() + " " + o.addOns() + " "
                + o.bill().totals().total()).toList();
    }

    @Test
    void ranksTheCheapestCombinationsThatHaveNoViolation() throws Exception {
        Advice a = advise("\"peakDau\": 5000, \"maxMembersPerGroup\": 1500", "", Advisor.Mode.PRUNED);
        assertThat(summary(a)).containsExactly(
                "1 PRO [GROUP_MEMBER_CAP] 1499.00",
                "2 PRO [SECURITY_ADVANCED] 1999.00",
                "3 FLAGSHIP [] 2999.00");
        assertThat(a.options()).allSatisfy(o -> assertThat(o.bill().violations()).isEmpty());
    }

    @Test
    void whySaysWhichLimitMadeTheAddOnNecessary() throws Exception {
        Advice a = advise("\"maxMembersPerGroup\": 1500", "", Advisor.Mode.PRUNED);
        assertThat(a.options().get(0).why()).containsExactly("maxMembersPerGroup 1500 > 200 on 专业版: GROUP_MEMBER_CAP");
    }

    @Test
    void aPlanNoCombinationServesIsRejectedWithTheViolationsOfItsClosestCombination() throws Exception {
        Advice a = advise("\"peakDau\": 5000, \"maxMembersPerGroup\": 1500", "", Advisor.Mode.PRUNED);
        assertThat(a.rejected()).hasSize(1);
        assertThat(a.rejected().get(0).plan()).isEqualTo("TRIAL");
        assertThat(a.rejected().get(0).reasons()).containsExactly("LIMIT_EXCEEDED DAU", "LIMIT_EXCEEDED MEMBERS_PER_GROUP");
    }

    @Test
    void aWantedOptionIsAMinimumAndTheLowestPricedValueAboveItIsChosen() throws Exception {
        Advice a = advise("\"peakDau\": 5000", "{\"type\": \"HISTORY_STORAGE\", \"days\": 60}", Advisor.Mode.PRUNED);
        assertThat(summary(a)).containsExactly(
                "1 PRO [HISTORY_STORAGE:90] 1999.00",
                "2 FLAGSHIP [HISTORY_STORAGE:90] 3499.00");
        assertThat(a.options().get(0).why()).containsExactly("wanted: HISTORY_STORAGE");
        assertThat(a.rejected().get(0).reasons()).contains("ADDON_NOT_AVAILABLE HISTORY_STORAGE");
    }

    @Test
    void aWantedOptionNoPlanPricesLeavesNoOption() throws Exception {
        Advice a = advise("", "{\"type\": \"HISTORY_STORAGE\", \"days\": 400}", Advisor.Mode.PRUNED);
        assertThat(a.options()).isEmpty();
        assertThat(a.rejected()).extracting(Advice.Rejected::plan).containsExactly("TRIAL", "PRO", "FLAGSHIP");
        assertThat(a.rejected().get(1).reasons()).containsExactly("ADDON_OPTION_INVALID HISTORY_STORAGE");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "\"peakDau\": 25000, \"peakGroups\": 150000",
            "\"maxMembersPerGroup\": 1500, \"avChatRooms\": 60",
            "\"maxGroupsJoinedPerUser\": 800, \"maxMembersPerGroup\": 2500",
            "\"users\": 50, \"maxMembersPerGroup\": 7000"})
    void thePrunedSearchFindsWhatTheExhaustiveOneFinds(String usage) throws Exception {
        Advice pruned = advise(usage, "", Advisor.Mode.PRUNED);
        Advice all = advise(usage, "", Advisor.Mode.EXHAUSTIVE);
        assertThat(summary(pruned)).isEqualTo(summary(all));
        assertThat(pruned.rejected()).extracting(Advice.Rejected::plan)
                .isEqualTo(all.rejected().stream().map(Advice.Rejected::plan).toList());
        assertThat(pruned.evaluations()).isLessThan(all.evaluations());
    }

    @Test
    void topLimitsTheOptions() throws Exception {
        Advice a = Advisor.advise(rules, "{\"appId\": \"t\", \"billingMonth\": \"2026-10\", \"usage\": "
                + "{\"maxMembersPerGroup\": 1500}}", 1, Advisor.Mode.PRUNED);
        assertThat(a.options()).hasSize(1);
    }

    @Test
    void aBadRequestIsRefusedWithTheReadersFieldAndWords() {
        assertThatThrownBy(() -> advise("\"peakDAU\": 5", "", Advisor.Mode.PRUNED))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.field()).isEqualTo("usage.peakDAU"));
        assertThatThrownBy(() -> Advisor.advise(rules, "{\"appId\": \"t\"", 5, Advisor.Mode.PRUNED))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("$"));
    }

    @Test
    void theJsonHasTheContractsShape() throws Exception {
        Advice a = advise("\"maxMembersPerGroup\": 1500", "{\"type\": \"HISTORY_STORAGE\", \"days\": 90}",
                Advisor.Mode.PRUNED);
        var json = im.tariff.io.Json.MAPPER.readTree(AdviceWriter.toJson(a, rules.catalog(), false));
        var first = json.get("options").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("addOns").toString()).isEqualTo(
                "[{\"type\":\"GROUP_MEMBER_CAP\"},{\"type\":\"HISTORY_STORAGE\",\"days\":90}]");
        assertThat(first.get("total").asText()).isEqualTo(first.get("bill").get("totals").get("total").asText());
        assertThat(json.get("rejected").get(0).get("reasons").isArray()).isTrue();
    }
}
