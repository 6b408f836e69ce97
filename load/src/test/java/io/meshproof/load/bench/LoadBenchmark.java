package io.meshproof.load.bench;

import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadResult;
import io.meshproof.load.RequestRecord;
import io.meshproof.load.gatling.GatlingLoadRunner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one load through {@link GatlingLoadRunner} and prints what load/BENCHMARKS.md records: fork start
 * overhead, end-to-end records per second, achieved send rate, latencies, the fork's memory.
 *
 * <p>Usage (test class path): {@code LoadBenchmark <url> open <rate> <requests> [warmUp] [jvm options...]}
 * or {@code LoadBenchmark <url> closed <concurrency> <requests> [warmUp] [jvm options...]}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        boolean open = args[1].equals("open");
        double amount = Double.parseDouble(args[2]);
        int requests = Integer.parseInt(args[3]);
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : GatlingLoadRunner.DEFAULT_WARM_UP_REQUESTS;
        List<String> jvmOptions = args.length > 5 ? Arrays.asList(args).subList(5, args.length) : GatlingLoadRunner.DEFAULT_JVM_OPTIONS;

        URI base = URI.create(url.getScheme() + "://" + url.getAuthority());
        LoadPlan plan = new LoadPlan(base, "GET", url.getPath(), Map.of(), open ? amount : null, open ? null : (int) amount,
                requests, Duration.ofSeconds(120), Duration.ofSeconds(5), "bench", false);
        Path logs = Files.createTempDirectory("load-bench-logs");
        long called = System.nanoTime();
        long calledWallMicros = System.currentTimeMillis() * 1000;
        LoadResult result = new GatlingLoadRunner().withLogDirectory(logs).withWarmUpRequests(warmUp).withJvmOptions(jvmOptions)
                .run(plan, (sent, planned, ms) -> { });
        double totalSeconds = (System.nanoTime() - called) / 1e9;

        List<RequestRecord> records = result.records();
        long firstSent = records.get(0).sentAtMicros();
        long lastSent = records.get(records.size() - 1).sentAtMicros();
        long[] latencies = records.stream().mapToLong(RequestRecord::latencyMicros).sorted().toArray();
        long[] afterFirstSecond = records.stream().filter(r -> r.sentAtMicros() - firstSent >= 1_000_000)
                .mapToLong(RequestRecord::latencyMicros).sorted().toArray();
        Map<String, Long> outcomes = new TreeMap<>(records.stream().collect(Collectors.groupingBy(
                r -> r.status() == 0 ? r.error().name() : Integer.toString(r.status()), Collectors.counting())));
        String memory;
        try (Stream<Path> files = Files.list(logs)) {
            Path log = files.findFirst().orElseThrow();
            memory = Files.readAllLines(log).stream().filter(l -> l.startsWith("fork memory") || l.startsWith("warm-up"))
                    .collect(Collectors.joining(" | "));
            Files.delete(log);
        }
        Files.delete(logs);

        System.out.printf("records %d %s | run() %.2f s -> %.0f records/s end to end | call->first request %d ms"
                        + " | send span %.3f s -> %.1f req/s | latency ms p50 %.2f p99 %.2f max %.2f | p99 after the first second %.2f"
                        + " | first 5 %s | %s%n",
                records.size(), outcomes, totalSeconds, records.size() / totalSeconds, (firstSent - calledWallMicros) / 1000,
                (lastSent - firstSent) / 1e6, (records.size() - 1) / ((lastSent - firstSent) / 1e6),
                percentile(latencies, 50) / 1000.0, percentile(latencies, 99) / 1000.0, latencies[latencies.length - 1] / 1000.0,
                afterFirstSecond.length == 0 ? Double.NaN : percentile(afterFirstSecond, 99) / 1000.0,
                records.stream().limit(5).map(r -> String.format("%.1f", r.latencyMicros() / 1000.0)).collect(Collectors.toList()),
                memory);
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
