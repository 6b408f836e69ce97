package io.meshproof.engine.convergence;

import io.meshproof.target.Deployment;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits until a scenario's new mesh state is observed in effect (DESIGN.md section 6): first the
 * target's own signal that the configuration is applied, then a probe that only the new state can
 * satisfy, seen for N consecutive requests, within a timeout. Records the time it took.
 */
public final class ConvergenceGate {

    private static final Duration PAUSE = Duration.ofMillis(10);

    private final Duration timeout;

    public ConvergenceGate(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * @param appliedSinceNanos when the apply began
     * @param sender            sends one probe request
     */
    public ConvergenceResult await(Deployment deployment, Optional<Probe> probe, Supplier<ProbeResponse> sender,
                                   long appliedSinceNanos, Progress progress) throws TargetException {
        long appliedMs = deployment.awaitApplied();
        if (probe.isEmpty()) {
            long elapsed = elapsedMs(appliedSinceNanos);
            return new ConvergenceResult(true, elapsed, appliedMs, "target's applied signal only",
                    "no request can tell this state from the stock one, so the target's own signal decides");
        }
        Probe p = probe.get();
        long deadline = appliedSinceNanos + timeout.toNanos();
        int inARow = 0;
        int longest = 0;
        int sent = 0;
        ProbeResponse last = null;
        while (System.nanoTime() < deadline) {
            last = sender.get();
            sent++;
            inARow = p.satisfiedBy().test(last) ? inARow + 1 : 0;
            longest = Math.max(longest, inARow);
            if (inARow >= p.consecutive()) {
                return new ConvergenceResult(true, elapsedMs(appliedSinceNanos), appliedMs,
                        p.description() + ", " + p.consecutive() + " in a row", sent + " probes");
            }
            pause();
        }
        String detail = "not observed in effect within " + timeout.toSeconds() + " s: " + sent + " probes, last answer "
                + last + ", longest run " + longest + " of " + p.consecutive() + " needed";
        progress.line("convergence gate gave up: " + detail);
        return new ConvergenceResult(false, elapsedMs(appliedSinceNanos), appliedMs, p.description(), detail);
    }

    private static long elapsedMs(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
