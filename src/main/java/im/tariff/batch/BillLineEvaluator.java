package im.tariff.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.evaluate.Evaluator;
import im.tariff.evaluate.EvaluationException;
import im.tariff.io.BillWriter;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.JsonInput;
import im.tariff.io.RequestReader;
import im.tariff.model.BillRequest;
import im.tariff.model.Bill;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The batch's line evaluator: strict request reading against the rules' catalog, then the rule engine,
 * then the result JSON. A refused request, a failing evaluation, or any failure of the program's own on
 * one line becomes an error record for that line; the other lines still get their results.
 */
public final class BillLineEvaluator implements LineEvaluator {

    /** The error record of a line whose evaluation failed for a reason of the program's own. */
    public static final String INTERNAL_ERROR = "内部错误 (internal error): this line could not be evaluated; "
            + "please report it with the line";

    /** Reads and evaluates one line's bytes into a bill. */
    private interface Billing {
        Bill bill(byte[] buf, int off, int len) throws InvalidRequestException;
    }

    private final Billing billing;
    /** The reader of the rules in force: its language words a refusal made before any reading. */
    private final Supplier<RequestReader> reader;

    /** rules: the rule set each line is read and evaluated with (its catalog validates the request). */
    public BillLineEvaluator(Supplier<Evaluator> rules) {
        this.billing = (buf, off, len) -> {
            Evaluator r = rules.get(); // one rule set for the whole line
            return r.evaluate(r.reader().read(buf, off, len));
        };
        this.reader = () -> rules.get().reader();
    }

    /** Any evaluation of requests read by the given reader (a benchmark's hand-coded baseline, a test). */
    public BillLineEvaluator(RequestReader reader, Function<BillRequest, Bill> evaluation) {
        this.billing = (buf, off, len) -> evaluation.apply(reader.read(buf, off, len));
        this.reader = () -> reader;
    }

    @Override
    public String tooLong(long limit, long length) {
        return JsonInput.tooLarge(limit, length, reader.get().messages()).reason();
    }

    @Override
    public boolean evaluate(long lineNo, byte[] buf, int off, int len, JsonGenerator out) throws IOException {
        if (len > 0 && buf[off + len - 1] == '\r') {
            len--; // CRLF files
        }
        Bill bill;
        try {
            bill = billing.bill(buf, off, len);
        } catch (InvalidRequestException e) {
            ErrorRecord.write(out, lineNo, e.reason(), e.field());
            return false;
        } catch (EvaluationException e) {
            ErrorRecord.write(out, lineNo, e.getMessage(), "$");
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            // the program's own failure on this line: the other lines still get their results
            ErrorRecord.write(out, lineNo, INTERNAL_ERROR, "$");
            return false;
        }
        BillWriter.write(bill, out);
        return true;
    }
}
