package im.tariff.batch;

/** What a batch did: lines read, bills and error records written, and how long it took. */
public record BatchSummary(long lines, long bills, long errors, long nanos) {

    public double seconds() {
        return nanos / 1e9;
    }

    public double billsPerSecond() {
        return nanos > 0 ? bills / seconds() : 0.0;
    }

    /** The summary line of tariff batch (stderr). */
    public String line() {
        return String.format("%d bills, %d errors, %.2f s, %.0f bills/s", bills, errors, seconds(), billsPerSecond());
    }
}
