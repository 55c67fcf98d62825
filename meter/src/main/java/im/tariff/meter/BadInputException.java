package im.tariff.meter;

/** An input file that cannot be read at all, or a bad option: the job stops with exit status 2. */
final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
