package io.meshproof.engine.convergence;

/**
 * How the convergence gate ended.
 *
 * @param converged  the new state was observed in effect within the timeout
 * @param elapsedMs  from the start of the apply until the gate passed (or gave up)
 * @param appliedMs  from the start of the apply until the target reported the configuration applied
 * @param probe      what the gate looked for, in words
 * @param detail     what it saw last, in words
 */
public record ConvergenceResult(boolean converged, long elapsedMs, long appliedMs, String probe, String detail) {}
