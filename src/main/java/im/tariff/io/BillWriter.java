package im.tariff.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import im.tariff.model.Bill;
import im.tariff.model.ChargeLine;
import im.tariff.model.ReadOnce;
import im.tariff.model.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;

/** Writes a bill as the result JSON of docs/FORMAT.md, fields in the documented order, decimals as strings. */
public final class BillWriter {

    private BillWriter() {
    }

    /** Pretty JSON, for people and files. */
    public static String toPrettyJson(Bill bill) {
        return toJson(bill, true);
    }

    /** One-line JSON, for batch output and HTTP. */
    public static String toJson(Bill bill) {
        return toJson(bill, false);
    }

    private static String toJson(Bill bill, boolean pretty) {
        StringWriter out = new StringWriter(1024);
        try {
            write(bill, out, pretty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Bill bill, Writer out, boolean pretty) throws IOException {
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(bill, g);
        }
    }

    /**
     * The texts every bill repeats (rule names, codes, the plan, the rules' version), encoded once: the generator
     * then copies their bytes instead of encoding Chinese text again on every line. A text with a character
     * outside the BMP is not encoded ahead (null): the generator writes it as two escapes, an encoded string as
     * its four bytes.
     */
    private static final ReadOnce<SerializedString> REPEATED = new ReadOnce<>(
            text -> text.chars().anyMatch(c -> Character.isSurrogate((char) c)) ? null : new SerializedString(text));

    static void repeated(JsonGenerator g, String field, String text) throws IOException {
        SerializedString encoded = text == null ? null : REPEATED.get(text);
        if (encoded == null) {
            g.writeStringField(field, text);
            return;
        }
        g.writeFieldName(field);
        g.writeString(encoded);
    }

    /** Streams one bill into an open generator. */
    public static void write(Bill bill, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("appId", bill.appId());
        g.writeStringField("billingMonth", bill.billingMonth().toString());
        repeated(g, "plan", bill.plan());
        repeated(g, "currency", bill.currency());
        g.writeArrayFieldStart("lines");
        for (ChargeLine l : bill.lines()) {
            g.writeStartObject();
            repeated(g, "code", l.code());
            g.writeStringField("billingMode", l.billingMode().name());
            g.writeStringField("quantity", quantity(l.quantity()));
            g.writeStringField("unitPrice", price(l.unitPrice()));
            g.writeStringField("amount", l.amount().toPlainString());
            g.writeStringField("periodStart", l.periodStart().toString());
            g.writeStringField("periodEnd", l.periodEnd().toString());
            g.writeStringField("chargeDate", l.chargeDate().toString());
            if (l.proration() != null) {
                // a prorated line pays these days of the month: amount = unitPrice × quantity × days / of
                g.writeObjectFieldStart("proration");
                g.writeNumberField("days", l.proration().days());
                g.writeNumberField("of", l.proration().of());
                g.writeEndObject();
            }
            repeated(g, "rule", l.rule());
            g.writeStringField("description", l.description());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("violations");
        for (Violation v : bill.violations()) {
            g.writeStartObject();
            repeated(g, "code", v.code());
            g.writeStringField("subject", v.subject());
            g.writeStringField("severity", v.severity().name());
            repeated(g, "rule", v.rule());
            g.writeStringField("message", v.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("totals");
        g.writeStringField("prepaid", bill.totals().prepaid().toPlainString());
        g.writeStringField("postpaid", bill.totals().postpaid().toPlainString());
        if (bill.hasCredits()) {
            g.writeStringField("credits", bill.totals().credits().toPlainString());
        }
        g.writeStringField("total", bill.totals().total().toPlainString());
        g.writeEndObject();
        if (bill.rulesVersion() != null) {
            repeated(g, "rulesVersion", bill.rulesVersion());
        }
        g.writeEndObject();
    }

    /** A quantity without trailing zeros: "1", "2", "12.5". */
    public static String quantity(BigDecimal q) {
        return q.signum() == 0 ? "0" : q.stripTrailingZeros().toPlainString();
    }

    /** A unit price with at least two decimals: "12.50", "2.00", "0.015". */
    public static String price(BigDecimal p) {
        return p.scale() < 2 ? p.setScale(2).toPlainString() : p.toPlainString();
    }
}
