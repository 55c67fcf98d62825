package im.tariff.engine;

/** A valid request could not be evaluated because a rule failed while firing (a rule bug, not bad input). */
public class EvaluationException extends RuntimeException {

    public EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
