package im.tariff.meter;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What one partition of an input saw: rows read, used, outside the month, bad rows by reason and the first bad
 * rows in detail. A text partition is one split of one file: {@code start} is its byte offset and {@code lines}
 * its physical line count, so that the driver can turn a bad row's index within the split into its line number.
 */
final class PartStats implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int DETAIL_CAP = 100;

    final String input;
    final String file;
    final long start;
    long lines;
    long read;
    long used;
    long outside;
    final TreeMap<String, Long> badByReason = new TreeMap<>();
    final List<BadRow> bad = new ArrayList<>();

    PartStats(String input, String file, long start) {
        this.input = input;
        this.file = file;
        this.start = start;
    }

    String key() {
        return input + '\u0000' + file + '\u0000' + start;
    }

    void bad(String reason, String inFile, long position, String text) {
        badByReason.merge(reason, 1L, Long::sum);
        if (bad.size() < DETAIL_CAP) {
            bad.add(new BadRow(input, inFile, position, reason, text == null ? null : clip(text)));
        }
    }

    private static String clip(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /**
     * One refused row. position: for text, the 0-based line index within the split; for Parquet, the 0-based row
     * index within the file (or -1 when unknown).
     */
    record BadRow(String input, String file, long position, String reason, String text) implements Serializable {
    }
}
