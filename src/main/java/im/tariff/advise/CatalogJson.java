package im.tariff.advise;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.LineDef;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.PlanDef;
import im.tariff.catalog.ViolationDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.i18n.Messages;
import im.tariff.model.Fee;
import java.io.IOException;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeSet;
import org.kie.api.event.rule.AgendaEventListener;

/**
 * The catalog of one rule set as JSON (GET /v1/catalog), for the calculator page: its language and the page's
 * words in it, plans (a plan whose price is given on request with "onRequest": true and "price": "contact sales"),
 * add-ons with the option values each plan prices in the month, meters with their shapes, labels, units and
 * dimension values, line and violation codes with their labels, the currency, the order in which to ask for the
 * meters, and the price list of the month ({@link PriceList}). Names and numbers all come from the rules.
 */
public final class CatalogJson {

    private CatalogJson() {
    }

    /** The option values a plan prices for an add-on in a month, ascending (empty when it has no option). */
    public static TreeSet<Long> optionValues(Evaluator rules, String plan, String addOn, YearMonth month) {
        return optionValues(rules, plan, addOn, month, null);
    }

    private static TreeSet<Long> optionValues(Evaluator rules, String plan, String addOn, YearMonth month,
                                              AgendaEventListener listener) {
        TreeSet<Long> values = new TreeSet<>();
        for (Object term : PlanProbe.termsOf(rules, plan, month, listener)) {
            if (term instanceof Fee f && addOn.equals(f.addOn()) && f.option() != null
                    && !f.validFrom().isAfter(month.atEndOfMonth()) && !f.validTo().isBefore(month.atDay(1))) {
                values.add(f.option());
            }
        }
        return values;
    }

    public static void write(Evaluator rules, YearMonth month, JsonGenerator g) throws IOException {
        write(rules, month, g, null);
    }

    /** The catalog JSON as a string; listener (may be null) sees the rule firings of the probes it takes. */
    public static String toJson(Evaluator rules, YearMonth month, AgendaEventListener listener) {
        java.io.StringWriter out = new java.io.StringWriter(16384);
        try (JsonGenerator g = im.tariff.io.Json.FACTORY.createGenerator(out)) {
            write(rules, month, g, listener);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes the catalog; listener (may be null) sees the rule firings of the probes it takes. */
    public static void write(Evaluator rules, YearMonth month, JsonGenerator g, AgendaEventListener listener)
            throws IOException {
        Catalog c = rules.catalog();
        g.writeStartObject();
        g.writeStringField("rulesVersion", rules.version());
        g.writeStringField("month", month.toString());
        g.writeStringField("currency", c.currency());
        g.writeStringField("currencyLabel", c.currencyLabel());
        g.writeStringField("language", c.language().code());
        g.writeStringField("languageTag", c.language().tag());
        g.writeObjectFieldStart("words");
        for (Map.Entry<String, String> w : Messages.of(c.language()).templates("web.").entrySet()) {
            g.writeStringField(w.getKey(), w.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("plans");
        for (PlanDef p : c.plans()) {
            g.writeStartObject();
            g.writeStringField("code", p.code());
            g.writeStringField("name", p.name());
            g.writeArrayFieldStart("aliases");
            for (String a : p.aliases()) {
                g.writeString(a);
            }
            g.writeEndArray();
            if (p.onRequest()) {
                // no published price: the page says "contact sales" instead of asking POST /v1/quote for a bill
                g.writeBooleanField("onRequest", true);
                g.writeStringField("price", Quote.CONTACT_SALES);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("addOns");
        for (AddOnDef a : c.addOns()) {
            g.writeStartObject();
            g.writeStringField("code", a.code());
            g.writeStringField("name", a.name());
            g.writeStringField("billing", a.billing().name());
            g.writeArrayFieldStart("offeredOn");
            for (String p : a.offeredOn()) {
                g.writeString(p);
            }
            g.writeEndArray();
            if (a.hasOption()) {
                g.writeObjectFieldStart("option");
                g.writeStringField("field", a.optionField());
                g.writeStringField("label", a.optionLabel());
                g.writeObjectFieldStart("values");
                for (String p : a.offeredOn()) {
                    g.writeArrayFieldStart(p);
                    for (Long v : optionValues(rules, p, a.code(), month, listener)) {
                        g.writeNumber(v);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("meters");
        for (MeterDef m : c.meters()) {
            g.writeStartObject();
            g.writeStringField("code", m.code());
            g.writeStringField("shape", m.shape().name());
            g.writeStringField("label", m.label());
            g.writeStringField("unit", m.unit());
            if (m.field() != null) {
                g.writeStringField("field", m.field());
            }
            if (m.seriesField() != null) {
                g.writeStringField("seriesField", m.seriesField());
            }
            if (m.valueField() != null) {
                g.writeStringField("valueField", m.valueField());
            }
            if (m.dimension() != null) {
                g.writeStringField("dimension", m.dimension());
                g.writeArrayFieldStart("dimensionValues");
                for (Map.Entry<String, String> e : m.dimensionValues().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("code", e.getKey());
                    g.writeStringField("label", e.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeBooleanField("decimal", m.decimal());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("lines");
        for (LineDef l : c.lines()) {
            g.writeStartObject();
            g.writeStringField("code", l.code());
            g.writeStringField("label", l.label());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("violations");
        for (ViolationDef v : c.violations()) {
            g.writeStartObject();
            g.writeStringField("code", v.code());
            g.writeStringField("label", v.label());
            g.writeEndObject();
        }
        g.writeEndArray();
        PriceList.write(rules, month, g, listener);
        g.writeEndObject();
    }
}
