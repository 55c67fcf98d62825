package im.tariff.refund;

import im.tariff.i18n.Messages;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.io.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a refund's answer (docs/FORMAT.md, "Refund"): JSON with the fields in the documented order, amounts as
 * strings with two decimals like a bill's; or a table for people in the sheet's words.
 */
public final class RefundWriter {

    private RefundWriter() {
    }

    /** One-line JSON, for HTTP. */
    public static String toJson(RefundAnswer a, Catalog catalog) {
        return json(a, catalog, false);
    }

    /** Pretty JSON, for people and files. */
    public static String toPrettyJson(RefundAnswer a, Catalog catalog) {
        return json(a, catalog, true);
    }

    private static String json(RefundAnswer a, Catalog catalog, boolean pretty) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(a, catalog, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(RefundAnswer a, Catalog catalog, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("appId", a.request().appId());
        g.writeStringField("refundDate", a.request().refundDate().toString());
        g.writeStringField("currency", a.currency());
        g.writeArrayFieldStart("orders");
        for (RefundLine l : a.lines()) {
            RefundOrder o = l.order();
            g.writeStartObject();
            if (o.isPlan()) {
                g.writeStringField("plan", o.plan());
            } else {
                g.writeStringField("addOn", o.addOn());
                AddOnDef def = catalog.addOn(o.addOn());
                if (o.option() != null && def != null && def.hasOption()) {
                    g.writeNumberField(def.optionField(), o.option());
                }
                g.writeStringField("plan", o.plan());
            }
            g.writeStringField("billingMode", o.billing().name());
            g.writeStringField("periodStart", o.periodStart().toString());
            g.writeStringField("periodEnd", o.periodEnd().toString());
            g.writeStringField("paid", o.paid().toPlainString());
            g.writeStringField("monthlyFee", Cents.of(o.monthlyFee()).toPlainString());
            g.writeNumberField("daysUsed", o.daysUsed());
            g.writeNumberField("periodDays", o.periodDays());
            g.writeStringField("usedValue", l.usedValue().toPlainString());
            g.writeStringField("returned", l.returned().toPlainString());
            g.writeBooleanField("cleared", l.cleared());
            g.writeStringField("rule", l.rule());
            g.writeStringField("description", l.description());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("refund", a.refund().toPlainString());
        AfterRefund s = a.after();
        g.writeObjectFieldStart("state");
        g.writeStringField("status", s.status());
        g.writeArrayFieldStart("renewableOn");
        for (String plan : s.renewableOn()) {
            g.writeString(plan);
        }
        g.writeEndArray();
        g.writeBooleanField("postpaidStillBilled", s.postpaidBilled());
        g.writeStringField("rule", s.rule());
        g.writeStringField("message", s.message());
        g.writeEndObject();
        g.writeStringField("rulesVersion", a.rulesVersion());
        g.writeEndObject();
    }

    /** The answer as a table for people (tariff refund --format table), in the sheet's words. */
    public static String table(RefundAnswer a, Catalog catalog) {
        Messages w = catalog.words();
        String[] head = w.format("refund.table.columns").split("\\|");
        List<String[]> rows = new ArrayList<>();
        for (RefundLine l : a.lines()) {
            RefundOrder o = l.order();
            String item = o.isPlan() ? o.label() + " (" + o.plan() + ")"
                    : o.label() + " (" + o.addOn() + (o.option() == null ? "" : " " + o.option()) + ", " + o.plan() + ")";
            rows.add(new String[] {item, o.periodStart() + ".." + o.periodEnd(), o.paid().toPlainString(),
                    Cents.of(o.monthlyFee()).toPlainString(), o.daysUsed() + "/" + o.periodDays(),
                    l.usedValue().toPlainString(), l.returned().toPlainString(),
                    (l.cleared() ? "[" + w.format("refund.table.cleared") + "] " : "") + l.description()});
        }
        int[] width = new int[head.length - 1];
        for (int c = 0; c < width.length; c++) {
            width[c] = display(head[c]);
            for (String[] r : rows) {
                width[c] = Math.max(width[c], display(r[c]));
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(w.format("refund.table.head", a.request().appId(), a.request().refundDate(), a.rulesVersion())).append('\n');
        row(sb, head, width);
        for (String[] r : rows) {
            row(sb, r, width);
        }
        String[] total = new String[head.length];
        java.util.Arrays.fill(total, "");
        total[0] = w.format("refund.table.total", a.currency());
        total[6] = a.refund().toPlainString();
        row(sb, total, width);
        List<String> plans = new ArrayList<>();
        for (String p : a.after().renewableOn()) {
            plans.add(catalog.planName(p) + " (" + p + ")");
        }
        sb.append(w.format("refund.table.state", a.after().status(), plans.isEmpty() ? w.format("refund.table.none")
                : String.join(", ", plans), w.format(a.after().postpaidBilled() ? "refund.table.yes" : "refund.table.no"))).append('\n');
        if (!a.after().message().isEmpty()) {
            sb.append(a.after().message()).append('\n');
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            sb.append(cells[c]);
            if (c < width.length) {
                boolean number = c >= 2 && c <= 6;
                int pad = width[c] - display(cells[c]);
                if (number) {
                    sb.setLength(sb.length() - cells[c].length());
                    sb.append(" ".repeat(pad)).append(cells[c]);
                } else {
                    sb.append(" ".repeat(pad));
                }
                sb.append("  ");
            }
        }
        sb.setLength(sb.length() - trailing(sb));
        sb.append('\n');
    }

    private static int trailing(StringBuilder sb) {
        int n = 0;
        while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
            n++;
        }
        return n;
    }

    /** Columns a text takes in a terminal: a CJK character takes two. */
    private static int display(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF)
                    || (cp >= 0x3000 && cp <= 0x303F) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }
}
