package im.tariff.cli;

/** Ends a command with an exit status and a message for stderr (never a stack trace). */
public class CliExit extends RuntimeException {

    private final int status;

    public CliExit(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
