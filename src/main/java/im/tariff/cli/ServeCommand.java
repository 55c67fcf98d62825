package im.tariff.cli;

import im.tariff.reload.ReloadGate;
import im.tariff.compile.RuleCompilationException;
import im.tariff.reload.LiveEvaluator;
import im.tariff.scenario.ScenarioReloadGate;
import im.tariff.server.TariffServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the tariff as a JSON HTTP API, on loopback by default.",
                "Endpoints:",
                "  POST /v1/evaluate        request -> bill (400 bad input, 413 body too large,",
                "                           503 over --eval-timeout or too busy)",
                "  POST /v1/refund          refund request -> refund (as tariff refund; same limits)",
                "  GET  /v1/rules           rules version, files, last reload result",
                "  POST /v1/rules/reload    reload now (200 swapped/unchanged, 422 refused)",
                "  GET  /health, GET /metrics (Prometheus text)",
                "With --watch, edits to the rules folder are linted, compiled and checked",
                "against its scenarios/ in the background; only rules that pass replace",
                "the rules in force."},
        footer = {"", "Runs until stopped (SIGTERM or Ctrl-C stop it gracefully). Exit status: 0 stopped; "
                + "1 cannot listen; 2 bad options; 3 rules do not compile, are unsafe or fail their scenarios."})
public class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "address to listen on (default: ${DEFAULT-VALUE}, loopback only)")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--watch", description = "reload the rules folder (--rules) whenever its files change")
    boolean watch;

    @Option(names = "--max-body", defaultValue = "1048576", paramLabel = "BYTES",
            description = "largest request body accepted (default: ${DEFAULT-VALUE}); larger gets 413")
    int maxBody;

    @Option(names = "--eval-timeout", defaultValue = "5", paramLabel = "SECONDS",
            description = "longest one evaluation may take (default: ${DEFAULT-VALUE} s; a bill takes well under "
                    + "1 ms); past it the caller gets 503 and the evaluation is stopped")
    BigDecimal evalTimeout;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws InterruptedException {
        configureLogging();
        if (watch && rules.rulesDir == null) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: --watch needs --rules DIR (the bundled rules never change)");
        }
        Duration timeout = timeout(evalTimeout);
        LiveEvaluator engine = startEngine(rules.rulesDir);
        TariffServer server = new TariffServer(engine, host, port, maxBody, timeout);
        try {
            server.stopAtShutdown().start();
        } catch (Exception e) {
            engine.close();
            throw new CliExit(1, "error: cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        if (!isLoopback(host)) {
            Console.ERR.println("warning: listening on " + host + ", not loopback only: the API has no authentication");
        }
        Console.OUT.println("tariff serve: http://" + host + ":" + server.port() + "/ rules " + engine.rules().version()
                + " (" + engine.status().origin() + ")" + (watch ? ", watching for edits" : ""));
        server.join();
        engine.close();
        return ExitCodes.OK;
    }

    private static Duration timeout(BigDecimal seconds) {
        BigDecimal millis = seconds.movePointRight(3);
        if (millis.compareTo(BigDecimal.ONE) < 0 || millis.compareTo(BigDecimal.valueOf(3_600_000)) > 0) {
            throw new CliExit(ExitCodes.BAD_INPUT, "error: --eval-timeout must be from 0.001 to 3600 seconds");
        }
        return Duration.ofMillis(millis.longValue());
    }

    private LiveEvaluator startEngine(Path dir) {
        try {
            LiveEvaluator engine = LiveEvaluator.builder().rules(dir).gate(gateFor(dir)).build();
            if (watch) {
                engine.watch();
            }
            return engine;
        } catch (RuleCompilationException e) {
            throw new CliExit(ExitCodes.BAD_RULES, RulesOption.describe(e) + "; not serving");
        } catch (IOException e) {
            throw new CliExit(ExitCodes.BAD_RULES, "cannot read rules: " + e.getMessage());
        }
    }

    /** The scenarios in DIR/scenarios/ gate every load of DIR; the bundled rules never reload. */
    static ReloadGate gateFor(Path rulesDir) {
        return rulesDir == null ? ReloadGate.NONE : new ScenarioReloadGate(rulesDir);
    }

    private static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** A service logs its reloads (INFO) with time stamps; set before the first logger is made. */
    private static void configureLogging() {
        setIfAbsent("org.slf4j.simpleLogger.log.im.tariff", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        // Drools logs every build error itself; the reload summary already lists them as file:line
        setIfAbsent("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject", "off");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
