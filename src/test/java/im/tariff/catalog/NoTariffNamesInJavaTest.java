package im.tariff.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import im.tariff.compile.RuleCompiler;
import im.tariff.compile.RuleSource;
import java.io.IOException;
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
 * Java holds generic notions only: no code of a plan, add-on, meter, limit, line or violation, no dimension
 * value, no currency, no usage field name and no name or label of any of them appears in src/main/java
 * (comments aside). The names are taken from the catalogs of every tariff the project ships, so a name an
 * analyst adds later is guarded too.
 */
class NoTariffNamesInJavaTest {

    private static final List<Path> TARIFFS = List.of(Path.of("rules"), Path.of("examples/tariffs/cn-2024"),
            Path.of("examples/tariffs/intl"), Path.of("examples/tariffs/zegocloud"),
            Path.of("examples/tariffs/rongcloud-beijing"), Path.of("examples/tariffs/rongcloud"),
            Path.of("examples/tariffs/rongcloud-contract"), Path.of("src/test/resources/tariffs/seed"));

    @Test
    void noTariffNameAppearsInTheProductsJava() throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> words = new LinkedHashSet<>();
        for (Path dir : TARIFFS) {
            Catalog c = RuleCompiler.compile(RuleSource.fromDirectory(dir)).catalog();
            codes.add(c.currency());
            for (PlanDef p : c.plans()) {
                codes.add(p.code());
                words.add(p.name());
                words.addAll(p.aliases());
            }
            for (AddOnDef a : c.addOns()) {
                codes.add(a.code());
                words.add(a.name());
            }
            for (MeterDef m : c.meters()) {
                codes.add(m.code());
                words.add(m.label());
                codes.addAll(m.usageFields());
                codes.addAll(m.dimensionValues().keySet());
                words.addAll(m.dimensionValues().values());
            }
            c.lines().forEach(l -> codes.add(l.code()));
            c.violations().forEach(v -> codes.add(v.code()));
        }
        assertThat(codes).contains("PRO", "HISTORY_STORAGE", "DAU", "PLAN_FEE", "LIMIT_EXCEEDED", "MAU");
        assertThat(words).contains("专业版", "延长历史消息存储时长");

        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String code = withoutComments(Files.readString(f, StandardCharsets.UTF_8));
                for (String c : codes) {
                    if (Pattern.compile("(?<![\\w$/])" + Pattern.quote(c) + "(?![\\w$/])").matcher(code).find()) {
                        found.add(f + ": " + c);
                    }
                }
                for (String w : words) {
                    // a Latin name (Standard) as a word, so StandardCharsets is not one; a Chinese one anywhere
                    boolean latin = w.chars().allMatch(ch -> ch < 0x80);
                    if (latin ? Pattern.compile("(?<!\\w)" + Pattern.quote(w) + "(?!\\w)").matcher(code).find()
                            : code.contains(w)) {
                        found.add(f + ": " + w);
                    }
                }
            }
        }
        assertThat(found).as("tariff names in src/main/java (they belong in the catalog of the rules)").isEmpty();
    }

    @Test
    void theScanSeesANameInCodeButNotInAComment() {
        String java = "class A { // PRO is a plan\n /* TRIAL */ String s = \"FLAGSHIP\"; }";
        String code = withoutComments(java);

        assertThat(code).contains("FLAGSHIP").doesNotContain("PRO").doesNotContain("TRIAL");
    }

    /** The Java text with // and block comments blanked out (string literals kept). */
    static String withoutComments(String java) {
        StringBuilder out = new StringBuilder(java.length());
        int i = 0;
        while (i < java.length()) {
            char ch = java.charAt(i);
            if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < java.length() && java.charAt(j) != ch) {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                out.append(java, i, Math.min(j + 1, java.length()));
                i = j + 1;
            } else if (java.startsWith("//", i)) {
                while (i < java.length() && java.charAt(i) != '\n') {
                    i++;
                }
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? java.length() : end + 2;
                out.append(' ');
            } else {
                out.append(ch);
                i++;
            }
        }
        return out.toString();
    }
}
