package im.tariff.refund;

import im.tariff.evaluate.EvaluationException;

/**
 * The rules answer no refund at all: the sheet does not define one (its folder has no refund rules). A problem
 * of the rules, not of the request; said in plain words (exit 3 on the command line, 422 over HTTP).
 */
public final class RefundUndefinedException extends EvaluationException {

    public RefundUndefinedException(String message) {
        super(message, null);
    }
}
