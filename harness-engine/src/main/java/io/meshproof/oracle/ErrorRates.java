package io.meshproof.oracle;

/**
 * The two error rates of one check (DESIGN.md section 5).
 *
 * @param falseFailure    chance that a correct mesh fails the check (the check's share of the suite budget)
 * @param missedViolation chance that a mesh off by the tolerance or more passes it
 * @param resolution      for fraction bounds: the largest interval half-width allowed (0.05 = 5 points)
 */
public record ErrorRates(double falseFailure, double missedViolation, double resolution) {

    public static final double SUITE_FALSE_FAILURE_BUDGET = 1e-3;
    public static final double DEFAULT_MISSED_VIOLATION = 1e-3;
    public static final double DEFAULT_RESOLUTION = 0.05;

    /** Bonferroni: each of {@code checks} checks gets an equal share of the suite's budget. */
    public static ErrorRates bonferroni(int checks) {
        return new ErrorRates(SUITE_FALSE_FAILURE_BUDGET / Math.max(1, checks), DEFAULT_MISSED_VIOLATION, DEFAULT_RESOLUTION);
    }
}
