package io.meshproof.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Response latencies in log-scaled buckets with round bounds (the Renard R10 series: 1, 1.25, 1.6,
 * 2, 2.5, 3.15, 4, 5, 6.3, 8 times a power of ten ms), so a 2 ms and a 2 s mode show alike.
 *
 * @param n           number of latencies
 * @param percentiles {@code p50}, {@code p90}, {@code p99}, {@code p99.9} in ms (nearest rank)
 * @param boundsMs    bucket bounds, one more than {@code counts}; bucket {@code i} holds
 *                    {@code boundsMs[i] <= latency < boundsMs[i+1]} (the first also holds anything below)
 */
public record LatencyHistogram(
        int n,
        double minMs,
        double maxMs,
        Map<String, Double> percentiles,
        List<Double> boundsMs,
        List<Integer> counts) {

    public static final List<Double> REPORTED_PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9);

    private static final double[] R10 = {1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8};
    /** Below this everything shares the first bucket: loopback latencies are not finer than that. */
    private static final double FLOOR_MS = 0.1;

    public LatencyHistogram {
        percentiles = percentiles == null ? Map.of() : percentiles;
        boundsMs = List.copyOf(boundsMs);
        counts = List.copyOf(counts);
        if (boundsMs.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs one bound more than counts: "
                    + boundsMs.size() + " bounds, " + counts.size() + " counts");
        }
    }

    /** The histogram of these latencies (ms); null when there are none. */
    public static LatencyHistogram of(Collection<Double> latenciesMs) {
        if (latenciesMs.isEmpty()) {
            return null;
        }
        double[] sorted = latenciesMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double min = sorted[0];
        double max = sorted[sorted.length - 1];

        int firstStep = step(Math.max(min, FLOOR_MS));
        int lastStep = step(Math.max(max, FLOOR_MS)) + 1;
        List<Double> bounds = new ArrayList<>();
        for (int s = firstStep; s <= lastStep; s++) {
            bounds.add(bound(s));
        }
        int[] counts = new int[bounds.size() - 1];
        for (double v : sorted) {
            int bucket = Math.max(0, step(Math.max(v, FLOOR_MS)) - firstStep);
            counts[bucket]++;
        }

        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (double p : REPORTED_PERCENTILES) {
            percentiles.put(percentileKey(p), nearestRank(sorted, p));
        }
        return new LatencyHistogram(sorted.length, min, max, percentiles, bounds,
                java.util.Arrays.stream(counts).boxed().toList());
    }

    /** The key of a percentile in reports: {@code p50}, {@code p99.9}. */
    public static String percentileKey(double percentile) {
        return "p" + BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
    }

    private static double nearestRank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Index of the R10 step whose bucket holds {@code v}: step k is R10[k mod 10] * 10^(k div 10) ms. */
    private static int step(double v) {
        int decade = (int) Math.floor(Math.log10(v));
        double mantissa = v / Math.pow(10, decade);
        int i = R10.length - 1;
        while (i > 0 && mantissa < R10[i] - 1e-9) {
            i--;
        }
        return decade * R10.length + i;
    }

    private static double bound(int step) {
        int decade = Math.floorDiv(step, R10.length);
        int i = Math.floorMod(step, R10.length);
        return BigDecimal.valueOf(R10[i]).scaleByPowerOfTen(decade).doubleValue();
    }
}
