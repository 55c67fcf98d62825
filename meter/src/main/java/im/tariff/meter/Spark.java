package im.tariff.meter;

import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a command: local mode unless a master is given here or by spark-submit. */
final class Spark {
    private Spark() {
    }

    static SparkSession session(String appName, String master, boolean stageTimes) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        boolean local = conf.get("spark.master").startsWith("local");
        if (local) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            // a few tasks per core: the defaults (200) cost more in task overhead than they gain on one machine
            conf.setIfMissing("spark.sql.shuffle.partitions",
                    String.valueOf(Math.max(4, 4 * Runtime.getRuntime().availableProcessors())));
        }
        conf.setIfMissing("spark.sql.adaptive.enabled", "true");
        SparkSession s = SparkSession.builder().config(conf).getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        if (stageTimes) {
            s.sparkContext().addSparkListener(new StageTimes());
        }
        return s;
    }

    /** Prints each completed stage's duration, tasks, records read and shuffle bytes on stderr. */
    static final class StageTimes extends SparkListener {
        @Override
        public void onStageCompleted(SparkListenerStageCompleted e) {
            StageInfo i = e.stageInfo();
            long ms = i.completionTime().isDefined() && i.submissionTime().isDefined()
                    ? (Long) i.completionTime().get() - (Long) i.submissionTime().get() : -1;
            var m = i.taskMetrics();
            System.err.printf("stage %d %-40s %7.1f s  tasks %4d  input %,d rec  shuffle read %,d B  shuffle write %,d B"
                            + "  cpu %.1f s%n",
                    i.stageId(), clip(i.name()), ms / 1000.0, i.numTasks(), m.inputMetrics().recordsRead(),
                    m.shuffleReadMetrics().totalBytesRead(), m.shuffleWriteMetrics().bytesWritten(),
                    m.executorCpuTime() / 1e9);
        }

        private static String clip(String s) {
            return s.length() <= 40 ? s : s.substring(0, 40);
        }
    }
}
