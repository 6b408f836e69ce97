package io.meshproof.report;

import java.util.List;

/**
 * One scenario's outcome.
 *
 * @param convergenceMs time from applying the mesh state until it was observed in effect; null if not reached
 * @param reason        why the scenario failed or was skipped as a whole (no convergence, unsupported, dry run)
 * @param events        the time series markers: convergence, chaos actions, ejections
 * @param series        the requests bucketed for charts (outcomes and versions over time, latency
 *                      histogram); null when no request was made
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
        List<String> notes,
        Series series) {

    public ScenarioReport {
        checks = checks == null ? List.of() : List.copyOf(checks);
        events = events == null ? List.of() : List.copyOf(events);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A scenario without chart data (no request made, or a caller that does not bucket them). */
    public ScenarioReport(String id, String title, String feature, Support support, Result result, int requests,
                          Long convergenceMs, long durationMs, String file, int line, String reason,
                          List<CheckReport> checks, List<TimelineEvent> events, List<String> notes) {
        this(id, title, feature, support, result, requests, convergenceMs, durationMs, file, line, reason,
                checks, events, notes, null);
    }

    /** The same scenario with chart data. */
    public ScenarioReport withSeries(Series series) {
        return new ScenarioReport(id, title, feature, support, result, requests, convergenceMs, durationMs,
                file, line, reason, checks, events, notes, series);
    }
}
