package im.tariff.batch;

/** Told after each chunk is written, on the writing thread, with running totals. */
public interface ProgressListener {

    ProgressListener NONE = (lines, bills, errors, bytesDone, nanos) -> { };

    void written(long lines, long bills, long errors, long bytesDone, long nanos);

    /** Called once when the run ends, before the summary is printed. */
    default void finished() {
    }
}
