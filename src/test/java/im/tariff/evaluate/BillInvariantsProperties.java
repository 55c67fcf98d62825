package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillingMode;
import im.tariff.model.ChargeLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of every bill over random valid requests, on the live rules/ themselves (no price is pinned here). */
class BillInvariantsProperties {

    private static final int TRIES = 250;

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = TRIES)
    void totalsAreSumsOfTheLines(@ForAll("seeds") long seed) {
        Bill bill = evaluate(RandomRequests.generate(seed));

        BigDecimal prepaid = sum(bill, BillingMode.PREPAID);
        BigDecimal postpaid = sum(bill, BillingMode.POSTPAID);
        assertThat(bill.totals().prepaid()).isEqualByComparingTo(prepaid);
        assertThat(bill.totals().postpaid()).isEqualByComparingTo(postpaid);
        assertThat(bill.totals().total()).isEqualByComparingTo(prepaid.add(postpaid));
        assertThat(bill.totals().total()).isEqualByComparingTo(
                bill.lines().stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Property(tries = TRIES)
    void amountsAreNeverNegativeAndHaveTwoDecimals(@ForAll("seeds") long seed) {
        Bill bill = evaluate(RandomRequests.generate(seed));

        for (ChargeLine line : bill.lines()) {
            assertThat(line.amount().signum()).as(line.toString()).isNotNegative();
            assertThat(line.amount().scale()).as(line.toString()).isEqualTo(2);
            assertThat(line.quantity().signum()).isNotNegative();
            assertThat(line.unitPrice().signum()).isNotNegative();
        }
        assertThat(List.of(bill.totals().prepaid(), bill.totals().postpaid(), bill.totals().total()))
                .allSatisfy(t -> assertThat(t.scale()).isEqualTo(2));
    }

    @Property(tries = TRIES)
    void eachLineIsQuantityTimesUnitPriceRoundedHalfUp(@ForAll("seeds") long seed) {
        Bill bill = evaluate(RandomRequests.generate(seed));

        for (ChargeLine line : bill.lines()) {
            assertThat(line.amount()).as(line.toString())
                    .isEqualTo(line.quantity().multiply(line.unitPrice()).setScale(2, RoundingMode.HALF_UP));
        }
    }

    @Property(tries = TRIES)
    void planFeeComesFirstOtherLinesAreAboveZeroOncePerCodeInOrder(@ForAll("seeds") long seed) {
        Bill bill = evaluate(RandomRequests.generate(seed));

        assertThat(bill.lines().get(0).code()).isEqualTo("PLAN_FEE");
        assertThat(bill.lines().subList(1, bill.lines().size())).allSatisfy(l -> assertThat(l.amount().signum()).isPositive());
        List<String> codes = bill.lines().stream().map(ChargeLine::code).toList();
        var catalog = LiveSheets.evaluator(java.nio.file.Path.of("rules")).catalog();
        assertThat(codes).doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.comparingInt(catalog::lineOrder));
    }

    @Property(tries = TRIES)
    void moreDauNeverLowersTheBill(@ForAll("seeds") long seed, @ForAll @IntRange(min = 1, max = 60_000) int more) {
        ObjectNode request = RandomRequests.generate(seed);
        Bill before = evaluate(request);
        Bill after = evaluate(raise(request, "peakDau", "dailyDau", "dau", more));

        assertThat(after.totals().total()).isGreaterThanOrEqualTo(before.totals().total());
        assertThat(withoutCode(after, "DAU_OVERAGE")).isEqualTo(withoutCode(before, "DAU_OVERAGE"));
    }

    @Property(tries = TRIES)
    void moreGroupsNeverLowersTheBill(@ForAll("seeds") long seed,
                                      @ForAll @IntRange(min = 1, max = 400_000) int more) {
        ObjectNode request = RandomRequests.generate(seed);
        Bill before = evaluate(request);
        Bill after = evaluate(raise(request, "peakGroups", "dailyGroups", "groups", more));

        assertThat(after.totals().total()).isGreaterThanOrEqualTo(before.totals().total());
        assertThat(withoutCode(after, "GROUP_OVERAGE")).isEqualTo(withoutCode(before, "GROUP_OVERAGE"));
    }

    @Property(tries = TRIES)
    void trialHasOnlyItsFreePlanFee(@ForAll("seeds") long seed) {
        ObjectNode request = RandomRequests.generate(seed);
        request.put("plan", "TRIAL");

        Bill bill = evaluate(request);

        assertThat(bill.lines()).hasSize(1);
        assertThat(bill.lines().get(0).code()).isEqualTo("PLAN_FEE");
        assertThat(bill.totals().total().toPlainString()).isEqualTo("0.00");
        if (request.has("addOns")) {
            assertThat(bill.violations()).anySatisfy(v -> assertThat(v.code()).isEqualTo("ADDON_NOT_AVAILABLE"));
        }
    }

    @Property(tries = TRIES)
    void evaluationIsDeterministic(@ForAll("seeds") long seed) {
        ObjectNode request = RandomRequests.generate(seed);

        String first = BillWriter.toJson(evaluate(request));
        String second = BillWriter.toJson(evaluate(request.deepCopy()));

        assertThat(second).isEqualTo(first);
    }

    @Property(tries = TRIES)
    void paidPlanBillsAtLeastThePlanFeeAndViolationsNeverChangeCharges(@ForAll("seeds") long seed) {
        ObjectNode request = RandomRequests.generate(seed);
        Bill bill = evaluate(request);
        if (bill.plan() == "TRIAL") {
            return;
        }
        // the same request without previous/requested plan and usage limits: the downgrade and limit
        // violations go, the charges stay
        ObjectNode quiet = request.deepCopy();
        quiet.remove(List.of("previousPlan", "requestedPlan"));
        if (quiet.has("usage")) {
            ((ObjectNode) quiet.get("usage")).remove(List.of("users", "maxFriendsPerUser", "maxGroupsJoinedPerUser",
                    "maxMembersPerGroup", "totalGroups", "avChatRooms", "maxDailyNetNewGroups",
                    "maxDailyBroadcastGroups"));
        }
        Bill quietBill = evaluate(quiet);

        assertThat(bill.lines()).isEqualTo(quietBill.lines());
        assertThat(quietBill.violations()).noneSatisfy(v -> assertThat(v.code())
                .isIn("LIMIT_EXCEEDED", "DOWNGRADE_TO_TRIAL"));
    }

    // ---- helpers ----

    static Bill evaluate(ObjectNode json) {
        try {
            Evaluator live = LiveSheets.evaluator(java.nio.file.Path.of("rules"));
            return live.evaluate(live.reader().read(json.toString()));
        } catch (InvalidRequestException e) {
            throw new AssertionError("generator made an invalid request: " + e.getMessage() + "\n" + json, e);
        }
    }

    /** A copy of the request with the figure raised by more: its peak, one day of its series, or a new peak. */
    private static ObjectNode raise(ObjectNode request, String peak, String series, String value, int more) {
        ObjectNode copy = request.deepCopy();
        ObjectNode usage = copy.has("usage") ? (ObjectNode) copy.get("usage") : copy.putObject("usage");
        if (usage.has(peak)) {
            usage.put(peak, usage.get(peak).longValue() + more);
        } else if (usage.has(series) && !usage.get(series).isEmpty()) {
            ArrayNode days = (ArrayNode) usage.get(series);
            ObjectNode day = (ObjectNode) days.get(more % days.size());
            day.put(value, day.get(value).longValue() + more);
        } else {
            usage.remove(series);
            usage.put(peak, more);
        }
        return copy;
    }

    private static BigDecimal sum(Bill bill, BillingMode mode) {
        return bill.lines().stream().filter(l -> l.billingMode() == mode).map(ChargeLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<ChargeLine> withoutCode(Bill bill, String code) {
        List<ChargeLine> lines = new ArrayList<>(bill.lines());
        lines.removeIf(l -> l.code().equals(code));
        return lines;
    }
}
