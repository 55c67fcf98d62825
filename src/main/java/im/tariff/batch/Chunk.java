package im.tariff.batch;

/**
 * A run of whole input lines, copied out of the read buffer so a worker can own it. Line i is
 * data[starts[i] .. ends[i]) without its newline; its number in the file is firstLine + i (from 1).
 */
record Chunk(long seq, long firstLine, byte[] data, int[] starts, int[] ends, int count, long bytes) {
}
