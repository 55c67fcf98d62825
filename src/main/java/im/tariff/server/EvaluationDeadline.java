package im.tariff.server;

import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Stops one evaluation at its next rule firing once its time is up or the caller gave up: the listener throws
 * before the rule's consequence runs, the engine ends the evaluation with an error and disposes of its
 * session, and the evaluation thread is free again. A single consequence that runs long is not interrupted
 * (Java cannot stop it safely); the evaluation ends when that consequence returns.
 */
final class EvaluationDeadline extends DefaultAgendaEventListener {

    /** Thrown inside the engine to end an evaluation; found again in the cause chain of its failure. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("evaluation stopped: over its time limit", null, false, false);
        }
    }

    private final long deadlineNanos;
    private volatile boolean cancelled;

    EvaluationDeadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** The caller gave up: stop at the next firing whatever the time. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        if (cancelled || System.nanoTime() - deadlineNanos > 0) {
            throw new Stopped();
        }
    }

    /** Whether failure was this deadline stopping the evaluation. */
    static boolean stoppedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Stopped) {
                return true;
            }
        }
        return false;
    }
}
