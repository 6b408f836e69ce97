package io.meshproof.oracle;

import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.function.DoublePredicate;

/**
 * Cut-offs on the tails of a binomial count X ~ Bin(n, p), from Commons Statistics' exact CDF. Each
 * result is checked against the CDF itself, so a rounding in the library's inverse cannot put a cut
 * on the wrong side of the stated probability.
 */
final class BinomialTails {

    private BinomialTails() {
    }

    /** The smallest a with P(X >= a) <= tail; n + 1 when even P(X >= n) is larger. */
    static int smallestUpperCut(int n, double p, double tail) {
        BinomialDistribution d = BinomialDistribution.of(n, p);
        int a = d.inverseSurvivalProbability(tail) + 1;
        while (a > 0 && d.survivalProbability(a - 2) <= tail) {
            a--;
        }
        while (a <= n && d.survivalProbability(a - 1) > tail) {
            a++;
        }
        return a;
    }

    /** The largest b with P(X <= b) <= tail; -1 when even P(X <= 0) is larger. */
    static int largestLowerCut(int n, double p, double tail) {
        BinomialDistribution d = BinomialDistribution.of(n, p);
        int b = d.inverseCumulativeProbability(tail);
        while (b >= 0 && d.cumulativeProbability(b) > tail) {
            b--;
        }
        while (b < n && d.cumulativeProbability(b + 1) <= tail) {
            b++;
        }
        return b;
    }

    /** P(low <= X <= high). */
    static double inside(int n, double p, int low, int high) {
        if (low > high) {
            return 0;
        }
        BinomialDistribution d = BinomialDistribution.of(n, p);
        return d.cumulativeProbability(high) - d.cumulativeProbability(low - 1);
    }

    /** P(X < low) + P(X > high). */
    static double outside(int n, double p, int low, int high) {
        BinomialDistribution d = BinomialDistribution.of(n, p);
        return d.cumulativeProbability(low - 1) + d.survivalProbability(high);
    }

    /**
     * The number of trials after which an event of probability at least {@code rate} per trial has
     * been seen at least once with probability at least {@code 1 - miss}: (1 - rate)^n <= miss.
     */
    static int trialsToSeeOnce(double rate, double miss) {
        return (int) Math.ceil(Math.log(miss) / Math.log1p(-rate));
    }

    /**
     * Bisection on a proportion between {@code safe}, where {@code rarelyPasses} holds, and
     * {@code edge}, where it does not; returns a point where it holds, as close to the edge as double
     * precision allows. Used to find how far outside a bound a violation must be to be caught.
     */
    static double boundary(DoublePredicate rarelyPasses, double safe, double edge) {
        double in = safe;
        double out = edge;
        for (int i = 0; i < 60; i++) {
            double mid = (in + out) / 2;
            if (rarelyPasses.test(mid)) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return in;
    }
}
