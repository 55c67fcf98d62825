package im.tariff.evaluate;

import im.tariff.compile.RuleSource;

import static im.tariff.evaluate.BillAssert.assertThatBill;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine takes a bill's lines as the rules leave them: a line a rule deletes again is not billed. */
class FactRecorderTest {

    @TempDir
    Path dir;

    @Test
    void aLineDeletedByARuleIsNotOnTheBill() throws Exception {
        for (Path f : Files.newDirectoryStream(Path.of("src/test/resources/tariffs/mini"), "*.drl")) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        Files.writeString(dir.resolve("withdraw.drl"), """
                package im.tariff.rules;
                import im.tariff.model.*;
                rule "the plan fee is withdrawn"
                salience -500
                when
                    $line : ChargeLine(code == "PLAN_FEE")
                then
                    delete($line);
                end
                """);
        Evaluator rules = Evaluator.compile(RuleSource.fromDirectory(dir));

        assertThatBill(rules.evaluate(rules.reader().read("{\"appId\":\"a\",\"billingMonth\":\"2026-07\",\"plan\":\"PAID\"}")))
                .hasNoLine("PLAN_FEE");
    }
}
