package im.tariff.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One regression scenario: a request (docs/FORMAT.md) and the bill, or the refusal, it must produce; or a refund
 * request ({@code refund:} instead of {@code request:}) and the refund, or the refusal, it must produce.
 *
 * @param file        the file as the user named it (e.g. rules/scenarios/dau-overage-pro.yaml)
 * @param label       short file name shown in test names (path relative to the loaded folder)
 * @param name        the scenario's name, unique in its file
 * @param description optional words for people, or null
 * @param line        line of the scenario in its file
 * @param request     the request exactly as docs/FORMAT.md (for a refund scenario, the refund request)
 * @param expect      the expected result (for a refund scenario: only a refusal; a refund is in refundExpect)
 * @param refund      true for a refund scenario ({@code refund:})
 * @param refundExpect the expected refund, or null (a bill scenario, or a refund expected to be refused)
 */
public record Scenario(String file, String label, String name, String description, int line, JsonNode request,
                       Expectation expect, String pointer, YamlTree tree, boolean refund,
                       RefundExpectation refundExpect) {

    /** "file › name", the name of the scenario's JUnit test. */
    public String displayName() {
        return label + " › " + name;
    }

    /** file:line of the scenario. */
    public String location() {
        return file + ":" + line;
    }

    /**
     * Line in the file of a request field given as a JSON path (usage.dailyDau[3].date), or of the request
     * itself when the field cannot be found.
     */
    int lineOfRequestField(String jsonPath) {
        String p = pointer + (refund ? "/refund" : "/request");
        if (jsonPath != null && !jsonPath.equals("$")) {
            p += "/" + jsonPath.replace("[", ".").replace("]", "").replace('.', '/');
        }
        return tree.lineOf(p);
    }
}
