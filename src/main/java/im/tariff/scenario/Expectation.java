package im.tariff.scenario;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a scenario expects: either a bill (total, lines, violations; matched exactly) or a refusal of the
 * request as bad input (the JSON field named in the error).
 *
 * @param errorField  the field the refusal must name (e.g. usage.peakDau), or null when a bill is expected
 * @param errorReason text the refusal's reason must contain, or null
 * @param total       expected bill total (always given for a bill)
 * @param prepaid     expected prepaid total, or null when not checked
 * @param postpaid    expected postpaid total, or null when not checked
 * @param credits     expected total of the credit lines (negative), or null when not checked
 * @param plan        expected plan code of the bill, or null when not checked
 * @param lines       every expected line (an unexpected line fails)
 * @param violations  every expected violation (an unexpected violation fails)
 * @param errorLine   line of the error expectation
 * @param moneyLines  line of total / prepaid / postpaid / credits where written
 */
public record Expectation(String errorField, String errorReason, BigDecimal total, BigDecimal prepaid,
                          BigDecimal postpaid, BigDecimal credits, String plan, List<ExpectedItem> lines, List<ExpectedItem> violations,
                          int errorLine, java.util.Map<String, Integer> moneyLines) {

    public Expectation {
        moneyLines = java.util.Map.copyOf(moneyLines);
        lines = List.copyOf(lines);
        violations = List.copyOf(violations);
    }

    public boolean expectsError() {
        return errorField != null;
    }
}
