package im.tariff.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    @Test
    void showsCountRatePercentAndEtaFromTheBytesDone() {
        TerminalProgress p = new TerminalProgress(new PrintStream(new ByteArrayOutputStream()), 1000);
        // 250 of 1000 bytes in 10 s: 25 %, 30 s to go; 5000 lines in 10 s = 500 lines/s
        String text = p.render(5000, 3, 250, 10_000_000_000L);
        assertThat(text).contains("5,000 lines").contains("3 errors").contains("500 lines/s")
                .contains("25.0%").contains("ETA 0:30");
    }

    @Test
    void withoutAKnownSizeThereIsNoEtaAndTheLineIsErasedAtTheEnd() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TerminalProgress p = new TerminalProgress(new PrintStream(out, true, StandardCharsets.UTF_8), -1);
        assertThat(p.render(10, 0, 100, 1_000_000_000L)).doesNotContain("ETA");
        p.written(10, 10, 0, 100, 1_000_000_000L);
        p.finished();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("\r10 lines").endsWith("\r\u001b[K");
    }
}
