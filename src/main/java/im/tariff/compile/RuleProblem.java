package im.tariff.compile;

/** One problem in a rule file, shown to an analyst as {@code file:line: message}. */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return (file == null ? "rules" : file) + ":" + line + ": " + message;
    }
}
