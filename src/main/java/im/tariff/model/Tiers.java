package im.tariff.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Term: a tier table on a meter, one band per row, as a vendor's page writes it ("≤ 2,000: 300; 2,001 –
 * 10,000: 500; …"). Three kinds:
 * <ul>
 *   <li>{@link #volume}: the whole quantity at the price of the band it falls in (Lago's volume);</li>
 *   <li>{@link #graduated}: each band's part of the quantity at that band's price (Lago's graduated);</li>
 *   <li>{@link #planFee}: the plan's fee chosen by the band of the month's peak (Kill Bill's capacity): a band's
 *   price is a fee, not a unit price; it is the plan fee of the bill, so the plan has no {@link Fee} beside
 *   it.</li>
 * </ul>
 * A band covers {@code from} to {@code to}, both included; {@link #bandFrom} is the last, open band. A band's
 * price is per unit, or per started {@link #per} units; a band may add a flat amount, and the open band may
 * add a price per started block above its start ("the 1,000,000 fee + 100 per further 10,000"). Bands must
 * start at 0, follow each other without a gap or an overlap, and end with an open band: {@code tariff check}
 * refuses a table that does not, at the rule's file:line.
 * <pre>
 * insert(Tiers.planFee(kcontext, "USERS", "FEE", "Premium")
 *     .band(0, 2000, "300.00")
 *     .band(2001, 10000, "500.00")
 *     .bandFrom(10001, "1100.00", 10000, "100.00"));     // above 10,000: 1,100 + 100 per further 10,000
 * insert(Tiers.graduated(kcontext, "MAU", "MAU_FEE", "MAU").band(0, 1000, "0").bandFrom(1001, "0.02"));
 * </pre>
 */
public record Tiers(Kind kind, String meter, String line, String label, long per, List<Band> bands,
                    boolean minimumPrepaid, LocalDate validFrom, LocalDate validTo, String rule)
        implements PlanPrice {

    /** How the bands price a quantity. */
    public enum Kind { VOLUME, GRADUATED, PLAN_PRICE }

    /**
     * One row of the table: from … to (to null: no end), the price (per {@code per} units, or the fee of a
     * plan-fee band), a flat amount, and for the open band a price per started {@code furtherBlock} above
     * {@code from − 1}.
     */
    public record Band(long from, Long to, BigDecimal price, BigDecimal flat, long furtherBlock,
                       BigDecimal furtherPrice) {

        public boolean contains(long q) {
            return q >= from && (to == null || q <= to);
        }

        /** "2,001–10,000", "> 1,000,000", as a line says it. */
        public String range() {
            return to == null ? "≥ " + from : from + "–" + to;
        }
    }

    public Tiers {
        Money.code("meter", meter);
        Money.code("line", line);
        label = Money.label(label);
        bands = List.copyOf(bands);
        if (per < 1) {
            throw new TermException("term.block.tooSmall", per);
        }
        Versions.ordered(validFrom, validTo);
    }

    public static Tiers volume(RuleContext ctx, String meter, String line, String label) {
        return start(ctx, Kind.VOLUME, meter, line, label);
    }

    public static Tiers graduated(RuleContext ctx, String meter, String line, String label) {
        return start(ctx, Kind.GRADUATED, meter, line, label);
    }

    /** The plan's fee, chosen by the band of the meter's monthly figure (a peak). */
    public static Tiers planFee(RuleContext ctx, String meter, String line, String label) {
        return start(ctx, Kind.PLAN_PRICE, meter, line, label);
    }

    private static Tiers start(RuleContext ctx, Kind kind, String meter, String line, String label) {
        return new Tiers(kind, meter, line, label, 1, List.of(), false, Versions.EVER, Versions.NEVER,
                ChargeLine.ruleName(ctx));
    }

    /** A band from … to, both included, at a price (a unit price; a fee for a plan-fee table). */
    public Tiers band(long from, long to, String price) {
        return band(from, to, price, "0");
    }

    /** A band with a flat amount added once when the quantity reaches it. */
    public Tiers band(long from, long to, String price, String flat) {
        if (to < from) {
            throw new TermException("term.band.reversed", from, to);
        }
        return with(new Band(from, to, Money.nonNegative(price), Money.nonNegative(flat), 1, BigDecimal.ZERO));
    }

    /** The last band, from … without end. */
    public Tiers bandFrom(long from, String price) {
        return with(new Band(from, null, Money.nonNegative(price), BigDecimal.ZERO, 1, BigDecimal.ZERO));
    }

    /** The last band, plus {@code furtherPrice} per started {@code block} above {@code from − 1}. */
    public Tiers bandFrom(long from, String price, long block, String furtherPrice) {
        if (block < 1) {
            throw new TermException("term.block.tooSmall", block);
        }
        return with(new Band(from, null, Money.nonNegative(price), BigDecimal.ZERO, block,
                Money.nonNegative(furtherPrice)));
    }

    /** Unit prices are per started {@code units} (10,000 DAU), not per unit. */
    public Tiers per(long units) {
        return new Tiers(kind, meter, line, label, units, bands, minimumPrepaid, validFrom, validTo, rule);
    }

    /**
     * A plan-fee table whose lowest fee is prepaid on the period's first day, the difference to the band of
     * the month's peak charged at month end (default: the whole fee at month end).
     */
    public Tiers prepaidMinimum() {
        return new Tiers(kind, meter, line, label, per, bands, true, validFrom, validTo, rule);
    }

    public Tiers from(String day) {
        return new Tiers(kind, meter, line, label, per, bands, minimumPrepaid, Versions.day(day), validTo, rule);
    }

    public Tiers until(String day) {
        return new Tiers(kind, meter, line, label, per, bands, minimumPrepaid, validFrom, Versions.day(day), rule);
    }

    private Tiers with(Band band) {
        if (!bands.isEmpty() && bands.get(bands.size() - 1).to() == null) {
            throw new TermException("term.band.afterOpen", band.from());
        }
        List<Band> next = new ArrayList<>(bands);
        next.add(band);
        return new Tiers(kind, meter, line, label, per, next, minimumPrepaid, validFrom, validTo, rule);
    }

    @Override
    public String identity() {
        return kind == Kind.PLAN_PRICE ? PlanPrice.IDENTITY : "usage charge of " + meter;
    }

    public boolean isPlanFee() {
        return kind == Kind.PLAN_PRICE;
    }

    /**
     * What is wrong with the table as a whole, or null: a first band not starting at 0, a gap or an overlap
     * between two bands, no open last band. Checked by the library when it applies the table and by check.
     */
    public TermException problem() {
        if (bands.isEmpty()) {
            return new TermException("term.bands.none");
        }
        if (bands.get(0).from() != 0) {
            return new TermException("term.bands.start", bands.get(0).from());
        }
        for (int i = 1; i < bands.size(); i++) {
            Band prev = bands.get(i - 1);
            Band b = bands.get(i);
            if (b.from() <= prev.to()) {
                return new TermException("term.bands.overlap", prev.range(), b.range());
            }
            if (b.from() > prev.to() + 1) {
                return new TermException("term.bands.gap", prev.to() + 1, b.from() - 1);
            }
        }
        if (bands.get(bands.size() - 1).to() != null) {
            return new TermException("term.bands.open", bands.get(bands.size() - 1).to());
        }
        return null;
    }

    /** The band a quantity falls in. */
    public Band bandOf(long quantity) {
        TermException p = problem();
        if (p != null) {
            throw p.ofTermWrittenBy(rule); // at the rule that writes the table, not the library rule applying it
        }
        for (Band b : bands) {
            if (b.contains(quantity)) {
                return b;
            }
        }
        throw new TermException("term.bands.open", quantity);
    }

    /** The amount for a quantity, exact (the line rounds it). */
    public BigDecimal amountAt(long quantity) {
        if (kind == Kind.GRADUATED) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Band b : bands) {
                if (quantity < b.from()) {
                    break;
                }
                long top = b.to() == null ? quantity : Math.min(quantity, b.to());
                long units = top - b.from() + (b.from() == 0 ? 0 : 1);
                sum = sum.add(b.flat()).add(b.price().multiply(BigDecimal.valueOf(blocks(units, per))))
                        .add(further(b, quantity));
            }
            bandOf(quantity); // the table must be whole
            return sum;
        }
        Band b = bandOf(quantity);
        BigDecimal base = kind == Kind.PLAN_PRICE ? b.price()
                : b.price().multiply(BigDecimal.valueOf(blocks(quantity, per)));
        return base.add(b.flat()).add(further(b, quantity));
    }

    private static BigDecimal further(Band b, long quantity) {
        if (b.to() != null || b.furtherPrice().signum() == 0 || quantity < b.from()) {
            return BigDecimal.ZERO;
        }
        long above = quantity - (b.from() - 1);
        return b.furtherPrice().multiply(BigDecimal.valueOf(blocks(above, b.furtherBlock())));
    }

    /** Started blocks of {@code size} in {@code units}. */
    static long blocks(long units, long size) {
        return units <= 0 ? 0 : units / size + (units % size == 0 ? 0 : 1);
    }

    @Override
    public BigDecimal priceAt(long quantity) {
        return amountAt(quantity);
    }

    @Override
    public String bandAt(long quantity) {
        return bandOf(quantity).range();
    }

    /** The fee of the lowest band (what a plan-fee table prepays with {@link #prepaidMinimum}). */
    public BigDecimal minimumFee() {
        return bands.isEmpty() ? BigDecimal.ZERO : bands.get(0).price().add(bands.get(0).flat());
    }
}
