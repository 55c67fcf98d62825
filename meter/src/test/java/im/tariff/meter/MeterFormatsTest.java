package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same events as JSONL and as Parquet give the same series as CSV. */
class MeterFormatsTest {
    @TempDir
    Path dir;

    @Test
    void jsonlWithTextAndNumberTimes() throws Exception {
        Path logins = TestMeter.write(dir, "logins.jsonl",
                "{\"appId\":\"a\",\"userId\":\"u1\",\"time\":\"2026-10-04T16:30:00Z\"}",
                "{\"appId\":\"a\",\"userId\":\"u2\",\"time\":1791131400000}",
                "{\"appId\":\"a\",\"userId\":\"u2\",\"time\":\"2026-10-05T09:00:00+08:00\"}");
        Path barrage = TestMeter.write(dir, "barrage.jsonl",
                "{\"appId\":\"a\",\"time\":\"2026-10-05T09:00:00+08:00\",\"region\":\"DOMESTIC\",\"mbps\":7.125}");
        TestMeter.Result r = TestMeter.meter().logins(logins).barrage(barrage).into(dir.resolve("out"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        TestMeter.Result s = TestMeter.meter().logins(logins).barrage(barrage).spark().into(dir.resolve("out-spark"));
        assertThat(TestMeter.outputs(s)).isEqualTo(TestMeter.outputs(r));
        // 1791131400000 = 2026-10-05T00:30:00+08:00
        assertThat(r.dau("a")).containsExactly("2026-10-05=2");
        assertThat(r.series("a", "barrage", "peakMbps")).containsExactly("2026-10-05=7.125");
    }

    @Test
    void parquetWithEpochMillisAndDecimalMbps() throws Exception {
        StructType logins = new StructType(new StructField[] {
                DataTypes.createStructField("appId", DataTypes.StringType, false),
                DataTypes.createStructField("userId", DataTypes.StringType, false),
                DataTypes.createStructField("time", DataTypes.LongType, false)});
        StructType barrage = new StructType(new StructField[] {
                DataTypes.createStructField("appId", DataTypes.StringType, false),
                DataTypes.createStructField("time", DataTypes.StringType, false),
                DataTypes.createStructField("region", DataTypes.StringType, false),
                DataTypes.createStructField("mbps", DataTypes.createDecimalType(10, 3), false)});
        var spark = TestMeter.spark();
        Path lp = dir.resolve("logins.parquet");
        Path bp = dir.resolve("barrage.parquet");
        spark.createDataFrame(List.<Row>of(
                RowFactory.create("a", "u1", 1791131400000L),             // 2026-10-05 00:30 China
                RowFactory.create("a", "u1", 1791131400000L + 3_600_000L),
                RowFactory.create("a", "u2", 1791131400000L - 3_600_000L)), // 2026-10-04 23:30 China
                logins).write().parquet(lp.toString());
        spark.createDataFrame(List.<Row>of(
                RowFactory.create("a", "2026-10-05T09:00:00+08:00", "INTERNATIONAL", new BigDecimal("2.500"))),
                barrage).write().parquet(bp.toString());
        TestMeter.Result r = TestMeter.meter().logins(lp).barrage(bp).into(dir.resolve("out"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        TestMeter.Result s = TestMeter.meter().logins(lp).barrage(bp).spark().into(dir.resolve("out-spark"));
        assertThat(TestMeter.outputs(s)).isEqualTo(TestMeter.outputs(r));
        assertThat(r.dau("a")).containsExactly("2026-10-04=1", "2026-10-05=1");
        assertThat(r.series("a", "barrage", "peakMbps")).containsExactly("2026-10-05=2.5");
    }
}
