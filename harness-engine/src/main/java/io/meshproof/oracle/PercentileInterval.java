package io.meshproof.oracle;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A distribution-free confidence interval for the q-quantile from order statistics: with B ~ Bin(n, q)
 * the number of observations at or below the true quantile, the l-th smallest lies above it with
 * probability P(B <= l - 1) and the u-th smallest below it with probability at most P(B >= u); both are
 * kept at or under alpha / 2. Ranks are 1-based; {@code lower == 0} means no lower bound exists at this
 * n and {@code upper == n + 1} means no upper bound does.
 */
record PercentileInterval(int n, double quantile, int lower, int upper) {

    static PercentileInterval of(int n, double quantile, double alpha) {
        int lower = BinomialTails.largestLowerCut(n, quantile, alpha / 2) + 1;
        int upper = BinomialTails.smallestUpperCut(n, quantile, alpha / 2);
        return new PercentileInterval(n, quantile, lower, upper);
    }

    boolean hasLower() {
        return lower >= 1;
    }

    boolean hasUpper() {
        return upper <= n;
    }

    /** Half the span of the interval in quantile levels, the missing side taken at the sample's edge. */
    double levelHalfWidth() {
        int low = hasLower() ? lower : 0;
        int high = hasUpper() ? upper : n;
        return (high - low) / (2.0 * n);
    }

    /**
     * How far (in quantile levels) the true share of requests on the wrong side of the bound must be
     * from {@code quantile} for the check to pass with probability at most {@code beta}; null when the
     * deciding end of the interval does not exist at this n. For {@code atLeast D} the check fails when
     * at least {@code upper} requests are faster than D; for {@code below D} when fewer than
     * {@code lower} are.
     */
    Double detectable(boolean atLeast, double beta) {
        if (atLeast) {
            if (!hasUpper()) {
                return null;
            }
            double p = BinomialTails.boundary(
                    s -> BinomialDistribution.of(n, s).cumulativeProbability(upper - 1) <= beta, 1, quantile);
            return p - quantile;
        }
        if (!hasLower()) {
            return null;
        }
        double p = BinomialTails.boundary(s -> BinomialDistribution.of(n, s).survivalProbability(lower - 1) <= beta, 0, quantile);
        return quantile - p;
    }
}
