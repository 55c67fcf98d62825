package im.tariff.reload;

import java.time.Instant;
import java.util.List;

/**
 * What an engine serves now and how its last reload went (for /v1/rules and /health).
 *
 * @param lastReload     the latest reload attempt (at startup: the initial load)
 * @param reloadAttempts reload attempts since startup (the initial load not counted)
 * @param reloadsRefused attempts that left the old rules in force
 */
public record LiveStatus(String version, String origin, List<String> files, int ruleCount, Instant loadedAt,
                           boolean watching, ReloadResult lastReload, long reloadAttempts, long reloadsRefused) {

    public LiveStatus {
        files = List.copyOf(files);
    }
}
