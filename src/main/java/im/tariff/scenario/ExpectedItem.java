package im.tariff.scenario;

import java.util.Map;

/**
 * One expected line or violation of a scenario: the fields the analyst wrote (name → text), in file order,
 * and where it was written (for messages).
 */
public record ExpectedItem(Map<String, String> fields, int line) {

    public ExpectedItem {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public String get(String field) {
        return fields.get(field);
    }
}
