package im.tariff.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.compile.RuleSource;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {

    static TariffHints hints;

    @BeforeAll
    static void readRules() {
        hints = TariffHints.from(im.tariff.evaluate.SharedEngine.get().rules());
    }

    private static List<String> generate(long seed, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestGenerator(seed, im.tariff.evaluate.SharedEngine.get().rules().catalog(), hints).writeLines(count, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        return List.of(text.split("\n"));
    }

    @Test
    void hintsAreTheCapsAndQuotasOfTheRules() {
        // the tariff in rules/ / 1.4: friends 20 (TRIAL), 3000 (PRO, FLAGSHIP); DAU 100 hard on TRIAL, 10,000 free in blocks of 10,000
        assertThat(hints.boundaries("FRIENDS_PER_USER")).containsExactly(20, 3000);
        assertThat(hints.boundaries("DAU")).containsExactly(100, 10_000);
        assertThat(hints.blocks("DAU")).containsExactly(10_000);
        assertThat(hints.boundaries("MEMBERS_PER_GROUP")).containsExactly(20, 200, 2000, 6000);
        assertThat(hints.options("HISTORY_STORAGE")).containsExactly(30, 90, 180, 360);
    }

    @Test
    void onASheetWithAPlanOnRequestEveryRequestIsOnAPricedPlanAndBandEdgesAreAimedAt() throws Exception {
        // src/test/resources/tariffs/prorated: SMALL by band (0–10, ≥ 11), MID by band (0–2000, ≥ 2001), LARGE, CUSTOM on request
        im.tariff.evaluate.Evaluator rules = im.tariff.evaluate.Evaluator.compile(
                RuleSource.fromDirectory(java.nio.file.Path.of("src/test/resources/tariffs/prorated")));
        TariffHints banded = TariffHints.from(rules);
        assertThat(banded.boundaries("SEATS")).containsExactly(10, 2000);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestGenerator(5, rules.catalog(), banded).writeLines(500, out);
        Set<String> plans = new HashSet<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            plans.add(rules.reader().read(line).account().plan()); // the reader refuses a plan on request
        }
        assertThat(plans).containsExactlyInAnyOrder("SMALL", "MID", "LARGE");
    }

    @Test
    void everyGeneratedLineIsAValidRequest() throws IOException {
        RequestReader reader = im.tariff.evaluate.SharedEngine.reader();
        for (long seed : new long[] {1, 2, -7}) {
            List<String> lines = generate(seed, 4000);
            assertThat(lines).hasSize(4000);
            for (int i = 0; i < lines.size(); i++) {
                try {
                    reader.read(lines.get(i));
                } catch (InvalidRequestException e) {
                    throw new AssertionError("seed " + seed + " line " + (i + 1) + " refused: " + e.getMessage()
                            + "\n" + lines.get(i), e);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameLinesAndAnotherSeedOthers() throws IOException {
        assertThat(generate(42, 500)).isEqualTo(generate(42, 500));
        assertThat(generate(42, 1000).subList(0, 500)).isEqualTo(generate(42, 500));
        assertThat(generate(43, 500)).isNotEqualTo(generate(42, 500));
    }

    @Test
    void theMixCoversPlansAddOnsOptionsSeriesBarrageAndBothSidesOfTheCaps() throws IOException {
        Set<String> seen = new HashSet<>();
        Map<Long, Integer> friends = new HashMap<>();
        for (String line : generate(5, 5000)) {
            JsonNode r = Json.MAPPER.readTree(line);
            seen.add("plan " + r.get("plan").asText());
            r.fieldNames().forEachRemaining(f -> seen.add("field " + f));
            for (JsonNode a : r.path("addOns")) {
                seen.add("addOn " + a.get("type").asText());
                if (a.has("days")) {
                    seen.add(List.of(30, 90, 180, 360).contains(a.get("days").asInt()) ? "days on menu" : "days off menu");
                }
                if (a.has("startDate")) {
                    seen.add("addOn startDate");
                }
            }
            JsonNode usage = r.path("usage");
            usage.fieldNames().forEachRemaining(f -> seen.add("usage " + f));
            for (JsonNode b : usage.path("barrage")) {
                seen.add("region " + b.get("region").asText());
            }
            if (usage.has("maxFriendsPerUser")) {
                friends.merge(usage.get("maxFriendsPerUser").asLong(), 1, Integer::sum);
            }
        }
        assertThat(seen).contains("plan TRIAL", "plan PRO", "plan FLAGSHIP", "plan 体验版", "plan 专业版", "plan 旗舰版",
                "addOn AVCHATROOM_UNLIMITED", "addOn GROUP_MEMBER_CAP", "addOn GROUPS_PER_USER",
                "addOn SECURITY_ADVANCED", "addOn HISTORY_STORAGE", "days on menu", "days off menu",
                "addOn startDate", "field planStartDate", "field previousPlan", "field requestedPlan",
                "usage peakDau", "usage dailyDau", "usage peakGroups", "usage dailyGroups",
                "region DOMESTIC", "region INTERNATIONAL", "usage users", "usage maxDailyBroadcastGroups");
        // right at the PRO/FLAGSHIP friends cap of 3000: below, on, above
        assertThat(friends).containsKeys(2999L, 3000L, 3001L, 19L, 20L, 21L);
    }

    @Test
    void theBillsShowChargesAndViolationsOfEveryKind() throws Exception {
        LiveEvaluator engine = LiveEvaluator.fromDirectory(im.tariff.evaluate.SharedEngine.SEED);
        RequestReader reader = im.tariff.evaluate.SharedEngine.reader();
        Set<String> codes = new HashSet<>();
        for (String line : generate(9, 3000)) {
            Bill bill = engine.evaluate(reader.read(line));
            bill.lines().forEach(l -> codes.add(l.code()));
            for (Violation v : bill.violations()) {
                codes.add(v.code());
            }
        }
        assertThat(codes).contains("PLAN_FEE", "DAU_OVERAGE", "GROUP_OVERAGE", "ADDON_AVCHATROOM_UNLIMITED",
                "ADDON_HISTORY_STORAGE", "BARRAGE_BANDWIDTH_DOMESTIC", "BARRAGE_BANDWIDTH_INTERNATIONAL",
                "ADDON_NOT_AVAILABLE", "ADDON_OPTION_INVALID", "DOWNGRADE_TO_TRIAL", "LIMIT_EXCEEDED");
    }

    @Test
    void theMonthEndMixIsValidRepeatableAndExceedsACapOnAboutAFifthOfTheCappedApps() throws Exception {
        im.tariff.evaluate.Evaluator rules = im.tariff.evaluate.SharedEngine.get().rules();
        RequestReader reader = im.tariff.evaluate.SharedEngine.reader();
        LiveEvaluator engine = LiveEvaluator.fromDirectory(im.tariff.evaluate.SharedEngine.SEED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestGenerator(11, rules.catalog(), hints, RequestGenerator.Mix.MONTH_END).writeLines(3000, out);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new RequestGenerator(11, rules.catalog(), hints, RequestGenerator.Mix.MONTH_END).writeLines(3000, again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());

        int capped = 0;
        int exceeded = 0;
        int wholeMonthSeries = 0;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            im.tariff.model.BillRequest request = reader.read(line);
            String plan = request.account().plan();
            boolean planCaps = rules.catalog().meters().stream().anyMatch(m -> hints.cap(plan, m.code()) > 0);
            Bill bill = engine.evaluate(request);
            boolean over = bill.violations().stream().anyMatch(v -> v.code().equals("LIMIT_EXCEEDED"));
            if (planCaps) {
                capped++;
                exceeded += over ? 1 : 0;
            } else {
                assertThat(over).as("a plan without caps cannot exceed one: " + line).isFalse();
            }
            JsonNode usage = Json.MAPPER.readTree(line).path("usage");
            for (JsonNode series : usage) {
                if (series.isArray() && series.size() >= 28 && series.get(0).has("date")) {
                    wholeMonthSeries++;
                    break;
                }
            }
        }
        assertThat(capped).isPositive();
        assertThat(100.0 * exceeded / capped).isBetween(12.0, 30.0);
        assertThat(wholeMonthSeries).isGreaterThan(300);
    }
}
