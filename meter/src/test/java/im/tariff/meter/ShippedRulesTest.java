package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.compile.RuleSource;
import im.tariff.evaluate.Evaluator;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import im.tariff.io.BillWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an executor compiles is the sheet the driver read: a variant's base folder resolved (it is not there on
 * an executor), its files declared in the same order (the catalog's lines keep their order), the same version.
 */
class ShippedRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"examples/tariffs/cn-2024", "examples/tariffs/intl", "rules"})
    void theShippedSheetBillsAsTheFolderDoes(String sheet) throws Exception {
        Path dir = TestMeter.repo(sheet);
        Evaluator direct = Evaluator.compile(RuleSource.fromDirectory(dir));
        Evaluator shipped = BillingBridge.load(BillingBridge.Rules.fromDirectory(dir));

        assertThat(shipped.version()).isEqualTo(direct.version());
        assertThat(shipped.catalog().lines().stream().map(l -> l.code()).toList())
                .isEqualTo(direct.catalog().lines().stream().map(l -> l.code()).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RequestGenerator(3, direct.catalog(), TariffHints.from(direct), RequestGenerator.Mix.MONTH_END)
                .writeLines(300, out);
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            assertThat(BillWriter.toJson(shipped.evaluate(shipped.reader().read(line))))
                    .isEqualTo(BillWriter.toJson(direct.evaluate(direct.reader().read(line))));
        }
    }
}
