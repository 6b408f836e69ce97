package io.meshproof.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a scenario's charts need, bucketed from its requests so the report carries no raw records:
 * outcomes (status classes and connection errors) and answering versions per time bucket, and a
 * log-scaled histogram of response latencies with percentiles.
 *
 * @param startMs  start of the first time bucket, ms after the load started (0, or negative when
 *                 requests were sent before it)
 * @param bucketMs width of a time bucket; bucket {@code i} covers {@code [startMs + i*bucketMs, startMs + (i+1)*bucketMs)}
 * @param outcomes requests by send time per outcome ({@code 2xx}, {@code 5xx}, {@code reset}, ... see
 *                 {@link #OUTCOMES}), one count per bucket; only outcomes that occurred
 * @param versions answers per version per bucket; requests without a known version are left out
 * @param latency  latencies of the requests that got a response; null when none did
 */
public record Series(
        long startMs,
        long bucketMs,
        Map<String, List<Integer>> outcomes,
        Map<String, List<Integer>> versions,
        LatencyHistogram latency) {

    /** Outcome keys in the order charts stack them: status classes, then connection errors. */
    public static final List<String> OUTCOMES =
            List.of("1xx", "2xx", "3xx", "4xx", "5xx", "reset", "refused", "timeout", "other");

    /** Bucket widths a reader can count in; the widest chart has at most {@link #MAX_BUCKETS} buckets. */
    private static final long[] WIDTHS_MS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
            60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000};
    static final int MAX_BUCKETS = 60;

    public Series {
        outcomes = outcomes == null ? Map.of() : outcomes;
        versions = versions == null ? Map.of() : versions;
    }

    /**
     * One request as the charts see it.
     *
     * @param sentAtMs  ms after the load started (the same clock as {@link TimelineEvent#atMs})
     * @param latencyMs time to the end of the response or to the error
     * @param status    HTTP status, 0 when the request ended in a connection error
     * @param errorKind the connection error ({@code RESET}, {@code REFUSED}, {@code TIMEOUT}, {@code OTHER});
     *                  null or {@code NONE} when a response came
     * @param version   the version that answered; null when unknown
     */
    public record Sample(long sentAtMs, double latencyMs, int status, String errorKind, String version) {

        /** The outcome key: {@code 2xx} .. {@code 5xx} for a response, else the connection error in lower case. */
        public String outcome() {
            boolean responded = errorKind == null || errorKind.isBlank() || errorKind.equalsIgnoreCase("NONE");
            if (responded) {
                return status >= 100 && status <= 599 ? (status / 100) + "xx" : "other";
            }
            return errorKind.toLowerCase(Locale.ROOT);
        }

        boolean responded() {
            return outcome().endsWith("xx");
        }
    }

    /** The series of these requests; null when there are none. */
    public static Series of(List<Sample> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        long first = Math.min(0, samples.stream().mapToLong(Sample::sentAtMs).min().getAsLong());
        long last = samples.stream().mapToLong(Sample::sentAtMs).max().getAsLong();
        long width = bucketWidth(last - first + 1);
        long start = Math.floorDiv(first, width) * width;
        int buckets = (int) (Math.floorDiv(last - start, width) + 1);

        Map<String, int[]> outcomes = new LinkedHashMap<>();
        Map<String, int[]> versions = new LinkedHashMap<>();
        List<Double> responded = new ArrayList<>();
        for (Sample s : samples) {
            int bucket = (int) Math.floorDiv(s.sentAtMs() - start, width);
            outcomes.computeIfAbsent(s.outcome(), k -> new int[buckets])[bucket]++;
            if (s.version() != null) {
                versions.computeIfAbsent(s.version(), k -> new int[buckets])[bucket]++;
            }
            if (s.responded()) {
                responded.add(s.latencyMs());
            }
        }
        return new Series(start, width, lists(outcomes), lists(versions), LatencyHistogram.of(responded));
    }

    /** The narrowest readable width that keeps a span within {@link #MAX_BUCKETS} buckets. */
    static long bucketWidth(long spanMs) {
        for (long w : WIDTHS_MS) {
            if ((spanMs + w - 1) / w <= MAX_BUCKETS) {
                return w;
            }
        }
        long widest = WIDTHS_MS[WIDTHS_MS.length - 1];
        return ((spanMs / MAX_BUCKETS) / widest + 1) * widest;
    }

    /** Number of time buckets. */
    public int buckets() {
        return outcomes.values().stream().findFirst().map(List::size).orElse(0);
    }

    private static Map<String, List<Integer>> lists(Map<String, int[]> arrays) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        arrays.forEach((k, v) -> out.put(k, java.util.Arrays.stream(v).boxed().toList()));
        return out;
    }
}
