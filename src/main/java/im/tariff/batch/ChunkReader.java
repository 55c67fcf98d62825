package im.tariff.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts an input stream into {@link Chunk}s of whole lines ('\n' ends a line; a '\r' before it is dropped by
 * the evaluator). A chunk holds at most maxLines lines and, unless one line is longer, about maxBytes bytes,
 * so memory stays bounded whatever the file size. A line longer than maxLineBytes is not kept: its bytes are
 * skipped up to its newline and it comes as a chunk of its own marked {@link Chunk#tooLong()}, so one huge
 * line can neither fill the heap nor lose the lines around it. A final line without a newline still counts;
 * the newline that ends the file does not start another line.
 */
final class ChunkReader {

    private final InputStream in;
    private final int maxLines;
    private final int maxBytes;
    private final int maxLineBytes;
    private byte[] buf;
    private int pos;   // first byte not yet handed out
    private int limit; // end of valid data in buf
    private boolean eof;
    private long nextLine = 1;
    private long nextSeq;

    ChunkReader(InputStream in, int maxLines, int maxBytes, int maxLineBytes) {
        this.in = in;
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
        this.maxLineBytes = maxLineBytes;
        this.buf = new byte[Math.max(maxBytes * 2, 1 << 16)];
    }

    /** The next chunk, or null at the end of the input. */
    Chunk next() throws IOException {
        int[] starts = new int[maxLines];
        int[] ends = new int[maxLines];
        int count = 0;
        int scan = pos;
        int lineStart = pos;
        while (count < maxLines && (count == 0 || scan - pos < maxBytes)) {
            int nl = indexOf(buf, (byte) '\n', scan, limit);
            if (nl < 0) {
                if (eof) {
                    if (lineStart < limit) { // last line without a newline
                        starts[count] = lineStart;
                        ends[count] = limit;
                        count++;
                        scan = limit;
                        lineStart = limit;
                    }
                    break;
                }
                if (limit - lineStart > maxLineBytes) {
                    if (count > 0) {
                        break; // hand out the lines before it; the long line comes alone next time
                    }
                    return skipLongLine();
                }
                // need more data: keep the lines found so far and the partial line, read on
                int shift = pos;
                fill();
                scan -= shift;
                lineStart -= shift;
                for (int i = 0; i < count; i++) {
                    starts[i] -= shift;
                    ends[i] -= shift;
                }
                continue;
            }
            starts[count] = lineStart;
            ends[count] = nl;
            count++;
            scan = nl + 1;
            lineStart = scan;
        }
        if (count == 0) {
            return null;
        }
        int from = pos;
        int to = scan;
        byte[] data = Arrays.copyOfRange(buf, from, to);
        for (int i = 0; i < count; i++) {
            starts[i] -= from;
            ends[i] -= from;
        }
        pos = to;
        Chunk c = new Chunk(nextSeq++, nextLine, data, starts, ends, count, to - from);
        nextLine += count;
        return c;
    }

    /** Skips the line starting at pos up to and with its newline (or the end of the input), unkept. */
    private Chunk skipLongLine() throws IOException {
        long length = limit - pos;
        long consumed = length;
        pos = limit;
        while (true) {
            if (eof) {
                break;
            }
            fill(); // pos == limit: nothing is kept, the buffer does not grow
            int nl = indexOf(buf, (byte) '\n', pos, limit);
            if (nl >= 0) {
                length += nl - pos;
                consumed += nl - pos + 1;
                pos = nl + 1;
                break;
            }
            length += limit - pos;
            consumed += limit - pos;
            pos = limit;
        }
        Chunk c = new Chunk(nextSeq++, nextLine, new byte[0], new int[] {0}, new int[] {0}, 1, consumed, length);
        nextLine++;
        return c;
    }

    /** Moves unread bytes to the front, grows the buffer if a single line fills it, and reads more. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private static int indexOf(byte[] a, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
