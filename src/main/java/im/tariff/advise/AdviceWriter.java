package im.tariff.advise;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.i18n.Messages;
import im.tariff.io.BillWriter;
import im.tariff.io.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes the advisor's answer (the plan advisor, docs/PERFORMANCE-ADVISOR.md): {"options": [...], "rejected": [...],
 * "onRequest": [{"plan", "name", "price": "contact sales"}]}; each option's "why" (codes) is also said for people in
 * "explain", and each rejected plan's "reasons" too, in the catalog's language.
 */
public final class AdviceWriter {

    private AdviceWriter() {
    }

    public static String toJson(Advice advice, Catalog catalog, boolean pretty) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(advice, catalog, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void write(Advice advice, Catalog catalog, JsonGenerator g) throws IOException {
        Messages words = Messages.of(catalog.language());
        g.writeStartObject();
        g.writeArrayFieldStart("options");
        for (Advice.Option o : advice.options()) {
            g.writeStartObject();
            g.writeNumberField("rank", o.rank());
            g.writeStringField("plan", o.plan());
            g.writeArrayFieldStart("addOns");
            for (Choice c : o.addOns()) {
                g.writeStartObject();
                g.writeStringField("type", c.type());
                AddOnDef def = catalog.addOn(c.type());
                if (c.option() != null && def != null && def.hasOption()) {
                    g.writeNumberField(def.optionField(), c.option());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("total", o.bill().totals().total().toPlainString());
            g.writeArrayFieldStart("why");
            for (String w : o.why()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("explain");
            for (String w : o.explained()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeFieldName("bill");
            BillWriter.write(o.bill(), g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rejected");
        for (Advice.Rejected r : advice.rejected()) {
            g.writeStartObject();
            g.writeStringField("plan", r.plan());
            g.writeArrayFieldStart("reasons");
            for (String reason : r.reasons()) {
                g.writeString(reason);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("explain");
            for (String reason : r.reasons()) {
                g.writeString(Advisor.reasonText(catalog, words, reason));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("onRequest");
        for (Advice.OnRequest r : advice.onRequest()) {
            g.writeStartObject();
            g.writeStringField("plan", r.plan());
            g.writeStringField("name", r.name());
            g.writeStringField("price", Quote.CONTACT_SALES);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
