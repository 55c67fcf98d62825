package im.tariff.refund;

import static im.tariff.refund.RefundFixture.addOn;
import static im.tariff.refund.RefundFixture.on;
import static im.tariff.refund.RefundFixture.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.tariff.io.InvalidRequestException;
import im.tariff.model.BillingMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The refund reader: strict like the request reader (JsonInput's policy, unknown fields, the catalog's codes),
 * one message naming the field by its JSON path, at the first error.
 */
class RefundReaderTest {

    private final RefundReader reader = new RefundReader(RefundFixture.rules().catalog());

    @Test
    void readsOrdersOfPlansAndAddOnsTakingAnAddOnsPlanFromThePlansOrder() throws Exception {
        RefundRequest r = reader.read(on("2026-10-25", plan("基础版", "2026-10-15", "120"),
                "{\"addOn\": \"STORAGE\", \"months\": 3, \"periodStart\": \"2026-10-20\", \"paid\": 25.5}",
                addOn("BACKUP", "\"plan\": \"TOP\"", "2026-10-01", "62.00")));

        assertThat(r.appId()).isEqualTo("42");
        assertThat(r.refundDate()).hasToString("2026-10-25");
        RefundRequest.Order p = r.orders().get(0);
        assertThat(p.plan()).as("a plan's name is read as its code").isEqualTo("BASIC");
        assertThat(p.isPlan()).isTrue();
        assertThat(p.billing()).isEqualTo(BillingMode.PREPAID);
        assertThat(p.paid()).as("an amount has two decimals").hasToString("120.00");
        RefundRequest.Order storage = r.orders().get(1);
        assertThat(storage.plan()).as("the plan's order holds 2026-10-20").isEqualTo("BASIC");
        assertThat(storage.option()).isEqualTo(3L);
        assertThat(storage.paid()).hasToString("25.50");
        assertThat(r.orders().get(2).plan()).as("given").isEqualTo("TOP");
        assertThat(r.orders().get(2).path()).isEqualTo("orders[2]");
    }

    @Test
    void aPaidThatIsNotAnAmountIsRefusedNamingItsPath() {
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "120.00"), addOn("BACKUP", "", "2026-10-15", "abc")),
                "orders[1].paid", "expected an amount such as \"999.00\", got \"abc\"");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "-1.00")), "orders[0].paid", "must not be negative: -1.00");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.001")), "orders[0].paid",
                "at most two decimals (cents), got 1.001");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1e3")), "orders[0].paid", "got \"1e3\"");
        refused(on("2026-10-25", "{\"plan\": \"BASIC\", \"periodStart\": \"2026-10-15\", \"paid\": true}"),
                "orders[0].paid", "got a boolean");
        refused(on("2026-10-25", "{\"plan\": \"BASIC\", \"periodStart\": \"2026-10-15\"}"), "orders[0].paid",
                "missing required field");
    }

    @Test
    void aRefundDateOutsideEveryOrderIsRefused() {
        refused(on("2026-11-15", plan("BASIC", "2026-10-15", "120.00")), "refundDate",
                "refund date 2026-11-15 lies in no order's period (orders[0] 2026-10-15 … 2026-11-14)");
        refused(on("2026-10-14", plan("BASIC", "2026-10-15", "120.00")), "refundDate", "lies in no order's period");
    }

    @Test
    void unknownPlansAddOnsAndFieldsAreRefused() {
        refused(on("2026-10-25", plan("GOLD", "2026-10-15", "1.00")), "orders[0].plan",
                "unknown plan 'GOLD' (expected FREE, BASIC, TOP or Free, Basic, Top)");
        refused(on("2026-10-25", plan("basic", "2026-10-15", "1.00")), "orders[0].plan", "(did you mean 'BASIC'?)");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"), addOn("BAKUP", "", "2026-10-15", "1.00")),
                "orders[1].addOn", "unknown add-on 'BAKUP' (expected one of BACKUP, STORAGE, ARCHIVE)");
        refused(on("2026-10-25", "{\"plan\": \"BASIC\", \"periodstart\": \"2026-10-15\", \"paid\": \"1.00\"}"),
                "orders[0].periodstart", "unknown field (did you mean 'periodStart'?)");
        refused("{\"appId\": \"1\", \"refundDate\": \"2026-10-25\", \"orders\": [], \"plan\": \"BASIC\"}", "plan",
                "unknown field");
        refused(on("2026-10-25", "{\"periodStart\": \"2026-10-15\", \"paid\": \"1.00\"}"), "orders[0]",
                "an order names what was bought");
    }

    @Test
    void anOptionBelongsToItsAddOnAndIsRequiredThere() {
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"), addOn("STORAGE", "", "2026-10-15", "1.00")),
                "orders[1].months", "missing required field: STORAGE needs its months");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"),
                addOn("BACKUP", "\"months\": 1", "2026-10-15", "1.00")), "orders[1].months",
                "months applies only to STORAGE, not to BACKUP");
        refused(on("2026-10-25", "{\"plan\": \"BASIC\", \"months\": 1, \"periodStart\": \"2026-10-15\", \"paid\": \"1\"}"),
                "orders[0].months", "months applies only to STORAGE, not to plan");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"),
                addOn("STORAGE", "\"months\": 1.5", "2026-10-15", "1.00")), "orders[1].months", "whole number");
    }

    @Test
    void twoOrdersOfOneThingAtOnceAreRefused() {
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"), plan("TOP", "2026-10-15", "1.00")),
                "orders[1]", "the same order as orders[0] (plan from 2026-10-15)");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"), plan("TOP", "2026-11-14", "1.00")),
                "orders[1].periodStart", "overlaps orders[0] (2026-10-15 … 2026-11-14): an app holds one plan at a time");
        refused(on("2026-10-25", plan("BASIC", "2026-10-15", "1.00"), addOn("BACKUP", "", "2026-10-15", "1.00"),
                addOn("BACKUP", "", "2026-10-16", "1.00")), "orders[2].periodStart", "one BACKUP at a time");
    }

    @Test
    void anAddOnsPlanMustBeKnown() {
        refused(on("2026-10-25", addOn("BACKUP", "", "2026-10-15", "31.00")), "orders[0].plan",
                "the plan this add-on was bought on is not known");
        refused(on("2026-10-25", plan("BASIC", "2026-10-20", "1.00"), addOn("BACKUP", "", "2026-10-15", "31.00")),
                "orders[1].plan", "whose period holds 2026-10-15");
    }

    @Test
    void theRequestItselfFollowsTheInputPolicy() {
        refused("", "$", null);
        refused("[1]", "$", "expected a JSON object");
        refused("{\"appId\": \"1\", \"appId\": \"2\"}", "appId", null);
        refused("{\"appId\": \" \", \"refundDate\": \"2026-10-25\", \"orders\": []}", "appId", "must not be blank");
        refused("{\"appId\": \"1\", \"refundDate\": \"2026-02-30\", \"orders\": []}", "refundDate",
                "expected a valid date as YYYY-MM-DD, got '2026-02-30'");
        refused("{\"appId\": \"1\", \"refundDate\": \"2026-10-25\", \"orders\": []}", "orders", "no orders");
        refused("{\"appId\": \"1\", \"refundDate\": \"2026-10-25\", \"orders\": {}}", "orders", "expected an array");
        String many = on("2026-10-25", java.util.Collections.nCopies(RefundReader.MAX_ORDERS + 1,
                plan("BASIC", "2026-10-15", "1.00")).toArray(String[]::new));
        refused(many, "orders", "101 orders: a refund takes at most 100");
        refused(on("2026-10-25", plan("BASIC", "9999-12-02", "1.00")), "orders[0].periodStart",
                "would end after 9999-12-31");
        byte[] bad = "{\"appId\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.read(bad, 0, bad.length)).isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", "$");
    }

    private void refused(String json, String field, String reason) {
        var thrown = assertThatThrownBy(() -> reader.read(json)).isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("field", field);
        if (reason != null) {
            thrown.hasMessageContaining(reason);
        }
    }
}
