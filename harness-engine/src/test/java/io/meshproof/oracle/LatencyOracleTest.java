package io.meshproof.oracle;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;
import io.meshproof.scenario.Fraction;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyOracleTest {

    private static final ErrorRates SUITE = ErrorRates.bonferroni(30);
    private static final Expectation.Latency P50_AT_LEAST_2S = new Expectation.Latency(50.0, Duration.ofSeconds(2), null, null, null);
    private static final Expectation.Latency P99_BELOW_300MS = new Expectation.Latency(99.0, null, Duration.ofMillis(300), null, null);

    private final LatencyOracle oracle = new LatencyOracle();

    /** {@code slow} requests at {@code slowMicros} and the rest at 10 ms, interleaved. */
    private static List<RequestRecord> latencies(int n, int slow, long slowMicros) {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean isSlow = (long) i * slow / n != (long) (i + 1) * slow / n;
            records.add(Records.latency(i, isSlow ? slowMicros + i : 10_000 + i));
        }
        return records;
    }

    @Test
    void plannedSampleSizes() {
        assertThat(oracle.plan(P50_AT_LEAST_2S, SUITE)).isEqualTo(new SamplePlan(1749, SamplePlan.Counting.TIMED));
        assertThat(oracle.requiredRequests(P99_BELOW_300MS, SUITE)).isEqualTo(60);
        assertThat(oracle.requiredRequests(new Expectation.Latency(99.0, Duration.ofSeconds(1), null, null, null), SUITE)).isEqualTo(1095);
        assertThat(oracle.requiredRequests(new Expectation.Latency(null, null, null, Duration.ofSeconds(1), Fraction.parse("40%..60%")), SUITE))
                .isEqualTo(1733);
    }

    @Test
    void delayedRequestsMeetAnAtLeastBound() {
        Verdict v = oracle.judge(P50_AT_LEAST_2S, Records.observe(latencies(1800, 1800, 2_003_000)), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.message()).matches("p50 latency was 2003\\.\\d+ms \\(interval 2003\\.\\d+ms–2003\\.\\d+ms over 1800 requests\\), consistent with the bound p50 >= 2s");
        assertThat(v.evidence()).containsKeys("valueMs", "intervalMs", "ranks", "n", "nRequired", "alpha", "beta", "detectable", "distribution", "excluded");
        @SuppressWarnings("unchecked")
        Map<String, Object> distribution = (Map<String, Object>) v.evidence().get("distribution");
        assertThat((double) distribution.get("p50Ms")).isBetween(2000.0, 2010.0);
    }

    @Test
    void fastRequestsFailAnAtLeastBound() {
        Verdict v = oracle.judge(P50_AT_LEAST_2S, Records.observe(latencies(1800, 0, 0)), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("wholly below the bound p50 >= 2s");
        // 40% delayed: the median is fast, and the interval (about p45..p55) is wholly below 2 s.
        Verdict partly = oracle.judge(P50_AT_LEAST_2S, Records.observe(latencies(1800, 720, 2_003_000)), SUITE);
        assertThat(partly.passed()).isFalse();
    }

    @Test
    void anIntervalStraddlingTheBoundIsNoEvidence() {
        Verdict v = oracle.judge(P50_AT_LEAST_2S, Records.observe(latencies(1800, 900, 2_003_000)), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
    }

    @Test
    void belowBound() {
        assertThat(oracle.judge(P99_BELOW_300MS, Records.observe(latencies(200, 2, 500_000)), SUITE).passed()).isTrue();
        Verdict slow = oracle.judge(P99_BELOW_300MS, Records.observe(latencies(200, 40, 500_000)), SUITE);
        assertThat(slow.passed()).isFalse();
        assertThat(slow.message()).contains("–∞ over 200 requests), wholly at or above the bound p99 < 300ms");
    }

    @Test
    void connectionFailuresAreExcludedButTimeoutsCountAsAtLeastTheirLatency() {
        List<RequestRecord> records = new ArrayList<>(latencies(1000, 0, 0));
        for (int i = 0; i < 1000; i++) {
            records.add(new RequestRecord(Records.START, 5_000_000, 0, ConnectionError.TIMEOUT, null, null, "ingress"));
        }
        for (int i = 0; i < 100; i++) {
            records.add(Records.failed(i, ConnectionError.RESET));
        }
        Verdict v = oracle.judge(P50_AT_LEAST_2S, Records.observe(records), SUITE);
        assertThat(v.evidence().get("n")).isEqualTo(2000);
        assertThat(v.evidence().get("excluded")).isEqualTo(Map.of("reset", 100));
        assertThat(v.evidence().get("timeoutsAsLowerBounds")).isEqualTo(1000);
        assertThat(v.passed()).as(v.message()).isTrue();
    }

    @Test
    void noLatencyAtAllFails() {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            records.add(Records.failed(i, ConnectionError.REFUSED));
        }
        Verdict v = oracle.judge(P50_AT_LEAST_2S, Records.observe(records), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).isEqualTo("only 0 requests had a latency, but the bound p50 >= 2s needs at least 1749 for its confidence interval"
                + " at a resolution of 5 points");
        assertThat(oracle.judge(P50_AT_LEAST_2S, Records.observe(List.of()), SUITE).passed()).isFalse();
    }

    @Test
    void slowerThanIsAFractionBound() {
        Expectation.Latency half = new Expectation.Latency(null, null, null, Duration.ofSeconds(1), Fraction.parse("40%..60%"));
        Verdict v = oracle.judge(half, Records.observe(latencies(2000, 1000, 1_500_000)), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.message()).startsWith("responses slower than 1s: 50% of 2000");
        Verdict few = oracle.judge(half, Records.observe(latencies(2000, 100, 1_500_000)), SUITE);
        assertThat(few.passed()).isFalse();
        assertThat(few.message()).contains("wholly below the bound 40%..60%");
    }

    @Test
    void percentileIntervalCoversTheTrueQuantile() {
        // Exponential latencies with mean 100 ms: the true median is 100 ms * ln 2.
        double trueMedian = 100_000 * Math.log(2);
        double alpha = 0.1;
        int n = 200;
        int runs = 2000;
        PercentileInterval interval = PercentileInterval.of(n, 0.5, alpha);
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        for (int run = 0; run < runs; run++) {
            double[] sample = new double[n];
            for (int i = 0; i < n; i++) {
                sample[i] = -100_000 * Math.log(1 - random.nextDouble());
            }
            Arrays.sort(sample);
            if (sample[interval.lower() - 1] <= trueMedian && trueMedian <= sample[interval.upper() - 1]) {
                covered++;
            }
        }
        double coverage = (double) covered / runs;
        System.out.printf("order-statistic interval for the median, n=%d, alpha=%.2f: coverage %.4f over %d runs%n", n, alpha, coverage, runs);
        assertThat(coverage).isGreaterThanOrEqualTo(1 - alpha - 3 * Math.sqrt(alpha * (1 - alpha) / runs));
    }

    @Test
    void detectableDistanceOfAPercentileBound() {
        PercentileInterval interval = PercentileInterval.of(1749, 0.5, SUITE.falseFailure());
        double beta = SUITE.missedViolation();
        double d = interval.detectable(true, beta);
        // atLeast fails when `upper` or more requests are faster than the bound: at a true share 0.5 + d it passes at most beta.
        assertThat(BinomialDistribution.of(1749, 0.5 + d).cumulativeProbability(interval.upper() - 1)).isLessThanOrEqualTo(beta);
        assertThat(BinomialDistribution.of(1749, 0.5 + d - 0.01).cumulativeProbability(interval.upper() - 1)).isGreaterThan(beta);
        double below = interval.detectable(false, beta);
        assertThat(BinomialDistribution.of(1749, 0.5 - below).survivalProbability(interval.lower() - 1)).isLessThanOrEqualTo(beta);
        assertThat(d).isBetween(0.05, 0.15);
        assertThat(PercentileInterval.of(60, 0.99, SUITE.falseFailure()).detectable(true, beta)).isNull();
    }
}
