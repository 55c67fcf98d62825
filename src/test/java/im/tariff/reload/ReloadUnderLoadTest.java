package im.tariff.reload;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.evaluate.Evaluator;
import im.tariff.reload.ReloadResult;
import im.tariff.reload.ReloadResult.Outcome;
import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleSource;
import im.tariff.reload.LiveEvaluator;
import im.tariff.io.BillWriter;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof under concurrency: threads evaluate without pause while the rules folder is rewritten and reloaded
 * many times, with valid versions (different PRO fees) and broken, unsafe and gate-refused ones in turn.
 * No evaluation may fail, and every bill must equal, byte for byte, the single-threaded bill of the rules
 * version it names.
 */
class ReloadUnderLoadTest {

    static final int EVALUATORS = 2;
    static final int CYCLES = 2;
    static final List<String> FEES = List.of("1001.00", "1002.50", "1003.00");

    static final List<String> REQUESTS = List.of(
            "{\"appId\": \"a\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\"}",
            "{\"appId\": \"b\", \"billingMonth\": \"2026-02\", \"plan\": \"TRIAL\", \"usage\": {\"peakDau\": 150,"
                    + " \"users\": 101}, \"addOns\": [{\"type\": \"SECURITY_ADVANCED\"}]}",
            "{\"appId\": \"c\", \"billingMonth\": \"2026-01\", \"plan\": \"FLAGSHIP\", \"planStartDate\": \"2026-01-31\","
                    + " \"usage\": {\"peakDau\": 20001, \"peakGroups\": 100000}}",
            "{\"appId\": \"d\", \"billingMonth\": \"2026-10\", \"plan\": \"PRO\", \"previousPlan\": \"FLAGSHIP\","
                    + " \"addOns\": [{\"type\": \"HISTORY_STORAGE\", \"days\": 60}]}");

    @TempDir
    Path tmp;

    enum Step { VALID, BROKEN, UNSAFE, REFUSED_BY_GATE }

    @Test
    @Timeout(300) // a hang is a failure; normally well under a minute
    void everyBillMatchesTheSingleThreadedBillOfTheVersionItNames() throws Exception {
        RulesFolder rules = new RulesFolder(tmp);
        RequestReader reader = im.tariff.evaluate.SharedEngine.reader();
        List<BillRequest> requests = new ArrayList<>();
        for (String r : REQUESTS) {
            requests.add(reader.read(r));
        }

        // expected bills, single-threaded, per rules version (the original fee and every fee written below)
        Map<String, List<String>> expected = new HashMap<>();
        Map<String, String> feeOfVersion = new HashMap<>();
        for (String fee : concat("999.00", FEES)) {
            RuleSource source = sourceWithProFee(fee);
            Evaluator compiled = Evaluator.compile(source);
            List<String> bills = new ArrayList<>();
            for (BillRequest r : requests) {
                bills.add(BillWriter.toJson(compiled.evaluate(r)));
            }
            // the PRO bill of request 0 is the plan fee alone (the tariff in rules/): the version really carries that fee
            assertThat(compiled.evaluate(requests.get(0)).totals().total()).isEqualByComparingTo(fee);
            expected.put(source.version(), bills);
            feeOfVersion.put(source.version(), fee);
            compiled.close();
        }

        LiveEvaluator engine = LiveEvaluator.builder().rules(tmp).gate(this::proFeeBelow5000).build();
        assertThat(expected).containsKey(engine.rules().version());

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Map<String, AtomicLong> billsPerVersion = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < EVALUATORS; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                long n = offset;
                while (!stop.get()) {
                    int i = (int) (n++ % requests.size());
                    try {
                        Bill bill = engine.evaluate(requests.get(i));
                        List<String> want = expected.get(bill.rulesVersion());
                        if (want == null) {
                            errors.add("bill from unknown rules version " + bill.rulesVersion());
                        } else if (!want.get(i).equals(BillWriter.toJson(bill))) {
                            errors.add("request " + i + " on " + bill.rulesVersion() + ": got " + BillWriter.toJson(bill)
                                    + "\n want " + want.get(i));
                        }
                        billsPerVersion.computeIfAbsent(bill.rulesVersion(), v -> new AtomicLong()).incrementAndGet();
                    } catch (RuntimeException e) {
                        errors.add("evaluation failed: " + e);
                    }
                    if (errors.size() > 20) {
                        return;
                    }
                }
            }, "evaluator-" + t);
            threads.add(th);
            th.start();
        }

        List<ReloadResult> results = new ArrayList<>();
        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                for (String fee : FEES) {
                    step(rules, engine, Step.VALID, fee, feeOfVersion, results);
                    Step bad = Step.values()[1 + results.size() / 2 % 3];
                    step(rules, engine, bad, fee, feeOfVersion, results);
                }
            }
        } finally {
            stop.set(true);
            for (Thread th : threads) {
                th.join(30_000);
            }
        }

        assertThat(errors).as("evaluation errors and mismatches").isEmpty();
        assertThat(results).extracting(ReloadResult::outcome)
                .contains(Outcome.SWAPPED, Outcome.NOT_COMPILED, Outcome.UNSAFE, Outcome.GATE_REFUSED);
        // bills came from several versions while they were being replaced
        assertThat(billsPerVersion.keySet()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(billsPerVersion.keySet()).allSatisfy(v -> assertThat(expected).containsKey(v));
        System.out.printf("reload under load: %d reloads, bills per version %s%n", results.size(), billsPerVersion);
    }

    /** Writes one version into the folder, reloads, and checks what the engine did about it. */
    private void step(RulesFolder rules, LiveEvaluator engine, Step step, String fee, Map<String, String> feeOfVersion,
                      List<ReloadResult> results) throws Exception {
        String before = engine.rules().version();
        switch (step) {
            case VALID -> rules.setProFee(fee);
            case BROKEN -> rules.breakSyntax();
            case UNSAFE -> rules.makeUnsafe();
            case REFUSED_BY_GATE -> rules.setProFee("9999.00");
        }
        ReloadResult r = engine.reloadNow("test");
        results.add(r);
        switch (step) {
            case VALID -> {
                assertThat(r.outcome()).isIn(Outcome.SWAPPED, Outcome.UNCHANGED);
                assertThat(feeOfVersion.get(engine.rules().version())).isEqualTo(fee);
            }
            case BROKEN -> assertThat(r.outcome()).isEqualTo(Outcome.NOT_COMPILED);
            case UNSAFE -> assertThat(r.outcome()).isEqualTo(Outcome.UNSAFE);
            case REFUSED_BY_GATE -> assertThat(r.outcome()).isEqualTo(Outcome.GATE_REFUSED);
        }
        if (step != Step.VALID) {
            assertThat(engine.rules().version()).isEqualTo(before);
        }
    }

    /** The gate: the PRO fee of a PRO request with no usage must stay under 5000 CNY. */
    private List<String> proFeeBelow5000(Evaluator candidate) {
        try {
            BigDecimal total = candidate.evaluate(im.tariff.evaluate.SharedEngine.reader().read(REQUESTS.get(0))).totals().total();
            return total.compareTo(new BigDecimal("5000")) < 0 ? List.of() : List.of("PRO fee " + total + " >= 5000");
        } catch (Exception e) {
            return List.of(e.toString());
        }
    }

    private static RuleSource sourceWithProFee(String fee) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (var list = Files.list(im.tariff.evaluate.SharedEngine.SEED)) {
            for (Path f : (Iterable<Path>) list.filter(p -> p.toString().endsWith(".drl"))::iterator) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        files.put("plans.drl", RulesFolder.plansWithProFee(fee));
        return new RuleSource("expected", files);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
