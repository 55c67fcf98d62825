package im.tariff.server;

import com.fasterxml.jackson.core.JsonGenerator;
import im.tariff.reload.LiveStatus;
import im.tariff.reload.ReloadResult;
import im.tariff.compile.RuleProblem;
import java.io.IOException;

/** The JSON of /v1/rules, /v1/rules/reload and /health. */
final class StatusJson {

    private StatusJson() {
    }

    static void rules(LiveStatus s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("version", s.version());
        g.writeStringField("origin", s.origin());
        g.writeArrayFieldStart("files");
        for (String f : s.files()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeNumberField("ruleCount", s.ruleCount());
        g.writeStringField("loadedAt", s.loadedAt().toString());
        g.writeBooleanField("watching", s.watching());
        g.writeNumberField("reloadAttempts", s.reloadAttempts());
        g.writeNumberField("reloadsRefused", s.reloadsRefused());
        if (s.lastReload() != null) {
            g.writeFieldName("lastReload");
            reload(s.lastReload(), g);
        }
        g.writeEndObject();
    }

    static void reload(ReloadResult r, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("outcome", r.outcome().name());
        g.writeBooleanField("swapped", r.swapped());
        g.writeBooleanField("refused", r.refused());
        g.writeStringField("trigger", r.trigger());
        g.writeStringField("at", r.at().toString());
        g.writeNumberField("tookMs", r.took().toMillis());
        g.writeStringField("servingVersion", r.servingVersion());
        g.writeStringField("candidateVersion", r.candidateVersion());
        g.writeArrayFieldStart("errors");
        for (RuleProblem p : r.problems()) {
            g.writeStartObject();
            g.writeStringField("file", p.file());
            g.writeNumberField("line", p.line());
            if (p.column() != null) {
                g.writeStringField("column", p.column());
            }
            g.writeStringField("message", p.message());
            g.writeStringField("text", p.toString());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("failingScenarios");
        for (String f : r.gateFailures()) {
            g.writeString(f);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void health(LiveStatus s, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("status", "UP");
        g.writeStringField("rulesVersion", s.version());
        g.writeBooleanField("watching", s.watching());
        // still UP: the last good rules serve; the flag tells an operator an edit was refused
        g.writeBooleanField("lastReloadRefused", s.lastReload() != null && s.lastReload().refused());
        g.writeEndObject();
    }
}
