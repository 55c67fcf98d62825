package im.tariff.io;

/** A request that is refused whole (docs/FORMAT.md): field is the JSON path ("$" for the whole document). */
public class InvalidRequestException extends Exception {

    private final String field;
    private final String reason;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** JSON path of the offending field, e.g. usage.dailyDau[3].date. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field. */
    public String reason() {
        return reason;
    }
}
