package io.meshproof.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Realistic reports for tests and for looking at the pages: a local run that passes, an Istio run
 * with failures, a Linkerd run with emulated and unsupported features. Figures are consistent
 * (counts add up to n, shares are counts over n, Wilson intervals at the stated alpha), and the
 * series are bucketed from generated requests with a fixed seed.
 */
public final class SampleReports {

    private static final double Z_1E4 = 3.8906; // two-sided alpha 1e-4

    private SampleReports() {}

    public static ConformanceReport passedLocal() {
        TargetInfo target = new TargetInfo("local", "HAProxy 2.6.12", null);
        List<ScenarioReport> scenarios = List.of(
                canary("reviews-canary-90-10", 90, 90, 412),
                headerRouting(),
                faultDelay(2000, true),
                outlierEjection(true),
                instanceLoss(),
                mtlsStrict(),
                new ScenarioReport("control-plane-outage-keeps-routes", "Routes keep working while the control plane is down",
                        "ControlPlaneOutage", Support.unsupported, Result.unsupported, 0, null, 3,
                        "scenarios/catalog/resilience/control-plane-outage.yaml", 1,
                        "the local target has no control plane to stop: the harness renders and reloads configuration itself",
                        List.of(), List.of(), List.of()));
        return ConformanceReport.of(target, run(scenarios, 1_000), scenarios);
    }

    public static ConformanceReport failingIstio() {
        TargetInfo target = new TargetInfo("istio", "1.30.3", "k3s rancher/k3s:v1.33.4-k3s1");
        List<ScenarioReport> scenarios = List.of(
                canary("reviews-canary-90-10", 90, 84, 2_310),
                headerRouting(),
                faultDelay(2000, false),
                outlierEjection(true),
                mtlsStrict(),
                new ScenarioReport("reviews-timeout-1s", "A 1 s route timeout cuts the 2 s delay of ratings",
                        "RequestTimeout", Support.native_, Result.failed, 0, null, 60_412,
                        "scenarios/catalog/resilience/timeout.yaml", 1,
                        "the new state was not observed in effect within 60 s (probe: 504 from reviews within 1.2 s,"
                                + " 5 in a row); no sample was taken",
                        List.of(), List.of(new TimelineEvent(60_000, "timeout", "convergence gate gave up")), List.of()));
        return ConformanceReport.of(target, run(scenarios, 1_000), scenarios);
    }

    public static ConformanceReport linkerdEmulated() {
        TargetInfo target = new TargetInfo("linkerd", "edge-25.8.5", "k3s rancher/k3s:v1.33.4-k3s1");
        ScenarioReport abort = new ScenarioReport("ratings-fault-abort-50", "Half of the ratings calls are aborted with 500",
                "FaultAbort", Support.emulated, Result.passed, 800, 1_840L, 21_300,
                "scenarios/catalog/resilience/fault-abort.yaml", 1, null,
                List.of(fraction("status", "5xx share", 401, 800, "45%..55%", Result.passed,
                        "48.9% of 800 answers were 5xx; the interval [42.1%, 55.7%] overlaps 45%..55%")),
                List.of(new TimelineEvent(-1_840, "converged", "error-injecting backend answers 500 in the HTTPRoute split")),
                List.of("emulated: Linkerd has no fault injection; an error-injecting backend takes 50% of a weighted split"));
        ScenarioReport pool = new ScenarioReport("ratings-connection-pool-1", "One connection to ratings overflows into 503s",
                "ConnectionPool", Support.unsupported, Result.unsupported, 0, null, 2,
                "scenarios/catalog/resilience/connection-pool.yaml", 1,
                "Linkerd has no connection-pool limits (maxConnections, maxPendingRequests)", List.of(), List.of(), List.of());
        List<ScenarioReport> scenarios = List.of(canary("reviews-canary-90-10", 90, 90, 1_630), headerRouting(), abort, pool);
        return ConformanceReport.of(target, run(scenarios, 1_000), scenarios);
    }

    // ---- scenarios -----------------------------------------------------------------------------

    static ScenarioReport canary(String id, int weight, int actual, long convergenceMs) {
        int n = 1500;
        Random r = new Random(7);
        List<Series.Sample> samples = new ArrayList<>();
        int v1 = 0;
        for (int i = 0; i < n; i++) {
            boolean first = r.nextDouble() * 100 < actual;
            v1 += first ? 1 : 0;
            samples.add(new Series.Sample(i * 20L, logNormal(r, 6, 0.35), 200, null, first ? "v1" : "v2"));
        }
        boolean passed = Math.abs(100.0 * v1 / n - weight) < 4.3;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(EvidenceKeys.COUNTS, Map.of("v1", v1, "v2", n - v1));
        evidence.put(EvidenceKeys.INTERVALS, Map.of("v1", wilson(v1, n), "v2", wilson(n - v1, n)));
        evidence.put(EvidenceKeys.ACCEPTANCE, Map.of("v1", List.of(weight - 4.3, weight + 4.3),
                "v2", List.of(100 - weight - 4.3, 100 - weight + 4.3)));
        evidence.put(EvidenceKeys.ALPHA, 1e-4);
        evidence.put(EvidenceKeys.N, n);
        evidence.put("tolerance", 5.0);
        evidence.put("missedViolation", 1e-3);
        CheckReport split = new CheckReport("split", "reviews", passed ? Result.passed : Result.failed, 22,
                Map.of("v1", weight, "v2", 100 - weight),
                Map.of("v1", share(v1, n), "v2", share(n - v1, n)), evidence,
                passed ? "every version's share is within 4.3 points of its weight"
                        : "v2 answered " + share(n - v1, n) + "%, outside its acceptance 5.7%..14.3%");
        CheckReport ok = fraction("status", "200", n, n, ">= 99%", Result.passed,
                "all 1500 answers were 200; the interval lies within >= 99%");
        return new ScenarioReport(id, "Canary sends " + weight + "% of reviews traffic to v1 and " + (100 - weight) + "% to v2",
                "TrafficSplit", Support.native_, passed ? Result.passed : Result.failed, n, convergenceMs, 31_200 + convergenceMs,
                "scenarios/catalog/routing/reviews-canary-90-10.yaml", 1, null, List.of(split, ok),
                List.of(new TimelineEvent(-convergenceMs, "converged", "v2 answered 5 probes in a row")), List.of(),
                Series.of(samples));
    }

    static ScenarioReport headerRouting() {
        int n = 300;
        Random r = new Random(11);
        List<Series.Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new Series.Sample(i * 50L, logNormal(r, 7, 0.3), 200, null, "v2"));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(EvidenceKeys.COUNTS, Map.of("v2", n));
        evidence.put(EvidenceKeys.INTERVALS, Map.of("v2", wilson(n, n)));
        evidence.put(EvidenceKeys.ACCEPTANCE, Map.of("v2", List.of(100.0, 100.0)));
        evidence.put(EvidenceKeys.ALPHA, 1e-4);
        evidence.put(EvidenceKeys.N, n);
        CheckReport split = new CheckReport("split", "reviews for jason", Result.passed, 19, Map.of("v2", 100),
                Map.of("v2", 100.0), evidence, "all 300 answers came from v2");
        return new ScenarioReport("reviews-header-jason", "Requests of user jason go to reviews v2", "HeaderRouting",
                Support.native_, Result.passed, n, 388L, 15_900, "scenarios/catalog/routing/header-jason.yaml", 1, null,
                List.of(split), List.of(new TimelineEvent(-388, "converged", "jason's requests answered by v2")), List.of(),
                Series.of(samples));
    }

    static ScenarioReport faultDelay(double delayMs, boolean injected) {
        int n = 500;
        Random r = new Random(3);
        List<Series.Sample> samples = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        int slow = 0;
        for (int i = 0; i < n; i++) {
            boolean delayed = injected && r.nextDouble() < 0.6;
            double latency = logNormal(r, 8, 0.3) + (delayed ? delayMs : 0);
            slow += latency > 1000 ? 1 : 0;
            latencies.add(latency);
            samples.add(new Series.Sample(i * 100L, latency, 200, null, "v1"));
        }
        LatencyHistogram h = LatencyHistogram.of(latencies);
        double p50 = h.percentiles().get("p50");
        boolean p50Ok = p50 >= 1000;
        Map<String, Object> pEvidence = new LinkedHashMap<>();
        pEvidence.put(EvidenceKeys.PERCENTILES, h.percentiles());
        pEvidence.put(EvidenceKeys.INTERVAL, List.of(round(p50 * 0.97), round(p50 * 1.02)));
        pEvidence.put(EvidenceKeys.THRESHOLD_MS, 1000.0);
        pEvidence.put(EvidenceKeys.N, n);
        pEvidence.put(EvidenceKeys.ALPHA, 1e-4);
        CheckReport percentile = new CheckReport("latency", "p50", p50Ok ? Result.passed : Result.failed, 24,
                Map.of("percentile", 50, "atLeast", "1s"), Map.of("p50", round(p50)), pEvidence,
                p50Ok ? "p50 is " + round(p50) + " ms, at least 1 s" : "p50 is " + round(p50) + " ms; the delay was not injected");
        boolean shareOk = injected;
        CheckReport share = fraction("latency", "slower than 1s", slow, n, "50%..70%", shareOk ? Result.passed : Result.failed,
                shareOk ? share(slow, n) + "% of requests took longer than 1 s; the interval overlaps 50%..70%"
                        : "no request took longer than 1 s; the interval [0%, 2.9%] lies below 50%..70%");
        share.evidence().put(EvidenceKeys.THRESHOLD_MS, 1000.0);
        return new ScenarioReport("ratings-fault-delay-2s", "60% of the ratings calls are delayed by 2 s", "FaultDelay",
                Support.native_, Result.combine(List.of(percentile.result(), share.result())), n, 455L, 52_000,
                "scenarios/catalog/resilience/fault-delay.yaml", 1, null, List.of(percentile, share),
                List.of(new TimelineEvent(-455, "converged", "a probe took more than 2 s")), List.of(), Series.of(samples));
    }

    static ScenarioReport outlierEjection(boolean ejects) {
        int n = 900;
        Random r = new Random(5);
        List<Series.Sample> samples = new ArrayList<>();
        int bad = 0;
        for (int i = 0; i < n; i++) {
            long at = i * 33L;
            boolean toBad = (!ejects || i < 10) && r.nextInt(3) == 0;
            bad += toBad ? 1 : 0;
            samples.add(new Series.Sample(at, toBad ? logNormal(r, 2, 0.2) : logNormal(r, 5, 0.3), toBad ? 503 : 200, null,
                    "v1"));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("errorsFromBadInstance", bad);
        evidence.put("lastErrorAtRequest", ejects ? 9 : 897);
        evidence.put("within", 20);
        evidence.put("healthyAnswersAfter", ejects ? 890 : 600);
        CheckReport ejected = new CheckReport("ejected", "ratings unavailable", ejects ? Result.passed : Result.failed, 27,
                Map.of("within", 20), Map.of("lastErrorAtRequest", ejects ? 9 : 897), evidence,
                ejects ? "errors from the unavailable instance stopped after request 9 (bound 20)"
                        : "errors from the unavailable instance continued to request 897 (bound 20)");
        List<TimelineEvent> events = new ArrayList<>(List.of(new TimelineEvent(-520, "converged", "outlier detection rendered")));
        if (ejects) {
            events.add(new TimelineEvent(300, "ejected", "ratings-v1-unavailable-0 ejected after 5 consecutive 503s"));
        }
        return new ScenarioReport("ratings-outlier-ejection", "An unavailable ratings instance is ejected after 5 errors",
                "OutlierEjection", Support.native_, ejects ? Result.passed : Result.failed, n, 520L, 31_000,
                "scenarios/catalog/resilience/outlier-ejection.yaml", 1, null, List.of(ejected), events, List.of(),
                Series.of(samples));
    }

    static ScenarioReport instanceLoss() {
        int n = 1200;
        Random r = new Random(9);
        List<Series.Sample> samples = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < n; i++) {
            long at = i * 25L;
            boolean gap = at > 10_000 && at < 10_600 && r.nextInt(4) == 0;
            String error = gap ? (r.nextBoolean() ? "RESET" : "REFUSED") : null;
            ok += gap ? 0 : 1;
            String version = gap ? null : (at > 10_000 && at < 25_000 ? (r.nextBoolean() ? "v2" : "v3")
                    : new String[] {"v1", "v2", "v3"}[r.nextInt(3)]);
            samples.add(new Series.Sample(at, gap ? logNormal(r, 1, 0.2) : logNormal(r, 6, 0.35), gap ? 0 : 200, error,
                    version));
        }
        CheckReport status = fraction("status", "200", ok, n, ">= 95%", Result.passed,
                share(ok, n) + "% of requests got 200 while v1 was down; the interval is not below 95%");
        return new ScenarioReport("reviews-instance-loss", "Losing reviews v1 under load costs less than 5% of requests",
                "InstanceLoss", Support.native_, Result.passed, n, 402L, 34_000,
                "scenarios/catalog/resilience/instance-loss.yaml", 1, null, List.of(status),
                List.of(new TimelineEvent(-402, "converged", "all three versions answer"),
                        new TimelineEvent(10_000, "kill", "reviews v1: 1 instance killed (SIGKILL)"),
                        new TimelineEvent(10_180, "ejected", "reviews-v1-0 marked down by its health check"),
                        new TimelineEvent(25_000, "restart", "reviews v1: 1 instance started")),
                List.of(), Series.of(samples));
    }

    static ScenarioReport mtlsStrict() {
        int n = 400;
        Random r = new Random(13);
        List<Series.Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new Series.Sample(i * 40L, logNormal(r, 0.8, 0.3), 0, "RESET", null));
        }
        CheckReport rejected = fraction("rejected", "outsider", n, n, "100%", Result.passed,
                "all 400 plaintext requests were reset");
        return new ScenarioReport("mtls-strict-rejects-plaintext", "STRICT mTLS rejects plaintext from outside the mesh",
                "MutualTLSStrict", Support.native_, Result.passed, n, 610L, 17_000,
                "scenarios/catalog/security/mtls-strict.yaml", 1, null, List.of(rejected),
                List.of(new TimelineEvent(-610, "converged", "a plaintext probe was reset")),
                List.of("rejection on this target looks like a connection reset"), Series.of(samples));
    }

    // ---- arithmetic ----------------------------------------------------------------------------

    static CheckReport fraction(String kind, String name, int count, int n, String bound, Result result, String message) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put(EvidenceKeys.COUNT, count);
        evidence.put(EvidenceKeys.N, n);
        evidence.put(EvidenceKeys.INTERVAL, wilson(count, n));
        evidence.put(EvidenceKeys.ALPHA, 1e-4);
        evidence.put(EvidenceKeys.BOUND, bound);
        evidence.put("resolution", 5.0);
        return new CheckReport(kind, name, result, 30, Map.of("fraction", bound), Map.of("fraction", share(count, n)),
                evidence, message);
    }

    /** Wilson score interval in percent, rounded to 0.1. */
    static List<Double> wilson(int count, int n) {
        double p = (double) count / n;
        double z2 = Z_1E4 * Z_1E4;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z_1E4 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return List.of(round1(100 * Math.max(0, centre - half)), round1(100 * Math.min(1, centre + half)));
    }

    static double share(int count, int n) {
        return round1(100.0 * count / n);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double logNormal(Random r, double medianMs, double sigma) {
        return Math.round(medianMs * Math.exp(sigma * r.nextGaussian()) * 1000) / 1000.0;
    }

    static RunInfo run(List<ScenarioReport> scenarios, long overheadMs) {
        int checks = scenarios.stream().mapToInt(s -> s.checks().size()).sum();
        long duration = overheadMs + scenarios.stream().mapToLong(ScenarioReport::durationMs).sum();
        return new RunInfo("2026-08-14T09:12:03Z", duration, 1e-3, 1e-3, checks, "Holm",
                Map.of("mesh.target", "local", "mesh.report.dir", "target/mesh-conformance"));
    }

    /** Applies {@code change} to the scenario with this id. */
    public static ConformanceReport with(ConformanceReport report, String id, Function<ScenarioReport, ScenarioReport> change) {
        List<ScenarioReport> scenarios = report.scenarios().stream().map(s -> s.id().equals(id) ? change.apply(s) : s).toList();
        return ConformanceReport.of(report.target(), report.run(), scenarios);
    }
}
