package im.tariff.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Turns one input line into one output JSON value: a bill, or an error record naming the line. One instance
 * serves one worker thread at a time, so it may keep per-thread state.
 */
public interface LineEvaluator {

    /**
     * Writes the result of line lineNo (counted from 1), held in buf[off .. off+len) as UTF-8 without its
     * newline, into out. Returns true for a bill, false for an error record.
     */
    boolean evaluate(long lineNo, byte[] buf, int off, int len, JsonGenerator out) throws IOException;

    /** The error record's reason for a line of length bytes over limit bytes (the rules' language when known). */
    default String tooLong(long limit, long length) {
        return im.tariff.io.JsonInput.tooLarge(limit, length).reason();
    }
}
