package io.meshproof.target.local;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.scenario.Destination;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.RateLimit;
import io.meshproof.scenario.Route;
import io.meshproof.target.TargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults, timeouts, retries, connection pools, outlier detection and rate limits as the sidecars render them. */
class ResilienceRenderingTest {

    private static final Path RUNTIME = Path.of("/run/x");
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("reviews", "v1", "reviews-v1-aaaaa", 20001, Behavior.healthy),
            new Endpoint("reviews", "v2", "reviews-v2-bbbbb", 20002, Behavior.healthy),
            new Endpoint("reviews", "v3", "reviews-v3-ccccc", 20003, Behavior.healthy),
            new Endpoint("ratings", "v1", "ratings-v1-ddddd", 20004, Behavior.healthy),
            new Endpoint("ratings", "v1", "ratings-v1-fffff", 20005, Behavior.unavailable));
    private static final SidecarSpec PRODUCTPAGE = SidecarConfigTest.PRODUCTPAGE;
    private static final SidecarSpec RATINGS = new SidecarSpec("ratings", "ratings-v1-ddddd", 30010, 20004, Map.of());

    private static final Route.Rule JASON_DELAYED = new Route.Rule(new Route.Match(Map.of("end-user", "jason")),
            List.of(new Route.Backend("v1", null)), null, null, new Route.Fault(new Route.Delay(Duration.ofSeconds(2), 100), null));
    private static final Route.Rule HALF_ABORTED = new Route.Rule(null, List.of(new Route.Backend("v1", null)), null, null,
            new Route.Fault(null, new Route.Abort(500, 50)));
    private static final Route.Rule TIMED_RETRIED = new Route.Rule(null, List.of(new Route.Backend("v2", null)), Duration.ofMillis(500),
            new Route.Retries(3, Duration.ofMillis(200), List.of("gateway-error", "connect-failure")), null);
    private static final Destination POOL_AND_OUTLIERS = new Destination("ratings",
            new Destination.ConnectionPool(1, 1), new Destination.OutlierDetection(5, Duration.ofSeconds(1), Duration.ofSeconds(30)));

    static MeshState mesh(List<Route> routes, List<Destination> destinations, List<RateLimit> limits) {
        return new MeshState(null, routes, destinations, List.of(), limits);
    }

    static MeshState everything() {
        return mesh(List.of(new Route("ratings", List.of(JASON_DELAYED, HALF_ABORTED)), new Route("reviews", List.of(TIMED_RETRIED))),
                List.of(POOL_AND_OUTLIERS), List.of(new RateLimit("ratings", 10)));
    }

    static String render(SidecarSpec sidecar, MeshState mesh, Mutant... mutants) {
        return render(sidecar, mesh, RUNTIME, mutants);
    }

    static String render(SidecarSpec sidecar, MeshState mesh, Path runtime, Mutant... mutants) {
        Set<Mutant> set = mutants.length == 0 ? Set.of() : EnumSet.copyOf(List.of(mutants));
        return new SidecarConfig(sidecar, ENDPOINTS, mesh, set, runtime).render();
    }

    /** The lines of one section ({@code frontend outbound_ratings}), up to the next blank line. */
    static String section(String config, String header) {
        int start = config.indexOf("\n" + header + "\n") + 1;
        assertThat(start).as("section " + header).isPositive();
        int end = config.indexOf("\n\n", start);
        return config.substring(start, end < 0 ? config.length() : end);
    }

    @Test
    void aDelayRunsTheLuaActionForItsRuleOnlyAndTheAbortDrawsOnItsOwn() {
        String config = render(PRODUCTPAGE, everything());
        String frontend = section(config, "frontend outbound_ratings");
        assertThat(frontend).contains("    http-request lua.meshproof_delay 2000 if { var(txn.rule) -m int 0 }\n")
                .contains("    http-request return status 500 content-type text/plain string \"fault filter abort\""
                        + " if { var(txn.rule) -m int 1 } { rand(1000000) -m int lt 500000 }\n");
        // the delay comes before the abort, both after the rule is chosen and before the backend is
        assertThat(frontend.indexOf("set-var(txn.rule) int(1)")).isLessThan(frontend.indexOf("lua.meshproof_delay"));
        assertThat(frontend.indexOf("lua.meshproof_delay")).isLessThan(frontend.indexOf("return status 500"));
        assertThat(frontend.indexOf("return status 500")).isLessThan(frontend.indexOf("use_backend"));
        assertThat(config).contains("    lua-load \"/run/x/meshproof-delay.lua\"\n");
    }

    @Test
    void theDelayScriptIsLoadedOnlyBySidecarsThatDelay() {
        assertThat(render(RATINGS, everything())).doesNotContain("lua-load");
        assertThat(render(PRODUCTPAGE, mesh(List.of(new Route("ratings", List.of(HALF_ABORTED))), List.of(), List.of())))
                .doesNotContain("lua-load");
        assertThat(render(PRODUCTPAGE, everything(), Mutant.FAULT_IGNORED)).doesNotContain("lua-load");
    }

    @Test
    void percentagesAreDrawnPerMillionAndOddStatusesGoWithoutBody() {
        Route.Rule rule = new Route.Rule(null, List.of(new Route.Backend("v1", null)), null, null,
                new Route.Fault(new Route.Delay(Duration.ofMillis(1500), 0.1), new Route.Abort(204, 12.5)));
        String frontend = section(render(PRODUCTPAGE, mesh(List.of(new Route("ratings", List.of(rule))), List.of(), List.of())),
                "frontend outbound_ratings");
        assertThat(frontend).contains("lua.meshproof_delay 1500 if { var(txn.rule) -m int 0 } { rand(1000000) -m int lt 1000 }")
                .contains("http-request return status 204 if { var(txn.rule) -m int 0 } { rand(1000000) -m int lt 125000 }");
    }

    @Test
    void faultIgnoredInjectsNothingAndFaultUnmatchedHitsEveryRule() {
        assertThat(section(render(PRODUCTPAGE, everything(), Mutant.FAULT_IGNORED), "frontend outbound_ratings"))
                .doesNotContain("meshproof_delay").doesNotContain("return status 500");
        String unmatched = section(render(PRODUCTPAGE, everything(), Mutant.FAULT_UNMATCHED), "frontend outbound_ratings");
        assertThat(unmatched).contains("    http-request lua.meshproof_delay 2000\n")
                .contains("string \"fault filter abort\" if { rand(1000000) -m int lt 500000 }\n");
    }

    @Test
    void aTimeoutBoundsEachTryAndRetriesRedispatchOnTheMappedConditions() {
        String backend = section(render(PRODUCTPAGE, everything()), "backend outbound_reviews_rule0");
        // the per-try timeout is shorter than the route's, so it bounds each try
        assertThat(backend).contains("    timeout server 200ms\n")
                .contains("    http-error status 504 content-type text/plain string \"upstream request timeout\"\n")
                .contains("    retries 3\n")
                .contains("    retry-on conn-failure empty-response junk-response response-timeout 502 503 504\n")
                .contains("    option redispatch 1\n");
    }

    @Test
    void retryConditionsFollowEnvoysMeaning() {
        assertThat(RetryConditions.retryOn(List.of())).isEqualTo(RetryConditions.retryOn(List.of("5xx")))
                .isEqualTo("conn-failure empty-response junk-response response-timeout 500 501 502 503 504");
        assertThat(RetryConditions.retryOn(List.of("connect-failure"))).isEqualTo("conn-failure");
        assertThat(RetryConditions.retryOn(List.of("reset", "connect-failure"))).isEqualTo("conn-failure empty-response junk-response response-timeout");
        assertThat(RetryConditions.retryOn(List.of("refused-stream"))).isEqualTo("none");
        assertThat(RetryConditions.expressible(List.of("5xx", "retriable-4xx"))).isFalse();
        assertThatThrownBy(() -> RetryConditions.retryOn(List.of("retriable-4xx"))).hasMessageContaining("retriable-4xx");
    }

    @Test
    void aRouteTimeoutWithoutRetriesBoundsTheOneTry() {
        Route.Rule rule = new Route.Rule(null, List.of(new Route.Backend("v2", null)), Duration.ofMillis(500), null, null);
        String backend = section(render(PRODUCTPAGE, mesh(List.of(new Route("reviews", List.of(rule))), List.of(), List.of())),
                "backend outbound_reviews_rule0");
        assertThat(backend).contains("timeout server 500ms").doesNotContain("retries").doesNotContain("retry-on");
    }

    @Test
    void timeoutIgnoredAndRetryIgnoredDropOnlyTheirPart() {
        String noTimeout = section(render(PRODUCTPAGE, mesh(List.of(new Route("reviews", List.of(new Route.Rule(null,
                List.of(new Route.Backend("v2", null)), Duration.ofMillis(500), new Route.Retries(2, null, List.of()), null)))),
                List.of(), List.of()), Mutant.TIMEOUT_IGNORED), "backend outbound_reviews_rule0");
        assertThat(noTimeout).doesNotContain("timeout server").contains("retries 2");
        String noRetry = section(render(PRODUCTPAGE, everything(), Mutant.RETRY_IGNORED), "backend outbound_reviews_rule0");
        assertThat(noRetry).contains("timeout server 500ms").doesNotContain("retries").doesNotContain("retry-on");
    }

    @Test
    void thePoolLimitsEachServerAndOverflowsAtOnceBeyondConnectionsAndPending() {
        // without a route the guard holds for the all-endpoints backend: 2 endpoints x 1 connection + 1 pending
        String noRoute = render(PRODUCTPAGE, mesh(List.of(), List.of(POOL_AND_OUTLIERS), List.of()));
        assertThat(section(noRoute, "frontend outbound_ratings"))
                .contains("    http-request return status 503 content-type text/plain string \"upstream connect error or disconnect/reset"
                        + " before headers. reset reason: overflow\" hdr x-envoy-overloaded true if { be_conn(outbound_ratings_all) ge 3 }\n");
        assertThat(section(noRoute, "backend outbound_ratings_all")).contains("server ratings-v1-ddddd 127.0.0.1:20004 weight 1 maxconn 1 check")
                .contains("server ratings-v1-fffff 127.0.0.1:20005 weight 1 maxconn 1 check");
    }

    @Test
    void withARouteTheGuardHoldsForEachRulesBackend() {
        MeshState mesh = mesh(List.of(new Route("ratings", List.of(JASON_DELAYED, HALF_ABORTED))), List.of(POOL_AND_OUTLIERS), List.of());
        String frontend = section(render(PRODUCTPAGE, mesh), "frontend outbound_ratings");
        assertThat(frontend).contains("if { var(txn.rule) -m int 0 } { be_conn(outbound_ratings_rule0) ge 3 }")
                .contains("if { var(txn.rule) -m int 1 } { be_conn(outbound_ratings_rule1) ge 3 }");
        // an abort is the client's own answer: it comes before the guard, as Envoy's fault filter comes before the router
        assertThat(frontend.indexOf("return status 500")).isLessThan(frontend.indexOf("be_conn"));
    }

    @Test
    void poolMutants() {
        MeshState mesh = mesh(List.of(), List.of(POOL_AND_OUTLIERS), List.of());
        String unlimited = render(PRODUCTPAGE, mesh, Mutant.POOL_UNLIMITED);
        assertThat(unlimited).doesNotContain("maxconn 1").doesNotContain("be_conn");
        assertThat(render(PRODUCTPAGE, mesh, Mutant.POOL_NO_QUEUE)).contains("{ be_conn(outbound_ratings_all) ge 2 }").contains("maxconn 1 ");
        Destination connectionsOnly = new Destination("ratings", new Destination.ConnectionPool(4, null), null);
        String waiting = render(PRODUCTPAGE, mesh(List.of(), List.of(connectionsOnly), List.of()));
        assertThat(waiting).contains("maxconn 4").doesNotContain("be_conn");
    }

    @Test
    void outlierDetectionMarksDownAfterConsecutiveErrorsAndHealthChecksBringTheServerBackAfterTheEjectionTime() {
        String backend = section(render(PRODUCTPAGE, mesh(List.of(), List.of(POOL_AND_OUTLIERS), List.of())), "backend outbound_ratings_all");
        assertThat(backend).contains("    option httpchk GET /health\n    timeout check 1000ms\n    http-check send hdr x-meshproof-health-check true\n")
                .contains(" check inter 1h fastinter 1000ms downinter 1000ms rise 30 fall 1 observe layer7 error-limit 5 on-error mark-down");
        assertThat(DestinationPolicy.rise(Duration.ofSeconds(30), Duration.ofSeconds(1))).isEqualTo(30);
        assertThat(DestinationPolicy.rise(Duration.ofMillis(2500), Duration.ofSeconds(1))).isEqualTo(3);
        assertThat(DestinationPolicy.rise(Duration.ofMillis(200), Duration.ofSeconds(1))).isEqualTo(1);
        String off = section(render(PRODUCTPAGE, mesh(List.of(), List.of(POOL_AND_OUTLIERS), List.of()), Mutant.EJECTION_OFF),
                "backend outbound_ratings_all");
        assertThat(off).doesNotContain("check").doesNotContain("observe").contains("maxconn 1");
    }

    @Test
    void theRateLimitCountsOnlyAdmittedRequestsOnTheInboundSideOfTheLimitedService() {
        String inbound = section(render(RATINGS, everything()), "backend inbound_app");
        assertThat(inbound).contains(String.join("\n",
                "    stick-table type integer size 1 expire 10s store gpc_rate(1,1s)",
                "    http-request track-sc2 int(0) unless { req.hdr(x-meshproof-health-check) -m found }",
                "    http-request return status 429 content-type text/plain string \"local_rate_limited\" hdr x-local-rate-limit true"
                        + " if { sc_gpc_rate(0,2) ge 10 }",
                "    http-request sc-inc-gpc(0,2)",
                "    server app 127.0.0.1:30010"));
        assertThat(render(PRODUCTPAGE, everything())).doesNotContain("gpc");
        assertThat(render(RATINGS, everything(), Mutant.RATELIMIT_OFF)).doesNotContain("gpc");
    }

    @Test
    void theStockStateRendersNoneOfIt() {
        String config = render(PRODUCTPAGE, MeshState.EMPTY);
        for (String absent : List.of("lua", "timeout server 5", "retry-on", "maxconn 1", "check", "be_conn", "gpc")) {
            assertThat(config).doesNotContain(absent);
        }
    }

    @Test
    void everyRenderingWithEveryMutantPassesHaproxysOwnCheck(@TempDir Path dir) throws Exception {
        HaproxyInstallation haproxy = InstalledHaproxy.require();
        DelayScript.writeInto(dir);
        // haproxy -c opens the certificate files of the mutual-TLS options, so they must exist
        WorkloadCertificates certificates = WorkloadCertificates.create(dir);
        certificates.issue(PRODUCTPAGE.instance(), PRODUCTPAGE.workload());
        certificates.issue(RATINGS.instance(), RATINGS.workload());
        List<Mutant[]> variants = new ArrayList<>();
        variants.add(new Mutant[0]);
        for (Mutant m : Mutant.values()) {
            variants.add(new Mutant[] {m});
        }
        Destination pendingZero = new Destination("reviews", new Destination.ConnectionPool(2, 0), null);
        MeshState withPendingZero = mesh(everything().routes(), List.of(POOL_AND_OUTLIERS, pendingZero), everything().rateLimits());
        int n = 0;
        for (MeshState mesh : List.of(everything(), withPendingZero)) {
            for (Mutant[] mutants : variants) {
                for (SidecarSpec sidecar : List.of(PRODUCTPAGE, RATINGS)) {
                    Path file = dir.resolve("sidecar-" + n++ + ".cfg");
                    Files.writeString(file, new SidecarConfig(sidecar, ENDPOINTS, mesh,
                            mutants.length == 0 ? Set.of() : EnumSet.copyOf(List.of(mutants)), dir, certificates.files()).render());
                    haproxy.check(file);
                }
            }
        }
        Path broken = dir.resolve("broken.cfg");
        Files.writeString(broken, new SidecarConfig(PRODUCTPAGE, ENDPOINTS, everything(), Set.of(), dir, certificates.files()).render()
                .replace("retry-on conn-failure", "retry-on 409 conn-failure"));
        assertThatThrownBy(() -> haproxy.check(broken)).isInstanceOf(TargetException.class).hasMessageContaining("invalid");
        certificates.close();
    }
}
