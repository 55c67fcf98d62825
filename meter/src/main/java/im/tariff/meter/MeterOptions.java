package im.tariff.meter;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * One metering run. logins is required; groups, barrage and accounts may be null. Paths are Hadoop paths
 * (a local path, or a URI such as hdfs://… on a cluster); rules is a local folder or null for the bundled rules.
 */
record MeterOptions(YearMonth month, String logins, String groups, String barrage, String accounts, String out,
                    ZoneId zone, Path rules, String defaultPlan, boolean stageTimes) {

    /** Days are natural days of China Standard Time unless told otherwise. */
    static final String DEFAULT_ZONE = "Asia/Shanghai";
}
