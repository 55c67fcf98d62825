package im.tariff.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import im.tariff.io.InvalidRequestException;
import im.tariff.io.Json;
import im.tariff.io.RequestReader;
import im.tariff.model.Bill;
import im.tariff.model.BillRequest;
import java.math.BigDecimal;

/**
 * A tiny builder of request JSON (docs/FORMAT.md) for tests. Requests go through the real RequestReader, so a rule
 * test also proves that the field names it uses are the documented ones. Defaults: appId 1400000001,
 * billing month 2026-10, no start date, no add-ons, no usage.
 */
public final class Req {

    private final ObjectNode root = Json.MAPPER.createObjectNode();

    private Req(String plan) {
        root.put("appId", "1400000001");
        root.put("billingMonth", "2026-10");
        root.put("plan", plan);
    }

    public static Req plan(String plan) {
        return new Req(plan);
    }

    public static Req trial() {
        return new Req("TRIAL");
    }

    public static Req pro() {
        return new Req("PRO");
    }

    public static Req flagship() {
        return new Req("FLAGSHIP");
    }

    public Req month(String yyyyMm) {
        root.put("billingMonth", yyyyMm);
        return this;
    }

    public Req start(String date) {
        root.put("planStartDate", date);
        return this;
    }

    public Req previous(String plan) {
        root.put("previousPlan", plan);
        return this;
    }

    public Req requested(String plan) {
        root.put("requestedPlan", plan);
        return this;
    }

    public Req addOn(String type) {
        addOns().addObject().put("type", type);
        return this;
    }

    public Req addOn(String type, String startDate) {
        addOns().addObject().put("type", type).put("startDate", startDate);
        return this;
    }

    public Req history(int days) {
        addOns().addObject().put("type", "HISTORY_STORAGE").put("days", days);
        return this;
    }

    /** A plain usage figure by its JSON name (users, maxFriendsPerUser, peakDau, ...). */
    public Req usage(String field, long value) {
        usage().put(field, value);
        return this;
    }

    public Req peakDau(long dau) {
        return usage("peakDau", dau);
    }

    public Req peakGroups(long groups) {
        return usage("peakGroups", groups);
    }

    public Req dailyDau(String date, long dau) {
        series("dailyDau").addObject().put("date", date).put("dau", dau);
        return this;
    }

    public Req dailyGroups(String date, long groups) {
        series("dailyGroups").addObject().put("date", date).put("groups", groups);
        return this;
    }

    public Req barrage(String date, String region, String peakMbps) {
        series("barrage").addObject().put("date", date).put("region", region)
                .put("peakMbps", new BigDecimal(peakMbps));
        return this;
    }

    public ObjectNode json() {
        return root;
    }

    /** Serialises and reads the request back, exactly as a file would be read. */
    public BillRequest request() {
        try {
            return im.tariff.evaluate.SharedEngine.reader().read(root.toString());
        } catch (InvalidRequestException e) {
            throw new AssertionError("test request is not valid: " + e.getMessage() + "\n" + root, e);
        }
    }

    /** Evaluates the request on the shared bundled engine. */
    public Bill bill() {
        return SharedEngine.evaluate(request());
    }

    private ArrayNode addOns() {
        return root.has("addOns") ? (ArrayNode) root.get("addOns") : root.putArray("addOns");
    }

    private ObjectNode usage() {
        return root.has("usage") ? (ObjectNode) root.get("usage") : root.putObject("usage");
    }

    private ArrayNode series(String name) {
        ObjectNode usage = usage();
        return usage.has(name) ? (ArrayNode) usage.get(name) : usage.putArray(name);
    }
}
