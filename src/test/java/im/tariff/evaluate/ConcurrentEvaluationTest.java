package im.tariff.evaluate;


import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.RequestReader;
import im.tariff.model.BillRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One Evaluator (of the live rules/) shared by many threads gives every request exactly its single-threaded bill: no result
 * leaks between concurrent evaluations (the shared-globals trap of DROOLS-NOTES).
 */
class ConcurrentEvaluationTest {

    private static final int REQUESTS = 1_500;
    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000;

    @Test
    void manyThreadsOnOneEngineGetTheSingleThreadedBills() throws Exception {
        Evaluator engine = LiveSheets.evaluator(java.nio.file.Path.of("rules"));
        RequestReader reader = engine.reader();
        List<BillRequest> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            BillRequest request = read(reader, RandomRequests.generate(20_261_000L + i).toString());
            requests.add(request);
            expected.add(BillWriter.toJson(engine.evaluate(request)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int offset = t * (REQUESTS / THREADS);
                int stride = 2 * t + 1; // odd strides: each thread walks the requests in its own order
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int k = 0; k < PER_THREAD; k++) {
                        int i = (offset + k * stride) % REQUESTS;
                        String bill = BillWriter.toJson(engine.evaluate(requests.get(i)));
                        if (!bill.equals(expected.get(i))) {
                            mismatches.add("request " + i + ": " + bill);
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> f : results) {
                mismatches.addAll(f.get(5, TimeUnit.MINUTES)); // a hang guard, not a speed check
            }
            assertThat(mismatches).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void requestsReadConcurrentlyAreTheSame() throws Exception {
        // RequestReader is documented stateless: one instance shared by threads
        RequestReader reader = LiveSheets.evaluator(java.nio.file.Path.of("rules")).reader();
        List<String> jsons = new ArrayList<>();
        List<BillRequest> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String json = RandomRequests.generate(7_000L + i).toString();
            jsons.add(json);
            expected.add(read(reader, json));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> same = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                same.add(pool.submit(() -> {
                    for (int i = 0; i < jsons.size(); i++) {
                        if (!read(reader, jsons.get(i)).equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : same) {
                assertThat(f.get(5, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static BillRequest read(RequestReader reader, String json) {
        try {
            return reader.read(json);
        } catch (InvalidRequestException e) {
            throw new AssertionError(e.getMessage() + "\n" + json, e);
        }
    }
}
