package im.tariff.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.evaluate.Evaluator;
import im.tariff.reload.GateRejectedException;
import im.tariff.reload.ReloadResult.Outcome;
import im.tariff.reload.ReloadResult;
import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleSource;
import im.tariff.reload.LiveEvaluator;
import im.tariff.compile.UnsafeRulesException;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;

class GatedReloadTest {

    /** PRO, no usage, no add-ons: the bill is the plan fee alone (the tariff in rules/). */
    static final String PRO_REQUEST = "{\"appId\": \"1400000001\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}";

    @TempDir
    Path tmp;
    RulesFolder rules;
    BillRequest request;
    final List<ReloadResult> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        rules = new RulesFolder(tmp);
        request = im.tariff.evaluate.SharedEngine.reader().read(PRO_REQUEST);
    }

    /** A gate like the scenarios: the PRO fee must stay below 5000 CNY. */
    private List<String> feeBelow5000(Evaluator candidate) {
        BigDecimal fee = planFee(candidate.evaluate(request));
        return fee.compareTo(new BigDecimal("5000")) < 0 ? List.of()
                : List.of("pro-fee.yaml: PRO 套餐费应低于 5000，实际 " + fee);
    }

    static BigDecimal planFee(Bill bill) {
        return bill.lines().stream().filter(l -> l.code() == "PLAN_FEE").findFirst().orElseThrow().amount();
    }

    private LiveEvaluator engine() throws Exception {
        return LiveEvaluator.builder().rules(tmp).gate(this::feeBelow5000).listener(heard::add).build();
    }

    @Test
    void aGoodEditIsSwappedInAndBillsNameTheNewVersion() throws Exception {
        LiveEvaluator engine = engine();
        String before = engine.rules().version();
        assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("999.00");

        rules.setProFee("1234.00");
        ReloadResult r = engine.reloadNow("test");

        assertThat(r.outcome()).isEqualTo(Outcome.SWAPPED);
        Bill bill = engine.evaluate(request);
        assertThat(planFee(bill)).isEqualByComparingTo("1234.00");
        assertThat(bill.rulesVersion()).isEqualTo(RuleSource.fromDirectory(tmp).version()).isNotEqualTo(before);
        assertThat(r.servingVersion()).isEqualTo(bill.rulesVersion());
        assertThat(heard).containsExactly(r);
        assertThat(engine.status().lastReload()).isEqualTo(r);
    }

    @Test
    void brokenRulesAreRefusedWithFileAndLineAndTheOldRulesKeepServing() throws Exception {
        LiveEvaluator engine = engine();
        String good = engine.rules().version();
        rules.breakSyntax();

        ReloadResult r = engine.reloadNow("test");

        assertThat(r.outcome()).isEqualTo(Outcome.NOT_COMPILED);
        assertThat(r.problems()).isNotEmpty();
        assertThat(r.problems().get(0).toString()).startsWith(tmp.resolve("plans.drl") + ":");
        assertThat(r.problems().get(0).line()).isBetween(10, 12);
        assertThat(r.servingVersion()).isEqualTo(good);
        assertThat(r.candidateVersion()).isNotEqualTo(good);
        assertThat(engine.evaluate(request).rulesVersion()).isEqualTo(good);
        assertThat(heard).containsExactly(r);
        assertThat(engine.status().reloadsRefused()).isEqualTo(1);
        assertThatThrownBy(engine::reload).isInstanceOf(RuleCompilationException.class);
    }

    @Test
    void unsafeRulesAreRefused() throws Exception {
        LiveEvaluator engine = engine();
        String good = engine.rules().version();
        rules.makeUnsafe();

        ReloadResult r = engine.reloadNow("test");

        assertThat(r.outcome()).isEqualTo(Outcome.UNSAFE);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(tmp.resolve("plans.drl").toString());
            assertThat(p.line()).isEqualTo(14); // the inserted line after the first "then" (line 13)
            assertThat(p.message()).contains("System");
        });
        assertThat(engine.evaluate(request).rulesVersion()).isEqualTo(good);
        assertThatThrownBy(engine::reload).isInstanceOf(UnsafeRulesException.class);
    }

    @Test
    void rulesTheGateRefusesDoNotServe() throws Exception {
        LiveEvaluator engine = engine();
        String good = engine.rules().version();
        rules.setProFee("9999.00");

        ReloadResult r = engine.reloadNow("test");

        assertThat(r.outcome()).isEqualTo(Outcome.GATE_REFUSED);
        assertThat(r.gateFailures()).containsExactly("pro-fee.yaml: PRO 套餐费应低于 5000，实际 9999.00");
        assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("999.00");
        assertThat(engine.rules().version()).isEqualTo(good);
        assertThatThrownBy(engine::reload).isInstanceOf(GateRejectedException.class);
    }

    @Test
    void theSameFilesAreUnchanged() throws Exception {
        LiveEvaluator engine = engine();
        ReloadResult r = engine.reloadNow("test");
        assertThat(r.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(r.refused()).isFalse();
    }

    @Test
    void anEngineDoesNotStartOnRulesItsGateRefuses() throws Exception {
        rules.setProFee("9999.00");
        assertThatThrownBy(this::engine).isInstanceOf(GateRejectedException.class)
                .hasMessageContaining("实际 9999.00");
    }

    @Test
    void watchingPicksUpEditsAndRefusals() throws Exception {
        try (LiveEvaluator engine = engine()) {
            engine.watch(Duration.ofMillis(100), Duration.ofMillis(500));
            rules.setProFee("1500.00");
            ReloadResult swapped = awaitReload(1);
            assertThat(swapped.outcome()).isEqualTo(Outcome.SWAPPED);
            assertThat(swapped.trigger()).isEqualTo("watch");
            assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("1500.00");

            rules.breakSyntax();
            assertThat(awaitReload(2).outcome()).isEqualTo(Outcome.NOT_COMPILED);
            assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("1500.00");

            // a new subfolder and a new rule file in it are seen too
            rules.write("extra/more.drl", "package im.tariff.rules;\nimport im.tariff.model.*;\n");
            rules.setProFee("1600.00");
            ReloadResult last = awaitOutcome(Outcome.SWAPPED, 3);
            assertThat(last.servingVersion()).isEqualTo(RuleSource.fromDirectory(tmp).version());
            assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("1600.00");
        }
    }

    @Test
    void watchingSurvivesTheWholeFolderReplacedByARename() throws Exception {
        Path live = tmp.resolve("live");
        Files.createDirectories(live);
        RulesFolder liveRules = new RulesFolder(live);
        try (LiveEvaluator engine = LiveEvaluator.builder().rules(live).listener(heard::add).build()) {
            engine.watch(Duration.ofMillis(100), Duration.ofMillis(300));
            // a deploy script: prepare the new folder beside the old one, then swap them with renames
            Path next = tmp.resolve("next");
            Files.createDirectories(next);
            RulesFolder nextRules = new RulesFolder(next);
            nextRules.setProFee("1700.00");
            Files.move(live, tmp.resolve("old"));
            Files.move(next, live);

            assertThat(awaitOutcome(Outcome.SWAPPED, 1).servingVersion())
                    .isEqualTo(RuleSource.fromDirectory(live).version());
            assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("1700.00");

            // and the new folder is watched: a later edit in it is seen
            liveRules = new RulesFolder(live); // same files, written again
            liveRules.setProFee("1800.00");
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (planFee(engine.evaluate(request)).compareTo(new BigDecimal("1800.00")) != 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("1800.00");
        }
    }

    @Test
    void anEvaluationInFlightFinishesOnTheRulesItBeganWith() throws Exception {
        LiveEvaluator engine = engine();
        Evaluator old = engine.rules();
        CountDownLatch firing = new CountDownLatch(1);
        CountDownLatch swapped = new CountDownLatch(1);
        AgendaEventListener pause = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                if (firing.getCount() > 0) {
                    firing.countDown();
                    try {
                        swapped.await(); // hold this evaluation mid-way until the new rules serve
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        CompletableFuture<Bill> inFlight =
                CompletableFuture.supplyAsync(() -> old.evaluate(request, pause));
        assertThat(firing.await(30, TimeUnit.SECONDS)).isTrue();

        rules.setProFee("2100.00");
        assertThat(engine.reloadNow("test").outcome()).isEqualTo(Outcome.SWAPPED);
        assertThat(planFee(engine.evaluate(request))).isEqualByComparingTo("2100.00");
        swapped.countDown();

        Bill bill = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(planFee(bill)).isEqualByComparingTo("999.00");
        assertThat(bill.rulesVersion()).isEqualTo(old.version()).isNotEqualTo(engine.rules().version());
    }

    /** Waits (bounded) until the listener has heard n reloads; returns the n-th. */
    private ReloadResult awaitReload(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (heard.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(heard).as("reloads heard").hasSizeGreaterThanOrEqualTo(n);
        return heard.get(n - 1);
    }

    /** Waits (bounded) for a reload after the first {@code after} with the given outcome. */
    private ReloadResult awaitOutcome(Outcome outcome, int after) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = after - 1; i < heard.size(); i++) {
                if (i >= 0 && heard.get(i).outcome() == outcome
                        && heard.get(i).servingVersion().equals(heard.get(heard.size() - 1).servingVersion())) {
                    ReloadResult last = heard.get(heard.size() - 1);
                    if (last.outcome() == outcome) {
                        return last;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + outcome + " reload heard: " + heard);
    }
}
