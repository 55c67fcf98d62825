package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.catalog.Catalog;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.reload.LiveEvaluator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The meter's Java knows no tariff either: no plan, meter or line code, no request field, dimension value, event
 * source or event column of any sheet the project ships appears in meter/src/main/java (comments aside); they come
 * from the catalog of the rules being metered.
 */
class NoTariffNamesInMeterTest {

    @Test
    void noTariffNameAppearsInTheMetersJava() throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        for (String sheet : List.of("rules", "examples/tariffs/cn-2024", "examples/tariffs/intl")) {
            Catalog c = LiveEvaluator.load(TestMeter.repo(sheet)).rules().catalog();
            for (PlanDef p : c.plans()) {
                codes.add(p.code());
            }
            for (MeterDef m : c.meters()) {
                codes.add(m.code());
                codes.addAll(m.usageFields());
                codes.addAll(m.dimensionValues().keySet());
                if (m.valueField() != null) {
                    codes.add(m.valueField());
                }
                if (m.measurement() != null) {
                    codes.add(m.measurement().source());
                    codes.add(m.measurement().column());
                }
            }
            c.lines().forEach(l -> codes.add(l.code()));
        }
        assertThat(codes).contains("TRIAL", "FREE_TRIAL", "DAU", "dailyDau", "mau", "logins", "userId", "DOMESTIC");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestMeter.repo("meter/src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
                for (String c : codes) {
                    if (Pattern.compile("(?<![\\w$/])" + Pattern.quote(c) + "(?![\\w$/])").matcher(code).find()) {
                        found.add(f.getFileName() + ": " + c);
                    }
                }
            }
        }
        assertThat(found).as("tariff names in meter/src/main/java (they belong in the catalog)").isEmpty();
    }

    private static String withoutComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
