package io.meshproof.oracle;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinomialTailsTest {

    @Test
    void cutsAreTheTightestOnTheRightSide() {
        for (int n : new int[] {1, 7, 100, 2159}) {
            for (double p : new double[] {0, 0.05, 0.1, 0.5, 0.85, 1}) {
                for (double tail : new double[] {1e-3, 0.025, 0.2}) {
                    BinomialDistribution d = BinomialDistribution.of(n, p);
                    int a = BinomialTails.smallestUpperCut(n, p, tail);
                    if (a <= n) {
                        assertThat(d.survivalProbability(a - 1)).as("P(X >= %d), n=%d p=%s", a, n, p).isLessThanOrEqualTo(tail);
                    }
                    if (a >= 1) {
                        assertThat(d.survivalProbability(a - 2)).as("P(X >= %d), n=%d p=%s", a - 1, n, p).isGreaterThan(tail);
                    }
                    int b = BinomialTails.largestLowerCut(n, p, tail);
                    if (b >= 0) {
                        assertThat(d.cumulativeProbability(b)).isLessThanOrEqualTo(tail);
                    }
                    if (b < n) {
                        assertThat(d.cumulativeProbability(b + 1)).isGreaterThan(tail);
                    }
                }
            }
        }
    }

    @Test
    void trialsToSeeOnceIsTheSmallestThatWorks() {
        int n = BinomialTails.trialsToSeeOnce(0.05, 1e-3);
        assertThat(n).isEqualTo(135);
        assertThat(Math.pow(0.95, n)).isLessThanOrEqualTo(1e-3);
        assertThat(Math.pow(0.95, n - 1)).isGreaterThan(1e-3);
    }
}
