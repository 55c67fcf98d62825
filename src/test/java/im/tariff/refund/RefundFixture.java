package im.tariff.refund;

import im.tariff.compile.RuleCompilationException;
import im.tariff.compile.RuleSource;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The refund fixture tariff (src/test/resources/tariffs/refund: its own catalog, prices with dated versions and
 * the vendor's refund formula in English), compiled once; the tests of the refund mechanics run on it, never on
 * rules/ (whose refunds its scenarios pin).
 */
public final class RefundFixture {

    public static final Path DIR = Path.of("src/test/resources/tariffs/refund");

    private static Evaluator rules;

    private RefundFixture() {
    }

    public static synchronized Evaluator rules() {
        if (rules == null) {
            rules = compile(source());
        }
        return rules;
    }

    static RuleSource source() {
        try {
            return RuleSource.fromDirectory(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with one file's text edited. */
    static Evaluator edited(String file, UnaryOperator<String> edit) {
        Map<String, String> files = new TreeMap<>(source().files());
        String before = files.get(file);
        String after = edit.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changed nothing in " + file);
        }
        files.put(file, after);
        return compile(new RuleSource("edited", files));
    }

    /** Another folder of rules, compiled (the caller closes it). */
    public static Evaluator compileFolder(Path dir) {
        try {
            return compile(RuleSource.fromDirectory(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Evaluator compile(RuleSource source) {
        try {
            return Evaluator.compile(source);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The answer of these rules to a refund request given as JSON. */
    static RefundAnswer answer(Evaluator rules, String json) throws InvalidRequestException {
        return Refunds.answer(rules, new RefundReader(rules.catalog()).read(json), null);
    }

    /** A request of one app on 2026-10-25 with the orders given as JSON objects. */
    static String on(String refundDate, String... orders) {
        return "{\"appId\": \"42\", \"refundDate\": \"" + refundDate + "\", \"orders\": [" + String.join(", ", orders)
                + "]}";
    }

    static String plan(String plan, String start, String paid) {
        return "{\"plan\": \"" + plan + "\", \"periodStart\": \"" + start + "\", \"paid\": \"" + paid + "\"}";
    }

    static String addOn(String addOn, String extra, String start, String paid) {
        return "{\"addOn\": \"" + addOn + "\"" + (extra.isEmpty() ? "" : ", " + extra) + ", \"periodStart\": \"" + start
                + "\", \"paid\": \"" + paid + "\"}";
    }
}
