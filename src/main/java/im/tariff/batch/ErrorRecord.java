package im.tariff.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The batch record of a bad line (docs/FORMAT.md): {"line": N, "error": "…", "field": "…"}, line counted from 1. */
public final class ErrorRecord {

    private ErrorRecord() {
    }

    public static void write(JsonGenerator g, long lineNo, String error, String field) throws IOException {
        g.writeStartObject();
        g.writeNumberField("line", lineNo);
        g.writeStringField("error", error);
        g.writeStringField("field", field);
        g.writeEndObject();
    }
}
