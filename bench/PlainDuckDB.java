import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The yardstick of docs/PERFORMANCE-METERING.md: a plain DuckDB script (through its JDBC driver) that computes the
 * same figures as `tariff meter` on the bundled tariff from the same files — daily DAU, the day's highest group
 * count, the day's barrage peak per region, natural days in UTC+8 — and writes them, with no checks, no requests
 * and no bills.
 *
 *   java -cp duckdb_jdbc.jar bench/PlainDuckDB.java DIR parquet|csv OUT
 */
public class PlainDuckDB {
    public static void main(String[] a) throws Exception {
        String dir = a[0];
        String fmt = a[1];
        String read = fmt.equals("parquet") ? "read_parquet('%s/%s.parquet/*.parquet')"
                : "read_csv('%s/%s.csv/*.csv', header = true, all_varchar = true)";
        // times: epoch milliseconds (Parquet) or text (CSV: ISO-8601 with an offset, or epoch milliseconds)
        String ms = fmt.equals("parquet") ? "time"
                : "CASE WHEN time LIKE '%T%' THEN epoch_ms(CAST(time AS TIMESTAMPTZ)) ELSE CAST(time AS BIGINT) END";
        String day = "CAST((" + ms + " + 28800000) // 86400000 AS INT)";
        String sql = "SELECT appId, 'dau' AS what, d AS day, NULL AS region, CAST(count(DISTINCT userId) AS DECIMAL(38,18)) AS v"
                + " FROM (SELECT appId, userId, " + day + " AS d FROM " + read.formatted(dir, "logins") + ")"
                + " WHERE d BETWEEN 20727 AND 20757 GROUP BY appId, d"
                + " UNION ALL SELECT appId, 'groups', d, NULL, max(CAST(groups AS DECIMAL(38,18))) FROM (SELECT appId, groups, "
                + day + " AS d FROM " + read.formatted(dir, "groups") + ") WHERE d BETWEEN 20727 AND 20757 GROUP BY appId, d"
                + " UNION ALL SELECT appId, 'barrage', d, region, max(CAST(mbps AS DECIMAL(38,18))) FROM (SELECT appId, region, mbps, "
                + day + " AS d FROM " + read.formatted(dir, "barrage") + ") WHERE d BETWEEN 20727 AND 20757"
                + " GROUP BY appId, d, region ORDER BY appId, what, day, region";
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql); PrintWriter out = new PrintWriter(a[2], "UTF-8")) {
            while (r.next()) {
                out.println(r.getString(1) + "," + r.getString(2) + "," + r.getInt(3) + "," + r.getString(4) + ","
                        + r.getBigDecimal(5).stripTrailingZeros().toPlainString());
                rows++;
            }
        }
        System.err.println("plain duckdb: " + rows + " figures");
    }
}
