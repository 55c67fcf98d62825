package im.tariff.scenario;

/** A scenario file that cannot be read as scenarios; the message starts with file:line. */
public class ScenarioFormatException extends Exception {

    private final String file;
    private final int line;
    private final String reason;

    public ScenarioFormatException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line in the file (0 when the whole file is concerned). */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
