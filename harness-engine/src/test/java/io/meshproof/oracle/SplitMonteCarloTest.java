package io.meshproof.oracle;

import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split check's two error rates, measured: at the planned n, a mesh that splits exactly by the
 * weights must fail at most alpha of the time, and a mesh off by the tolerance must pass at most beta
 * of the time. Large rates (0.05) keep the runs to seconds; the margin is three standard errors.
 */
class SplitMonteCarloTest {

    private static final ErrorRates RATES = new ErrorRates(0.05, 0.05, 0.05);
    private static final int RUNS = 1000;
    private static final double MARGIN = 3 * Math.sqrt(0.05 * 0.95 / RUNS);

    private final SplitOracle oracle = new SplitOracle();

    @Test
    void twoWayCanary() {
        Expectation.Split split = new Expectation.Split("reviews", Map.of("v1", 90, "v2", 10), 5.0);
        int n = oracle.requiredRequests(split, RATES);
        double falseFailures = failureRate(split, shares("v1", 0.90, "v2", 0.10), n, 11);
        double missed = 1 - failureRate(split, shares("v1", 0.85, "v2", 0.15), n, 12);
        double missedLow = 1 - failureRate(split, shares("v1", 0.95, "v2", 0.05), n, 13);
        System.out.printf("split 90/10 t=5 alpha=beta=0.05: n=%d, false failures %.4f, missed violations %.4f (v2 at 15%%), %.4f (v2 at 5%%)%n",
                n, falseFailures, missed, missedLow);
        assertThat(falseFailures).isLessThanOrEqualTo(RATES.falseFailure() + MARGIN);
        assertThat(missed).isLessThanOrEqualTo(RATES.missedViolation() + MARGIN);
        assertThat(missedLow).isLessThanOrEqualTo(RATES.missedViolation() + MARGIN);
    }

    @Test
    void threeWay() {
        Expectation.Split split = new Expectation.Split("reviews", Map.of("v1", 60, "v2", 30, "v3", 10), 5.0);
        int n = oracle.requiredRequests(split, RATES);
        double falseFailures = failureRate(split, shares("v1", 0.60, "v2", 0.30, "v3", 0.10), n, 21);
        double missed = 1 - failureRate(split, shares("v1", 0.55, "v2", 0.35, "v3", 0.10), n, 22);
        double missedOutside = 1 - failureRate(split, shares("v1", 0.57, "v2", 0.28, "v3", 0.10, "v4", 0.05), n, 23);
        System.out.printf("split 60/30/10 t=5 alpha=beta=0.05: n=%d, false failures %.4f, missed violations %.4f (v1 at 55%%), %.4f (v4 at 5%%)%n",
                n, falseFailures, missed, missedOutside);
        assertThat(falseFailures).isLessThanOrEqualTo(RATES.falseFailure() + MARGIN);
        assertThat(missed).isLessThanOrEqualTo(RATES.missedViolation() + MARGIN);
        assertThat(missedOutside).isLessThanOrEqualTo(RATES.missedViolation() + MARGIN);
    }

    @Test
    void weightHundred() {
        Expectation.Split split = new Expectation.Split("reviews", Map.of("v1", 100), 5.0);
        int n = oracle.requiredRequests(split, RATES);
        double falseFailures = failureRate(split, shares("v1", 1.0), n, 31);
        double missed = 1 - failureRate(split, shares("v1", 0.95, "v2", 0.05), n, 32);
        System.out.printf("split 100 t=5 alpha=beta=0.05: n=%d, false failures %.4f, missed violations %.4f%n", n, falseFailures, missed);
        assertThat(falseFailures).isZero();
        assertThat(missed).isLessThanOrEqualTo(RATES.missedViolation() + MARGIN);
    }

    private static Map<String, Double> shares(Object... versionsAndShares) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < versionsAndShares.length; i += 2) {
            shares.put((String) versionsAndShares[i], (Double) versionsAndShares[i + 1]);
        }
        return shares;
    }

    /** Share of runs in which a mesh answering with these true shares fails the check at n answers. */
    private double failureRate(Expectation.Split split, Map<String, Double> truth, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> versions = new ArrayList<>(truth.keySet());
        int failures = 0;
        for (int run = 0; run < RUNS; run++) {
            List<RequestRecord> records = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                double u = random.nextDouble();
                String answered = versions.get(versions.size() - 1);
                for (String v : versions) {
                    u -= truth.get(v);
                    if (u < 0) {
                        answered = v;
                        break;
                    }
                }
                records.add(Records.ok(i, answered));
            }
            if (!oracle.judge(split, Records.observe(records), RATES).passed()) {
                failures++;
            }
        }
        return (double) failures / RUNS;
    }
}
