package im.tariff.cli;

/** Exit statuses of docs/FORMAT.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** tariff test: a scenario failed. */
    public static final int FAILED = 1;
    /** A failure of the program itself (never bad input or bad rules): "internal error", no stack trace. */
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;
    public static final int BAD_RULES = 3;

    private ExitCodes() {
    }
}
