package io.meshproof.oracle;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * The exact (Clopper–Pearson) confidence interval for a binomial proportion. Commons Statistics has
 * the beta quantiles but not the interval itself; the interval covers the true proportion with
 * probability at least {@code 1 - alpha} whatever it is, {@code alpha / 2} on each side.
 */
final class ClopperPearson {

    private ClopperPearson() {
    }

    static Interval interval(int successes, int trials, double alpha) {
        if (trials == 0) {
            return new Interval(0, 1);
        }
        double low = successes == 0 ? 0
                : BetaDistribution.of(successes, trials - successes + 1.0).inverseCumulativeProbability(alpha / 2);
        double high = successes == trials ? 1
                : BetaDistribution.of(successes + 1.0, trials - successes).inverseSurvivalProbability(alpha / 2);
        return new Interval(low, high);
    }
}
