package im.tariff.batch;

import java.io.ByteArrayOutputStream;

/** A byte buffer whose array the writer can hand to the output without another copy. */
final class ByteSink extends ByteArrayOutputStream {

    ByteSink(int size) {
        super(size);
    }

    byte[] array() {
        return buf;
    }

    int length() {
        return count;
    }
}
