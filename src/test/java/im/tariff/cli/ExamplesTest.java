package im.tariff.cli;

import static im.tariff.evaluate.Bills.totals;
import static im.tariff.evaluate.Bills.violations;
import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.evaluate.SharedEngine;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** examples/: every request evaluates (exit 0), and each bill is the one worked out by hand from the contract (docs/FORMAT.md). */
class ExamplesTest {

    static Stream<String> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            return files.map(Path::toString).filter(f -> f.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleEvaluatesWithExit0(String file) {
        Cli.Result r = Cli.run("evaluate", file);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
    }

    @Test
    void thereIsAnExampleForEveryPlanAndOneWithViolations() throws Exception {
        List<Bill> bills = examples().map(ExamplesTest::bill).toList();

        assertThat(bills).extracting(b -> b.plan()).contains("TRIAL", "PRO", "FLAGSHIP");
        assertThat(bills).anySatisfy(b -> assertThat(b.violations()).isNotEmpty());
    }

    @Test
    void trialBasic() {
        Bill bill = bill("examples/trial-basic.json");

        assertThat(lines(bill)).containsExactly("PLAN_FEE 0.00");
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void proMidMonth() {
        // plan and GROUP_MEMBER_CAP from 10-15, SECURITY_ADVANCED from 10-20; DAU 25,000 -> 2 blocks;
        // group peak 150,000 -> 1 block; history 90 d = 1000; barrage 20.5 x 2 = 41.00, 3.25 x 4 = 13.00
        Bill bill = bill("examples/pro-mid-month.json");

        assertThat(lines(bill)).containsExactly("PLAN_FEE 999.00", "DAU_OVERAGE 2000.00", "GROUP_OVERAGE 1000.00",
                "ADDON_GROUP_MEMBER_CAP 500.00", "ADDON_SECURITY_ADVANCED 1000.00", "ADDON_HISTORY_STORAGE 1000.00",
                "BARRAGE_BANDWIDTH_DOMESTIC 41.00", "BARRAGE_BANDWIDTH_INTERNATIONAL 13.00");
        assertThat(periods(bill)).containsExactly("2026-10-15..2026-11-14@2026-10-15",
                "2026-10-01..2026-10-31@2026-11-03", "2026-10-01..2026-10-31@2026-11-03",
                "2026-10-15..2026-11-14@2026-10-15", "2026-10-20..2026-11-19@2026-10-20",
                "2026-10-01..2026-10-31@2026-11-03", "2026-10-01..2026-10-31@2026-11-03",
                "2026-10-01..2026-10-31@2026-11-03");
        assertThat(totals(bill)).isEqualTo("2499.00 4054.00 6553.00");
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void flagshipLiveStreaming() {
        // 旗舰版 from 12-10; DAU peak 48,500 -> ceil(38,500 / 10,000) = 4 blocks; groups 99,000 free;
        // barrage domestic 150.5 + 220.25 + 80 = 450.75 x 2 = 901.50, international 35.125 x 4 = 140.50
        Bill bill = bill("examples/flagship-live-streaming.json");

        assertThat(lines(bill)).containsExactly("PLAN_FEE 2999.00", "DAU_OVERAGE 4000.00",
                "ADDON_GROUP_MEMBER_CAP 500.00", "ADDON_GROUPS_PER_USER 900.00", "ADDON_SECURITY_ADVANCED 1000.00",
                "ADDON_HISTORY_STORAGE 1000.00", "BARRAGE_BANDWIDTH_DOMESTIC 901.50",
                "BARRAGE_BANDWIDTH_INTERNATIONAL 140.50");
        ChargeLine fee = bill.lines().get(0);
        assertThat(fee.periodEnd()).isEqualTo(LocalDate.of(2027, 1, 9));
        assertThat(bill.lines().get(3).periodStart()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(bill.lines().get(3).periodEnd()).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(bill.lines().get(1).chargeDate()).isEqualTo(LocalDate.of(2027, 1, 3));
        // prepaid 2999 + 500 + 900 + 1000; postpaid 4000 + 1000 + 901.50 + 140.50
        assertThat(totals(bill)).isEqualTo("5399.00 6042.00 11441.00");
        assertThat(bill.violations()).isEmpty();
    }

    @Test
    void trialViolations() {
        Bill bill = bill("examples/trial-violations.json");

        assertThat(lines(bill)).containsExactly("PLAN_FEE 0.00");
        assertThat(totals(bill)).isEqualTo("0.00 0.00 0.00");
        assertThat(violations(bill)).containsExactlyInAnyOrder("DOWNGRADE_TO_TRIAL PRO",
                "ADDON_NOT_AVAILABLE GROUP_MEMBER_CAP", "ADDON_NOT_AVAILABLE HISTORY_STORAGE",
                "ADDON_NOT_AVAILABLE BARRAGE_BANDWIDTH", "LIMIT_EXCEEDED USERS", "LIMIT_EXCEEDED DAU",
                "LIMIT_EXCEEDED MEMBERS_PER_GROUP");
    }

    @Test
    void proDowngradeRequest() {
        // from 03-31 to 04-30; DAU exactly 10,000 is free; group peak 100,001 -> 1 block;
        // 60 days of history is not a PRO option; 350 members > 200 without GROUP_MEMBER_CAP
        Bill bill = bill("examples/pro-downgrade-request.json");

        assertThat(lines(bill)).containsExactly("PLAN_FEE 999.00", "GROUP_OVERAGE 1000.00",
                "ADDON_AVCHATROOM_UNLIMITED 1000.00");
        assertThat(periods(bill).get(0)).isEqualTo("2026-03-31..2026-04-30@2026-03-31");
        assertThat(periods(bill).get(2)).isEqualTo("2026-03-31..2026-04-30@2026-03-31");
        assertThat(totals(bill)).isEqualTo("1999.00 1000.00 2999.00");
        assertThat(violations(bill)).containsExactlyInAnyOrder("DOWNGRADE_TO_TRIAL PRO",
                "ADDON_OPTION_INVALID HISTORY_STORAGE", "LIMIT_EXCEEDED MEMBERS_PER_GROUP");
    }

    private static Bill bill(String file) {
        try {
            return SharedEngine.evaluate(im.tariff.evaluate.SharedEngine.reader().read(Files.readString(Path.of(file),
                    StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> lines(Bill bill) {
        return bill.lines().stream().map(l -> l.code() + " " + l.amount().toPlainString()).toList();
    }

    private static List<String> periods(Bill bill) {
        return bill.lines().stream().map(l -> l.periodStart() + ".." + l.periodEnd() + "@" + l.chargeDate()).toList();
    }
}
