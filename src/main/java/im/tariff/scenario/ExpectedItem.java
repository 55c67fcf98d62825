package im.tariff.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One expected line or violation of a scenario: the fields the analyst wrote (name → text), in file order,
 * where it was written, and the line of each field (for messages and for --accept).
 */
public record ExpectedItem(Map<String, String> fields, int line, Map<String, Integer> fieldLines) {

    public ExpectedItem {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        fieldLines = Map.copyOf(fieldLines);
    }

    public String get(String field) {
        return fields.get(field);
    }

    int lineOf(String field) {
        return fieldLines.getOrDefault(field, line);
    }
}
