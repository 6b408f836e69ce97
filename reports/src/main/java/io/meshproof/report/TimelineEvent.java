package io.meshproof.report;

/**
 * A marker on a scenario's time series.
 *
 * @param atMs   milliseconds after the load started (negative: before it)
 * @param kind   converged, kill, restart, controlPlaneOutage, ejected, reload
 * @param detail what happened, in words
 */
public record TimelineEvent(long atMs, String kind, String detail) {}
