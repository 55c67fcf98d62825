package im.tariff.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The refund's words: the same keys and placeholders in every language, none empty, no Chinese in English. */
class RefundWordsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void everyLanguageHasTheSameKeysAndPlaceholders() {
        assertThat(new TreeSet<>(RefundWords.keys("zh"))).isEqualTo(new TreeSet<>(RefundWords.keys("en")));
        for (String key : RefundWords.keys("en")) {
            String en = RefundWords.pattern("en", key);
            String zh = RefundWords.pattern("zh", key);
            assertThat(placeholders(zh)).as(key).isEqualTo(placeholders(en));
            assertThat(en).as(key).isNotBlank();
            assertThat(zh).as(key).isNotBlank();
            assertThat(en.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as("no Chinese in the English %s", key).isTrue();
        }
    }

    @Test
    void wordsFollowTheSheetsLanguageAndFillInTheirArguments() {
        assertThat(RefundWords.of("en").say("read.cents", "1.001"))
                .isEqualTo("an amount has at most two decimals (cents), got 1.001");
        assertThat(RefundWords.of("zh").say("read.cents", "1.001")).isEqualTo("金额最多两位小数（到分），实际是 1.001");
        assertThat(RefundWords.of("xx").language()).as("an unknown language: the default").isEqualTo("zh");
        assertThat(RefundWords.of("en").say("rules.noState")).contains("app's state");
    }

    private static TreeSet<String> placeholders(String pattern) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
