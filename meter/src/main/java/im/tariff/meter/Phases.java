package im.tariff.meter;

import java.lang.management.ManagementFactory;

/** With TARIFF_METER_PHASES set, each phase of a run on stderr with the time since the JVM started. */
final class Phases {
    private static final boolean ON = System.getenv("TARIFF_METER_PHASES") != null;

    private Phases() {
    }

    static void mark(String what) {
        if (ON) {
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            System.err.printf("phase %6.2f s wall %6.2f s cpu  %s%n",
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, cpu / 1e9, what);
        }
    }
}
