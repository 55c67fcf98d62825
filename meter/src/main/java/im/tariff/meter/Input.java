package im.tariff.meter;

import java.util.List;

/** The three event inputs, their columns (in this order) and the name of their option. */
enum Input {
    LOGINS("logins", List.of("appId", "userId", "time")),
    GROUPS("groups", List.of("appId", "time", "groups")),
    BARRAGE("barrage", List.of("appId", "time", "region", "mbps"));

    final String label;
    final List<String> columns;

    Input(String label, List<String> columns) {
        this.label = label;
        this.columns = columns;
    }
}
