package io.meshproof.engine.execution;

import io.meshproof.scenario.Rate;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Traffic;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code resilience} profile runs the chaos scenarios harder, as nightly runs want them: twice
 * the arrival rate and three times the duration (or requests) written in the file; the chaos
 * schedule stays as written. Other profiles run scenarios as written.
 */
public final class ProfileScaling {

    static final double RATE_FACTOR = 2;
    static final int DURATION_FACTOR = 3;

    private ProfileScaling() {
    }

    /** The scenario's traffic under this profile, and a note for the report when it changed. */
    public static Scaled scale(Scenario scenario, String profile) {
        Traffic t = scenario.traffic();
        if (!profile.equals("resilience")) {
            return new Scaled(t, Optional.empty());
        }
        Rate rate = t.rate() == null ? null
                : new Rate(t.rate().perSecond() * RATE_FACTOR, String.format(Locale.ROOT, "%.0f/s", t.rate().perSecond() * RATE_FACTOR));
        Traffic scaled = new Traffic(t.from(), t.to(), t.user(), t.request(), rate, t.concurrency(),
                t.requests() == null ? null : t.requests() * DURATION_FACTOR,
                t.duration() == null ? null : t.duration().multipliedBy(DURATION_FACTOR));
        return new Scaled(scaled, Optional.of("resilience profile: rate x" + (int) RATE_FACTOR + ", duration (or requests) x"
                + DURATION_FACTOR + " of what the file says; chaos at the written times"));
    }

    public record Scaled(Traffic traffic, Optional<String> note) {}
}
