package im.tariff.server;

import im.tariff.engine.TariffEngine;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The tariff engine behind a JSON HTTP API (SPEC 2.5) on Jetty. Loopback by default; a graceful stop lets
 * requests in flight finish (up to 10 s) while new connections are refused.
 */
public final class TariffServer implements AutoCloseable {

    /** Request bodies above this are refused with 413. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

    private final Server server;
    private final ServerConnector connector;
    private final ServiceMetrics metrics;
    private final TariffEngine engine;

    public TariffServer(TariffEngine engine, String host, int port) {
        this(engine, host, port, DEFAULT_MAX_BODY_BYTES);
    }

    public TariffServer(TariffEngine engine, String host, int port, int maxBodyBytes) {
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
        server.setHandler(new GracefulHandler(new ApiHandler(engine, metrics, maxBodyBytes)));
        server.setStopTimeout(java.time.Duration.ofSeconds(10).toMillis());
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
        engine.removeListener(metrics);
    }
}
