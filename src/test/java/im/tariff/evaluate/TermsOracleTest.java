package im.tariff.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import im.tariff.generate.RequestGenerator;
import im.tariff.generate.TariffHints;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.model.BillRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test on the live sheets themselves (rules/ and every sheet under examples/tariffs/): random valid
 * requests, each billed by the engine and by {@link TermsOracle} from the terms the sheet's own rules set. The
 * numbers come from the rules on both sides, so a deliberate price edit breaks nothing here; a library rule,
 * the calendar or the closed world going wrong breaks it at once.
 */
class TermsOracleTest {

    private static final int REQUESTS_PER_SHEET = 1_500;

    @TestFactory
    Stream<DynamicTest> everySheetAgreesWithTheOracleOnGeneratedRequests() throws Exception {
        return LiveSheets.all().stream().map(sheet -> DynamicTest.dynamicTest(sheet.toString(), () -> {
            Evaluator rules = LiveSheets.evaluator(sheet);
            RequestGenerator generator = new RequestGenerator(7, rules.catalog(), TariffHints.from(rules));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            generator.writeLines(REQUESTS_PER_SHEET, out);
            int checked = 0;
            for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
                checked += agree(rules, Json.MAPPER.readTree(line)) ? 1 : 0;
            }
            assertThat(checked).as("requests the oracle could price").isGreaterThan(REQUESTS_PER_SHEET / 2);
        }));
    }

    @Test
    void theBundledRulesAgreeWithTheOracleOnRequestsThatCrowdTheirBoundaries() throws Exception {
        Evaluator rules = LiveSheets.evaluator(Path.of("rules"));
        for (long seed = 1; seed <= 1_500; seed++) {
            agree(rules, RandomRequests.generate(seed));
        }
    }

    /** Bills one request both ways and compares; false when the oracle does not cover it (a plan change). */
    static boolean agree(Evaluator rules, JsonNode request) throws InvalidRequestException {
        BillRequest req = rules.reader().read(request);
        Explained e = rules.explain(req);
        TermsOracle.Expected expected = TermsOracle.bill(rules.catalog(), req, e.terms());
        String context = request.toString();
        assertThat(TermsOracle.lines(e.bill(), expected, rules.catalog())).as(context).isEqualTo(expected.lines());
        Set<String> limits = new TreeSet<>();
        e.bill().violations().stream().filter(v -> v.code().equals("LIMIT_EXCEEDED"))
                .forEach(v -> limits.add(v.code() + " " + v.subject()));
        assertThat(limits).as(context).isEqualTo(expected.limits());
        for (String subject : expected.gapSubjects()) {
            assertThat(e.bill().violations()).as(context + ": something said about " + subject)
                    .anySatisfy(v -> assertThat(v.subject()).isEqualTo(subject));
        }
        return !expected.planChanged();
    }
}
