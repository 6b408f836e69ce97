package io.meshproof.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeriesTest {

    @Test
    void outcomesAreStatusClassesOrConnectionErrors() {
        assertThat(sample(0, 200, null).outcome()).isEqualTo("2xx");
        assertThat(sample(0, 503, "NONE").outcome()).isEqualTo("5xx");
        assertThat(sample(0, 403, "").outcome()).isEqualTo("4xx");
        assertThat(sample(0, 0, "RESET").outcome()).isEqualTo("reset");
        assertThat(sample(0, 0, "TIMEOUT").outcome()).isEqualTo("timeout");
        assertThat(sample(0, 0, null).outcome()).as("no status and no error").isEqualTo("other");
    }

    @Test
    void bucketsOutcomesAndVersionsBySendTime() {
        List<Series.Sample> samples = List.of(
                new Series.Sample(0, 5, 200, null, "v1"),
                new Series.Sample(999, 5, 200, null, "v2"),
                new Series.Sample(1_000, 5, 503, null, "v1"),
                new Series.Sample(2_500, 1, 0, "RESET", null),
                new Series.Sample(2_600, 5, 200, null, "v2"));

        Series s = Series.of(samples);

        assertThat(s.startMs()).isEqualTo(0);
        assertThat(s.bucketMs()).isEqualTo(100);
        assertThat(s.buckets()).isEqualTo(27);
        assertThat(s.outcomes().keySet()).containsExactlyInAnyOrder("2xx", "5xx", "reset");
        assertThat(s.outcomes().get("2xx").get(0)).isEqualTo(1);
        assertThat(s.outcomes().get("2xx").get(9)).isEqualTo(1);
        assertThat(s.outcomes().get("5xx").get(10)).isEqualTo(1);
        assertThat(s.outcomes().get("reset").get(25)).isEqualTo(1);
        assertThat(total(s.outcomes().values())).isEqualTo(5);
        assertThat(total(s.versions().values())).as("the reset request has no version").isEqualTo(4);
        assertThat(s.latency().n()).as("only responses have a latency").isEqualTo(4);
    }

    @Test
    void theBucketWidthKeepsAtMostSixtyBuckets() {
        List<Series.Sample> samples = IntStream.range(0, 3000).mapToObj(i -> sample(i * 100L, 200, null)).toList();
        Series s = Series.of(samples);
        assertThat(s.bucketMs()).isEqualTo(5_000);
        assertThat(s.buckets()).isEqualTo(60);
        assertThat(Series.bucketWidth(1)).isEqualTo(100);
        assertThat(Series.bucketWidth(6_000)).isEqualTo(100);
        assertThat(Series.bucketWidth(6_001)).isEqualTo(200);
        long hundredHours = 100L * 3_600_000;
        assertThat(hundredHours / Series.bucketWidth(hundredHours)).isLessThanOrEqualTo(60);
    }

    @Test
    void requestsBeforeTheLoadStartedGetBucketsBeforeZero() {
        Series s = Series.of(List.of(sample(-250, 200, null), sample(1_000, 200, null)));
        assertThat(s.startMs()).isEqualTo(-300);
        assertThat(s.outcomes().get("2xx").get(0)).isEqualTo(1);
        assertThat(s.outcomes().get("2xx").get(13)).isEqualTo(1);
    }

    @Test
    void noRequestsNoSeries() {
        assertThat(Series.of(List.of())).isNull();
        assertThat(LatencyHistogram.of(List.of())).isNull();
    }

    @Test
    void theLatencyHistogramHasRoundLogScaledBounds() {
        LatencyHistogram h = LatencyHistogram.of(List.of(1.0, 1.3, 2.0, 2.49, 2.5, 7.9, 8.0, 12.0));

        assertThat(h.boundsMs()).containsExactly(1.0, 1.25, 1.6, 2.0, 2.5, 3.15, 4.0, 5.0, 6.3, 8.0, 10.0, 12.5);
        assertThat(h.counts()).containsExactly(1, 1, 0, 2, 1, 0, 0, 0, 1, 1, 1);
        assertThat(h.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(h.n());
        assertThat(h.minMs()).isEqualTo(1.0);
        assertThat(h.maxMs()).isEqualTo(12.0);
    }

    @Test
    void aTwoModeHistogramSpansTheDecadesBetween() {
        List<Double> latencies = new ArrayList<>();
        IntStream.range(0, 50).forEach(i -> latencies.add(5.0 + i * 0.01));
        IntStream.range(0, 50).forEach(i -> latencies.add(2005.0 + i));
        LatencyHistogram h = LatencyHistogram.of(latencies);

        assertThat(h.boundsMs().get(0)).isEqualTo(5.0);
        assertThat(h.boundsMs().get(h.boundsMs().size() - 1)).isEqualTo(2500.0);
        assertThat(h.counts().get(0)).isEqualTo(50);
        assertThat(h.counts().get(h.counts().size() - 1)).isEqualTo(50);
        assertThat(h.percentiles().get("p50")).isEqualTo(5.49, within(1e-9));
        assertThat(h.percentiles().get("p90")).isEqualTo(2044.0);
    }

    @Test
    void tinyLatenciesShareTheFirstBucket() {
        LatencyHistogram h = LatencyHistogram.of(List.of(0.0, 0.01, 0.1, 0.2));
        assertThat(h.boundsMs().get(0)).isEqualTo(0.1);
        assertThat(h.counts().get(0)).isEqualTo(3);
    }

    @Test
    void percentilesAreNearestRank() {
        LatencyHistogram h = LatencyHistogram.of(IntStream.rangeClosed(1, 100).mapToObj(i -> (double) i).toList());
        assertThat(h.percentiles()).containsEntry("p50", 50.0).containsEntry("p90", 90.0).containsEntry("p99", 99.0)
                .containsEntry("p99.9", 100.0);
        assertThat(LatencyHistogram.percentileKey(99.9)).isEqualTo("p99.9");
        assertThat(LatencyHistogram.percentileKey(50)).isEqualTo("p50");
    }

    private static Series.Sample sample(long at, int status, String error) {
        return new Series.Sample(at, 5, status, error, null);
    }

    private static int total(java.util.Collection<List<Integer>> lists) {
        return lists.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
    }
}
