package im.tariff.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two bundles say the same things: every key in both, with the same placeholders, none empty, every
 * pattern a valid MessageFormat; the English one holds no Chinese character; every key the product's Java
 * and the calculator page ask for by name exists.
 */
class MessagesTest {

    private static final Messages ZH = Messages.of(Language.ZH);
    private static final Messages EN = Messages.of(Language.EN);
    /** CJK ideographs and the full-width punctuation that goes with them (、，：（）「」). */
    static final Pattern CJK = Pattern.compile("[\\u3000-\\u303F\\u3400-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF]");

    @Test
    void everyKeyIsInBothLanguages() {
        assertThat(ZH.keys()).as("keys of the Chinese bundle").isNotEmpty();
        Set<String> onlyZh = new TreeSet<>(ZH.keys());
        onlyZh.removeAll(EN.keys());
        Set<String> onlyEn = new TreeSet<>(EN.keys());
        onlyEn.removeAll(ZH.keys());
        assertThat(onlyZh).as("keys missing from messages_en.properties").isEmpty();
        assertThat(onlyEn).as("keys missing from messages_zh.properties").isEmpty();
    }

    @Test
    void eachKeyHasTheSamePlaceholdersInBothLanguages() {
        List<String> differ = new ArrayList<>();
        for (String key : ZH.keys()) {
            Set<Integer> zh = Messages.placeholders(ZH.pattern(key));
            Set<Integer> en = Messages.placeholders(EN.pattern(key));
            if (!zh.equals(en)) {
                differ.add(key + ": zh " + zh + ", en " + en);
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void noValueIsEmptyAndEveryPatternFormats() {
        for (Messages m : List.of(ZH, EN)) {
            for (String key : m.keys()) {
                String pattern = m.pattern(key);
                assertThat(pattern.trim()).as("%s in %s", key, m.language()).isNotEmpty();
                new MessageFormat(pattern); // throws on a broken pattern
                Set<Integer> used = Messages.placeholders(pattern);
                Object[] args = new Object[used.isEmpty() ? 0 : used.stream().mapToInt(i -> i).max().getAsInt() + 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = "ARG" + i;
                }
                String text = m.format(key, args);
                assertThat(text).as("%s in %s, formatted", key, m.language()).doesNotContain("{0", "{1", "{2");
                for (int i : used) {
                    assertThat(text).as("%s in %s shows argument %d", key, m.language(), i).contains("ARG" + i);
                }
                assertThat(used.stream().allMatch(i -> i < args.length)).isTrue();
                // only plain {n}: arguments are text, never numbers the formatter would regroup
                assertThat(pattern).as("%s in %s", key, m.language()).doesNotContainPattern("\\{\\d+,");
            }
        }
    }

    @Test
    void everyMessageReadsAsMessageFormatWouldWriteIt() {
        for (Messages m : List.of(ZH, EN)) {
            for (String key : m.keys()) {
                String pattern = m.pattern(key);
                // one argument fewer than used, too: a missing argument stays {n} in both
                int n = Messages.placeholders(pattern).stream().mapToInt(i -> i + 1).max().orElse(0);
                for (int given : new int[] {n, Math.max(0, n - 1)}) {
                    String[] args = new String[given];
                    for (int i = 0; i < given; i++) {
                        args[i] = "it's {" + i + "} 100%";
                    }
                    assertThat(m.format(key, (Object[]) args)).as("%s in %s with %d arguments", key, m.language(), given)
                            .isEqualTo(new MessageFormat(pattern, m.language().locale()).format(args));
                }
            }
        }
    }

    @Test
    void quotesAndBracesReadAsMessageFormatReadsThem() {
        for (String pattern : List.of("it''s {0}", "'{0}' is {0}", "'it''s' {1}{0}", "a '{' b", "{0}{0}", "", "x}y",
                "'unclosed {0}", "''{0}'' or ''}''")) {
            Template t = Template.parse(pattern);
            String expected = new MessageFormat(pattern).format(new Object[] {"A", "B"});
            assertThat(t).as(pattern).isNotNull();
            assertThat(t.fill(new String[] {"A", "B"})).as(pattern).isEqualTo(expected);
        }
        assertThat(Template.parse("{0,number}")).as("a typed placeholder is left to MessageFormat").isNull();
    }

    @Test
    void theEnglishBundleHasNoChinese() {
        List<String> chinese = new ArrayList<>();
        for (String key : EN.keys()) {
            if (CJK.matcher(EN.pattern(key)).find()) {
                chinese.add(key + "=" + EN.pattern(key));
            }
        }
        assertThat(chinese).isEmpty();
    }

    @Test
    void argumentsAreWrittenAsText() {
        assertThat(EN.format("json.tooLarge", 1048576, 2000000L)).isEqualTo("request over 1048576 bytes (2000000 bytes)");
        assertThat(ZH.format("reader.outsideMonth", "2026-11-01", "2026-10")).isEqualTo("日期 2026-11-01 不在账单月 2026-10 内");
        assertThat(EN.format("reader.unknownPlan", "GOLD", "X", "")).isEqualTo("unknown plan 'GOLD' (expected X)");
    }

    @Test
    void listsReadInTheirLanguage() {
        assertThat(EN.or(List.of("A", "B", "C"))).isEqualTo("A, B or C");
        assertThat(ZH.or(List.of("A", "B", "C"))).isEqualTo("A、B 或 C");
        assertThat(EN.or(List.of("A"))).isEqualTo("A");
        assertThat(EN.join(List.of("A", "B"))).isEqualTo("A, B");
    }

    @Test
    void templatesLeaveThePlaceholdersForThePage() {
        assertThat(EN.templates("reader.").get("unknownPlan")).isEqualTo("unknown plan '{0}' (expected {1}){2}");
    }

    @Test
    void anUnknownKeyIsABugNotAHalfMessage() {
        assertThatThrownBy(() -> EN.format("no.such.key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void languagesAreReadFromTheirCodes() {
        assertThat(Language.of("zh")).isEqualTo(Language.ZH);
        assertThat(Language.of("zh-CN")).isEqualTo(Language.ZH);
        assertThat(Language.of("EN")).isEqualTo(Language.EN);
        assertThat(Language.of("en_US")).isEqualTo(Language.EN);
        assertThat(Language.of("fr")).isNull();
        assertThat(Language.of(null)).isNull();
        assertThat(Messages.of(null).language()).isEqualTo(Language.DEFAULT);
    }

    /** format("key" and text("key" in the Java and the page name keys that must exist in both bundles. */
    @Test
    void everyKeyTheProductAsksForExists() throws IOException {
        Pattern call = Pattern.compile("(?:\\.format|\\bt|\\bword|\\bwords)\\(\\s*\"([a-zA-Z][\\w.]*)\"");
        Pattern js = Pattern.compile("\\bt\\(\\s*'([a-zA-Z][\\w.]*)'");
        Pattern html = Pattern.compile("\\{\\{([a-zA-Z][\\w.]*)}}");
        List<String> missing = new ArrayList<>();
        int asked = 0;
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/main/resources/web"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    for (Pattern p : List.of(call, js, html)) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            String key = m.group(1);
                            if (f.toString().endsWith(".js") && p == js) {
                                key = "web." + key;
                            } else if (p == html && (!f.toString().endsWith(".html") || !key.contains("."))) {
                                continue; // {{lang}} is filled by the server, not from the bundle
                            }
                            if (!key.contains(".") && !f.toString().endsWith(".js")) {
                                continue;
                            }
                            asked++;
                            if (!ZH.has(key) || !EN.has(key)) {
                                missing.add(f + ": " + key);
                            }
                        }
                    }
                }
            }
        }
        assertThat(asked).as("keys found in the sources").isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    /** Every word of the page is used by it: a key the page no longer asks for is removed from both bundles. */
    @Test
    void everyWordOfThePageIsUsed() throws IOException {
        String page = Files.readString(Path.of("src/main/resources/web/app.js"), StandardCharsets.UTF_8)
                + Files.readString(Path.of("src/main/resources/web/index.html"), StandardCharsets.UTF_8);
        List<String> unused = new ArrayList<>();
        for (String key : ZH.keys()) {
            if (key.startsWith("web.") && !page.contains("'" + key.substring(4) + "'") && !page.contains("{{" + key + "}}")) {
                unused.add(key);
            }
        }
        assertThat(unused).isEmpty();
    }
}
