package im.tariff.advise;

import im.tariff.model.Bill;
import java.util.List;

/**
 * What the advisor found (the plan advisor, docs/PERFORMANCE-ADVISOR.md): the combinations that serve the usage without a violation, best first,
 * the plans that no combination could serve, the plans whose price is given on request (listed apart, never
 * ranked nor rejected: no bill can be made for them), and how many evaluations it took.
 */
public record Advice(List<Option> options, List<Rejected> rejected, List<OnRequest> onRequest, int evaluations) {

    public Advice {
        options = List.copyOf(options);
        rejected = List.copyOf(rejected);
        onRequest = List.copyOf(onRequest);
    }

    /** A plan the catalog sells at a price given on request ("contact sales"): its code and name. */
    public record OnRequest(String plan, String name) {
    }

    /**
     * A ranked combination: plan, add-ons (catalog order), why each add-on is in it (as codes: "wanted: CODE",
     * "FIELD USED > CAP on PLAN: CODE", ...), the same said in the catalog's language for people, and its bill.
     */
    public record Option(int rank, String plan, List<Choice> addOns, List<String> why, List<String> explained,
                         Bill bill) {

        public Option {
            addOns = List.copyOf(addOns);
            why = List.copyOf(why);
            explained = List.copyOf(explained);
        }
    }

    /** A plan that no combination could serve: the violations ("CODE SUBJECT") of its closest combination. */
    public record Rejected(String plan, List<String> reasons) {

        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
