package im.tariff.batch;

import java.io.PrintStream;

/**
 * Progress for people watching a terminal: lines done, rate and, when the input size is known, percent
 * and ETA (from the input bytes done). Redrawn in place at most twice a second; erased at the end.
 */
public final class TerminalProgress implements ProgressListener {

    private static final long EVERY_NANOS = 500_000_000L;

    private final PrintStream err;
    private final long totalBytes;
    private long lastPrint;
    private boolean printed;

    /** totalBytes ≤ 0 when unknown. */
    public TerminalProgress(PrintStream err, long totalBytes) {
        this.err = err;
        this.totalBytes = totalBytes;
    }

    @Override
    public void written(long lines, long bills, long errors, long bytesDone, long nanos) {
        if (nanos - lastPrint < EVERY_NANOS) {
            return;
        }
        lastPrint = nanos;
        err.print("\r" + render(lines, errors, bytesDone, nanos) + "\u001b[K");
        err.flush();
        printed = true;
    }

    String render(long lines, long errors, long bytesDone, long nanos) {
        double seconds = nanos / 1e9;
        double rate = seconds > 0 ? lines / seconds : 0;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%,d lines (%,d errors)  %,.0f lines/s", lines, errors, rate));
        if (totalBytes > 0 && bytesDone > 0) {
            double done = Math.min(1.0, (double) bytesDone / totalBytes);
            long eta = Math.round(seconds * (1 - done) / done);
            sb.append(String.format("  %.1f%%  ETA %d:%02d", done * 100, eta / 60, eta % 60));
        }
        return sb.toString();
    }

    @Override
    public void finished() {
        if (printed) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
