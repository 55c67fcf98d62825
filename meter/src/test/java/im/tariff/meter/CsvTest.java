package im.tariff.meter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void splitsPlainAndQuotedFields() {
        assertThat(Csv.split("a, b ,c")).containsExactly("a", "b", "c");
        assertThat(Csv.split("\"x,y\",\"say \"\"hi\"\"\",")).containsExactly("x,y", "say \"hi\"", "");
        assertThat(Csv.split("")).containsExactly("");
    }
}
