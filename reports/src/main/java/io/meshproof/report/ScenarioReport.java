package io.meshproof.report;

import java.util.List;

/**
 * One scenario's outcome.
 *
 * @param convergenceMs time from applying the mesh state until it was observed in effect; null if not reached
 * @param reason        why the scenario failed or was skipped as a whole (no convergence, unsupported, dry run)
 * @param events        the time series markers: convergence, chaos actions, ejections
 */
public record ScenarioReport(
        String id,
        String title,
        String feature,
        Support support,
        Result result,
        int requests,
        Long convergenceMs,
        long durationMs,
        String file,
        int line,
        String reason,
        List<CheckReport> checks,
        List<TimelineEvent> events,
        List<String> notes) {

    public ScenarioReport {
        checks = checks == null ? List.of() : List.copyOf(checks);
        events = events == null ? List.of() : List.copyOf(events);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
