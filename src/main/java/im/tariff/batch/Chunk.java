package im.tariff.batch;

/**
 * A run of whole input lines, copied out of the read buffer so a worker can own it. Line i is
 * data[starts[i] .. ends[i]) without its newline; its number in the file is firstLine + i (from 1).
 * tooLong > 0 marks a chunk of one line that was longer than the line limit: its tooLong bytes were skipped
 * unread (data is empty) and the line becomes an error record.
 */
record Chunk(long seq, long firstLine, byte[] data, int[] starts, int[] ends, int count, long bytes, long tooLong) {

    Chunk(long seq, long firstLine, byte[] data, int[] starts, int[] ends, int count, long bytes) {
        this(seq, firstLine, data, starts, ends, count, bytes, 0);
    }
}
