package im.tariff.server;

import im.tariff.reload.LiveEvaluator;
import im.tariff.io.JsonInput;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The tariff engine behind a JSON HTTP API (docs/FORMAT.md) on Jetty. Loopback by default; a graceful stop lets
 * requests in flight finish (up to 10 s) while new connections are refused.
 */
public final class TariffServer implements AutoCloseable {

    /** Request bodies above this are refused with 413 (the reader's own limit, JsonInput.MAX_BYTES). */
    public static final int DEFAULT_MAX_BODY_BYTES = JsonInput.MAX_BYTES;
    /** One evaluation takes well under a millisecond; this is a guard against a rule gone wrong. */
    public static final Duration DEFAULT_EVAL_TIMEOUT = Duration.ofSeconds(5);
    /** Evaluations waiting for a thread at most; more are refused with 503 at once. */
    static final int EVALUATION_QUEUE = 256;

    private final Server server;
    private final ServerConnector connector;
    private final ServiceMetrics metrics;
    private final LiveEvaluator engine;
    private final ThreadPoolExecutor evaluations;

    public TariffServer(LiveEvaluator engine, String host, int port) {
        this(engine, host, port, DEFAULT_MAX_BODY_BYTES);
    }

    public TariffServer(LiveEvaluator engine, String host, int port, int maxBodyBytes) {
        this(engine, host, port, maxBodyBytes, DEFAULT_EVAL_TIMEOUT);
    }

    /**
     * @param evalTimeout the longest one evaluation may take; past it the caller gets 503 and the evaluation is
     *                    stopped at its next rule firing
     */
    public TariffServer(LiveEvaluator engine, String host, int port, int maxBodyBytes, Duration evalTimeout) {
        if (evalTimeout.isNegative() || evalTimeout.isZero()) {
            throw new IllegalArgumentException("the evaluation time limit must be positive");
        }
        this.engine = engine;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("tariff-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false); // no need to advertise the server library and its version
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        metrics = new ServiceMetrics(engine);
        engine.addListener(metrics);
        evaluations = evaluationPool();
        server.setHandler(new GracefulHandler(new ApiHandler(engine, metrics, maxBodyBytes, evalTimeout, evaluations)));
        server.setStopTimeout(java.time.Duration.ofSeconds(10).toMillis());
    }

    /**
     * Threads that evaluate, apart from the HTTP threads: two per core keep the cores busy while one waits, and
     * bound how many evaluations run at once whatever the number of connections.
     */
    private static ThreadPoolExecutor evaluationPool() {
        int threads = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(EVALUATION_QUEUE), r -> {
                    Thread t = new Thread(r, "tariff-eval-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Evaluations running or waiting now (stopped ones leave at their next rule firing). */
    int evaluationsInProgress() {
        return evaluations.getActiveCount() + evaluations.getQueue().size();
    }

    /** Starts listening; {@link #port()} then gives the real port (useful with port 0). */
    public TariffServer start() throws Exception {
        server.start();
        return this;
    }

    /** Stops gracefully when the JVM is asked to end (SIGTERM, Ctrl-C). */
    public TariffServer stopAtShutdown() {
        server.setStopAtShutdown(true);
        return this;
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String host() {
        return connector.getHost();
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        evaluations.shutdownNow(); // one still running ends at its next rule firing past its time limit
        engine.removeListener(metrics);
    }
}
