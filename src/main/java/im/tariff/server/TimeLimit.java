package im.tariff.server;

import im.tariff.evaluate.EvaluationException;
import im.tariff.i18n.Messages;
import im.tariff.io.InvalidRequestException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rule work of one HTTP request (an evaluation, a quote, an advice) on the service's bounded evaluation
 * pool under --eval-timeout, never on the HTTP thread: past the limit the caller gets 503 and the work is
 * stopped at its next rule firing ({@link EvaluationDeadline}). The answers are worded in the language of the
 * rules that serve the request.
 */
final class TimeLimit {

    private static final Logger LOG = LoggerFactory.getLogger(TimeLimit.class);

    /** How the work ended, for the metrics of /v1/evaluate: ok, bad_request, timeout, busy, error. */
    @FunctionalInterface
    interface Outcomes {
        void ended(String outcome, long nanos);
    }

    /** The rule work; the deadline goes to every evaluation it makes. */
    @FunctionalInterface
    interface Work<T> {
        T run(EvaluationDeadline deadline) throws InvalidRequestException;
    }

    /** What to answer with the result. */
    @FunctionalInterface
    interface Answer<T> {
        Reply of(T result);
    }

    private final ExecutorService pool;
    private final Duration timeout;

    TimeLimit(ExecutorService pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    /**
     * Runs work started at startedNanos (the time limit counts from the request's arrival) and answers with
     * its result; 400 when the work refuses its input, 503 past the limit or when the pool is full, 500 when a
     * rule fails. what names the work in the log.
     */
    <T> Reply run(long startedNanos, String what, Messages words, Outcomes outcomes, Work<T> work, Answer<T> answer) {
        EvaluationDeadline deadline = new EvaluationDeadline(startedNanos + timeout.toNanos());
        Future<T> future;
        try {
            future = pool.submit(() -> work.run(deadline));
        } catch (RejectedExecutionException e) {
            outcomes.ended("busy", 0);
            return Reply.error(503, words.format("http.busy"), null);
        }
        try {
            T result = future.get(Math.max(0, startedNanos + timeout.toNanos() - System.nanoTime()), TimeUnit.NANOSECONDS);
            Reply reply = answer.of(result);
            outcomes.ended("ok", System.nanoTime() - startedNanos);
            return reply;
        } catch (TimeoutException e) {
            deadline.cancel();
            future.cancel(true);
            return timedOut(what, words, outcomes);
        } catch (InterruptedException e) {
            deadline.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            outcomes.ended("error", 0);
            return Reply.error(503, words.format("http.stopping"), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (EvaluationDeadline.stoppedBy(cause)) {
                return timedOut(what, words, outcomes);
            }
            if (cause instanceof InvalidRequestException bad) {
                outcomes.ended("bad_request", 0);
                return Reply.error(400, bad.reason(), bad.field());
            }
            outcomes.ended("error", 0);
            if (cause instanceof EvaluationException) {
                // a rule bug, not the caller's fault: say so without a stack trace
                LOG.error("{} failed in a rule: {}", what, cause.getMessage());
                return Reply.error(500, cause.getMessage(), null);
            }
            LOG.error("{} failed unexpectedly", what, cause);
            return Reply.error(500, words.format("http.internal"), null);
        }
    }

    private Reply timedOut(String what, Messages words, Outcomes outcomes) {
        outcomes.ended("timeout", 0);
        LOG.warn("{} stopped: over the time limit of {} ms", what, timeout.toMillis());
        return Reply.error(503, words.format("http.timeout", timeout.toMillis()), null);
    }
}
