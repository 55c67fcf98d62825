package im.tariff.reload;

import im.tariff.compile.RuleProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one reload attempt did. {@code servingVersion} is the version in force after the attempt (the new one
 * when swapped, the last good one otherwise); {@code candidateVersion} is the content hash of the files
 * read (null when they could not be read).
 *
 * @param problems     file:line problems: compile errors, lint findings, or the read error
 * @param gateFailures the gate's reasons (failing scenarios) when it refused the candidate
 */
public record ReloadResult(Outcome outcome, String trigger, Instant at, Duration took, String servingVersion,
                           String candidateVersion, List<RuleProblem> problems, List<String> gateFailures) {

    public enum Outcome {
        /** The candidate passed everything and now serves. */
        SWAPPED,
        /** The files hold the rules already in force (they still passed the gate); nothing changed. */
        UNCHANGED,
        /** The files could not be read (missing folder, a file being renamed). */
        UNREADABLE,
        /** The rules do not compile. */
        NOT_COMPILED,
        /** The rules reach outside the tariff (lint). */
        UNSAFE,
        /** The rules compile but the gate (the scenarios) refused them. */
        GATE_REFUSED;

        public boolean refused() {
            return this != SWAPPED && this != UNCHANGED;
        }
    }

    public ReloadResult {
        problems = List.copyOf(problems);
        gateFailures = List.copyOf(gateFailures);
    }

    public boolean swapped() {
        return outcome == Outcome.SWAPPED;
    }

    public boolean refused() {
        return outcome.refused();
    }

    /** Every reason in one list of lines: file:line problems, then gate failures. */
    public List<String> reasons() {
        List<String> all = new ArrayList<>();
        for (RuleProblem p : problems) {
            all.add(p.toString());
        }
        all.addAll(gateFailures);
        return all;
    }

    /** Reasons shown in a log entry; the full list stays in reasons() and the /v1/rules status. */
    static final int LOGGED_REASONS = 10;

    /** A short entry for a log: the outcome and the first reasons. */
    public String summary() {
        String head = "rules reload (" + trigger + "): " + outcome + ", serving " + servingVersion
                + (candidateVersion != null && !candidateVersion.equals(servingVersion)
                ? ", candidate " + candidateVersion : "") + ", " + took.toMillis() + " ms";
        List<String> reasons = reasons();
        if (reasons.isEmpty()) {
            return head;
        }
        List<String> shown = reasons.size() > LOGGED_REASONS ? reasons.subList(0, LOGGED_REASONS) : reasons;
        String more = reasons.size() > shown.size() ? "\n  … and " + (reasons.size() - shown.size()) + " more" : "";
        return head + "\n  " + String.join("\n  ", shown) + more;
    }
}
