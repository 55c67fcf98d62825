package im.tariff.advise;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.catalog.AddOnDef;
import im.tariff.catalog.Catalog;
import im.tariff.catalog.LineDef;
import im.tariff.catalog.MeterDef;
import im.tariff.catalog.MeterShape;
import im.tariff.catalog.PlanDef;
import im.tariff.evaluate.Evaluator;
import im.tariff.io.BillWriter;
import im.tariff.model.Allowance;
import im.tariff.model.DailyRate;
import im.tariff.model.Fee;
import im.tariff.model.Limit;
import im.tariff.model.Overage;
import im.tariff.model.Term;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.kie.api.event.rule.AgendaEventListener;

/**
 * The price list of a rule set for one month (the calculator's 价格表, in GET /v1/catalog): for every plan its
 * fee, the overage quotas, block sizes and block prices, the daily rates, the add-ons with their options and
 * prices, the limits with and without the add-ons that extend them, and the allowances. Everything comes from
 * the terms the rules set ({@link PlanProbe}): one probe of each plan with no add-on, and one with each add-on
 * the catalog offers on it, so a limit an add-on extends is named with that add-on.
 * <p>
 * A term is listed in the version in force on the month's first day; a version that starts later in the month
 * follows it with its first day ({@code "from"}). Amounts are strings as the bill writes them.
 */
public final class PriceList {

    private PriceList() {
    }

    /** The terms of every plan of the month, probed once per plan and add-on. */
    record Probes(Map<String, List<Object>> base, Map<String, Map<String, List<Object>>> withAddOn) {

        static Probes of(Evaluator rules, YearMonth month, AgendaEventListener listener) {
            Map<String, List<Object>> base = new LinkedHashMap<>();
            Map<String, Map<String, List<Object>>> with = new LinkedHashMap<>();
            for (PlanDef p : rules.catalog().plans()) {
                base.put(p.code(), PlanProbe.terms(rules, p.code(), month, List.of(), listener));
                Map<String, List<Object>> byAddOn = new LinkedHashMap<>();
                for (AddOnDef a : rules.catalog().addOns()) {
                    if (a.offeredOn(p.code())) {
                        byAddOn.put(a.code(), PlanProbe.terms(rules, p.code(), month, List.of(a.code()), listener));
                    }
                }
                with.put(p.code(), byAddOn);
            }
            return new Probes(base, with);
        }

        /** Every term of a plan: its base probe and each add-on's, without repeats. */
        List<Object> all(String plan) {
            Set<Object> all = new LinkedHashSet<>(base.get(plan));
            withAddOn.get(plan).values().forEach(all::addAll);
            return new ArrayList<>(all);
        }
    }

    /**
     * The meters a calculator asks for first: those some plan prices in the month (overage or a daily rate),
     * then those only limited; within each, monthly peaks, then counts, then daily series, each in the order
     * the catalog declares them.
     */
    public static List<String> inputOrder(Evaluator rules, YearMonth month) {
        return inputOrder(rules.catalog(), priced(rules.catalog(), Probes.of(rules, month, null), month));
    }

    static List<String> inputOrder(Catalog catalog, Set<String> priced) {
        List<MeterShape> shapes = List.of(MeterShape.PEAK, MeterShape.COUNT, MeterShape.DAILY);
        List<MeterDef> meters = new ArrayList<>(catalog.meters());
        meters.sort(Comparator.<MeterDef>comparingInt(m -> priced.contains(m.code()) ? 0 : 1)
                .thenComparingInt(m -> shapes.indexOf(m.shape())));
        return meters.stream().map(MeterDef::code).toList();
    }

    /** The meters that some plan prices (overage or daily rate) in the month. */
    private static Set<String> priced(Catalog catalog, Probes probes, YearMonth month) {
        Set<String> priced = new LinkedHashSet<>();
        for (PlanDef p : catalog.plans()) {
            for (Object t : probes.all(p.code())) {
                if ((t instanceof Overage || t instanceof DailyRate) && overlaps((Term) t, month)) {
                    priced.add(((Term) t).meter());
                }
            }
        }
        return priced;
    }

    /**
     * Writes "inputOrder" and "priceList" into the catalog object being written; listener (may be null) sees the
     * rule firings of the probes.
     */
    public static void write(Evaluator rules, YearMonth month, JsonGenerator g, AgendaEventListener listener)
            throws IOException {
        Catalog c = rules.catalog();
        Probes probes = Probes.of(rules, month, listener);
        Set<String> priced = priced(c, probes, month);
        g.writeArrayFieldStart("inputOrder");
        for (String code : inputOrder(c, priced)) {
            g.writeString(code);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("priceList");
        g.writeStringField("month", month.toString());
        g.writeArrayFieldStart("pricedMeters");
        for (MeterDef m : c.meters()) {
            if (priced.contains(m.code())) {
                g.writeString(m.code());
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("limitedMeters");
        for (MeterDef m : c.meters()) {
            if (!priced.contains(m.code())) {
                g.writeString(m.code());
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("plans");
        for (PlanDef p : c.plans()) {
            plan(c, p, probes, month, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void plan(Catalog c, PlanDef p, Probes probes, YearMonth month, JsonGenerator g) throws IOException {
        List<Object> all = probes.all(p.code());
        List<Object> base = probes.base().get(p.code());
        g.writeStartObject();
        g.writeStringField("code", p.code());
        g.writeStringField("name", p.name());

        g.writeArrayFieldStart("fees");
        List<Fee> planFees = of(all, Fee.class).stream().filter(f -> f.addOn() == null).toList();
        for (LineDef line : c.lines()) {
            List<Fee> fees = planFees.stream().filter(f -> line.code().equals(f.line())).toList();
            if (!fees.isEmpty()) {
                g.writeStartObject();
                g.writeStringField("line", line.code());
                g.writeStringField("label", line.label());
                versions(fees, month, g, PriceList::price);
                g.writeEndObject();
            }
        }
        g.writeEndArray();

        g.writeArrayFieldStart("addOns");
        for (AddOnDef a : c.addOns()) {
            g.writeStartObject();
            g.writeStringField("code", a.code());
            g.writeBooleanField("offered", a.offeredOn(p.code()));
            g.writeArrayFieldStart("options");
            if (a.offeredOn(p.code())) {
                List<Fee> fees = of(all, Fee.class).stream().filter(f -> a.code().equals(f.addOn())).toList();
                TreeSet<Long> options = new TreeSet<>(Comparator.nullsFirst(Comparator.naturalOrder()));
                fees.forEach(f -> options.add(f.option()));
                for (Long option : options) {
                    List<Fee> versions = fees.stream().filter(f -> Objects.equals(option, f.option())).toList();
                    if (versions.stream().noneMatch(f -> overlaps(f, month))) {
                        continue;
                    }
                    g.writeStartObject();
                    if (option != null) {
                        g.writeNumberField("option", option);
                    }
                    versions(versions, month, g, PriceList::price);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();

        g.writeArrayFieldStart("meters");
        for (MeterDef m : c.meters()) {
            meter(m, p, base, probes, month, g);
        }
        g.writeEndArray();

        g.writeArrayFieldStart("allowances");
        Map<String, Allowance> allowances = new LinkedHashMap<>();
        for (Allowance a : of(all, Allowance.class)) {
            allowances.putIfAbsent(a.name(), a);
        }
        for (Allowance a : allowances.values()) {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("amount", String.valueOf(a.amount()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void meter(MeterDef m, PlanDef p, List<Object> base, Probes probes, YearMonth month,
                              JsonGenerator g) throws IOException {
        List<Object> all = probes.all(p.code());
        g.writeStartObject();
        g.writeStringField("code", m.code());
        List<Overage> overage = of(all, Overage.class).stream().filter(o -> m.code().equals(o.meter())).toList();
        if (overage.stream().anyMatch(o -> overlaps(o, month))) {
            g.writeFieldName("overage");
            g.writeStartObject();
            versions(overage, month, g, o -> w -> {
                w.writeStringField("free", String.valueOf(o.free()));
                w.writeStringField("block", String.valueOf(o.block()));
                w.writeStringField("price", BillWriter.price(o.price()));
            });
            g.writeEndObject();
        }
        List<DailyRate> rates = of(all, DailyRate.class).stream().filter(r -> m.code().equals(r.meter())).toList();
        g.writeArrayFieldStart("daily");
        List<String> keys = new ArrayList<>();
        rates.stream().filter(r -> r.key() == null).findAny().ifPresent(r -> keys.add(null));
        for (String key : m.dimensionValues().keySet()) {
            if (rates.stream().anyMatch(r -> key.equals(r.key()))) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            List<DailyRate> versions = rates.stream().filter(r -> Objects.equals(key, r.key())).toList();
            if (versions.stream().noneMatch(r -> overlaps(r, month))) {
                continue;
            }
            g.writeStartObject();
            if (key != null) {
                g.writeStringField("key", key);
                g.writeStringField("label", m.dimensionLabel(key));
            }
            versions(versions, month, g, r -> w -> {
                w.writeStringField("price", BillWriter.price(r.price()));
                w.writeStringField("settlement", r.settlement().name());
            });
            g.writeEndObject();
        }
        g.writeEndArray();
        List<List<String>> baseLimit = limitText(base, m, month);
        if (!baseLimit.isEmpty()) {
            g.writeFieldName("limit");
            g.writeStartObject();
            versions(limits(base, m), month, g, PriceList::cap);
            g.writeEndObject();
        }
        g.writeArrayFieldStart("withAddOns");
        for (Map.Entry<String, List<Object>> e : probes.withAddOn().get(p.code()).entrySet()) {
            if (!limitText(e.getValue(), m, month).equals(baseLimit) && !limitText(e.getValue(), m, month).isEmpty()) {
                g.writeStartObject();
                g.writeStringField("addOn", e.getKey());
                versions(limits(e.getValue(), m), month, g, PriceList::cap);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The limits of a meter in a probe. */
    private static List<Limit> limits(List<Object> terms, MeterDef m) {
        return of(terms, Limit.class).stream().filter(l -> m.code().equals(l.meter())).toList();
    }

    /** What the month's versions of a meter's limit say, to compare a probe with an add-on with the base. */
    private static List<List<String>> limitText(List<Object> terms, MeterDef m, YearMonth month) {
        List<List<String>> out = new ArrayList<>();
        for (Dated<Limit> d : inForce(limits(terms, m), month)) {
            out.add(List.of(String.valueOf(d.from()), d.term() == null ? "-" : String.valueOf(d.term().cap())));
        }
        return out;
    }

    // ---- versions ----

    /** One version of a term and the day it takes over (null: in force on the month's first day). */
    record Dated<T extends Term>(LocalDate from, T term) {
    }

    /**
     * The versions of one term over the month: the one in force on the 1st, then each change within the month
     * (a version starting, or the last one ending: term null). The latest start wins on a day, as in the rules.
     */
    static <T extends Term> List<Dated<T>> inForce(List<T> versions, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(first);
        for (T t : versions) {
            if (t.validFrom().isAfter(first) && !t.validFrom().isAfter(last)) {
                days.add(t.validFrom());
            }
            if (!t.validTo().isBefore(first) && t.validTo().isBefore(last)) {
                days.add(t.validTo().plusDays(1));
            }
        }
        List<Dated<T>> out = new ArrayList<>();
        T previous = null;
        for (LocalDate day : days) {
            T winner = null;
            for (T t : versions) {
                if (t.inForceOn(day) && (winner == null || t.validFrom().isAfter(winner.validFrom()))) {
                    winner = t;
                }
            }
            boolean firstDay = day.equals(first);
            if (firstDay ? winner != null : winner != previous) {
                out.add(new Dated<>(firstDay ? null : day, winner));
            }
            previous = winner;
        }
        return out;
    }

    /** Writes one term version's fields. */
    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static <T extends Term> void versions(List<T> group, YearMonth month, JsonGenerator g,
                                                  Function<T, Fields> fields) throws IOException {
        g.writeArrayFieldStart("versions");
        for (Dated<T> d : inForce(group, month)) {
            g.writeStartObject();
            if (d.from() != null) {
                g.writeStringField("from", d.from().toString());
            }
            if (d.term() == null) {
                g.writeBooleanField("ended", true);
            } else {
                fields.apply(d.term()).write(g);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static Fields price(Fee f) {
        return g -> {
            g.writeStringField("price", BillWriter.price(f.price()));
            g.writeBooleanField("zero", f.price().signum() == 0);
        };
    }

    private static Fields cap(Limit l) {
        return g -> {
            if (l.isUnlimited()) {
                g.writeBooleanField("unlimited", true);
            } else {
                g.writeStringField("cap", String.valueOf(l.cap()));
            }
        };
    }

    private static boolean overlaps(Term t, YearMonth month) {
        return !t.validFrom().isAfter(month.atEndOfMonth()) && !t.validTo().isBefore(month.atDay(1));
    }

    private static <T> List<T> of(List<Object> terms, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Object o : terms) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }
}
