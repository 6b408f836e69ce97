package io.meshproof.target.local;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SidecarConfigTest {

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("reviews", "v1", "reviews-v1-aaaaa", 20001, Behavior.healthy),
            new Endpoint("reviews", "v2", "reviews-v2-bbbbb", 20002, Behavior.healthy),
            new Endpoint("reviews", "v3", "reviews-v3-ccccc", 20003, Behavior.healthy),
            new Endpoint("ratings", "v1", "ratings-v1-ddddd", 20004, Behavior.healthy));

    static final SidecarSpec PRODUCTPAGE = new SidecarSpec("productpage", "productpage-v1-eeeee", 30000, 30001,
            Map.of("reviews", 30002, "ratings", 30003));

    static MeshState routes(Route... routes) {
        return new MeshState(null, List.of(routes), List.of(), List.of(), List.of());
    }

    static Route.Rule rule(Map<String, String> match, Route.Backend... backends) {
        return new Route.Rule(match == null ? null : new Route.Match(match), List.of(backends), null, null, null);
    }

    /** Real certificates for PRODUCTPAGE, so that renderings pass {@code haproxy -c}, which opens them. */
    @TempDir
    static Path runtime;
    static WorkloadCertificates certificates;

    @BeforeAll
    static void issueCertificates() {
        certificates = WorkloadCertificates.create(runtime);
        certificates.issue(PRODUCTPAGE.instance(), PRODUCTPAGE.workload());
    }

    @AfterAll
    static void deleteKeys() {
        certificates.close();
    }

    static String render(MeshState mesh, Mutant... mutants) {
        return new SidecarConfig(PRODUCTPAGE, ENDPOINTS, mesh, Set.of(mutants), runtime, certificates.files()).render();
    }

    @Test
    void withoutARouteEveryEndpointTakesItsTurn() {
        String config = render(MeshState.EMPTY);
        assertThat(config).contains("frontend outbound_reviews\n    bind 127.0.0.1:30002\n    default_backend outbound_reviews_all");
        assertThat(config).contains("server reviews-v1-aaaaa 127.0.0.1:20001 weight 1 ssl",
                "server reviews-v2-bbbbb 127.0.0.1:20002 weight 1 ssl", "server reviews-v3-ccccc 127.0.0.1:20003 weight 1 ssl");
        assertThat(config).contains("frontend inbound\n").contains("    bind 127.0.0.1:30001\n").contains("server app 127.0.0.1:30000");
    }

    @Test
    void aSplitBecomesRoundRobinWeights() {
        String config = render(routes(new Route("reviews", List.of(rule(null,
                new Route.Backend("v1", 90), new Route.Backend("v2", 10))))));
        assertThat(config).contains("balance roundrobin")
                .contains("server reviews-v1-aaaaa 127.0.0.1:20001 weight 180 ")
                .contains("server reviews-v2-bbbbb 127.0.0.1:20002 weight 20 ")
                .doesNotContain("reviews-v3-ccccc");
    }

    @Test
    void headerRulesComeFirstAndTheRuleWithoutMatchIsTheDefault() {
        String config = render(routes(new Route("reviews", List.of(
                rule(Map.of("end-user", "jason"), new Route.Backend("v2", null)),
                rule(null, new Route.Backend("v1", null))))));
        assertThat(config).contains("acl rule0_header0 req.hdr(end-user) -m str \"jason\"")
                .contains("http-request set-var(txn.rule) int(0) if rule0_header0\n")
                .contains("http-request set-var(txn.rule) int(1) if !{ var(txn.rule) -m found }\n")
                .contains("use_backend outbound_reviews_rule0 if { var(txn.rule) -m int 0 }")
                .contains("use_backend outbound_reviews_rule1 if { var(txn.rule) -m int 1 }");
    }

    @Test
    void withoutADefaultRuleUnmatchedRequestsGet404AsInIstio() {
        String config = render(routes(new Route("reviews", List.of(rule(Map.of("end-user", "jason"), new Route.Backend("v2", null))))));
        assertThat(config).contains("default_backend outbound_reviews_no_route").contains("http-request return status 404")
                .doesNotContain("int(1)");
    }

    @Test
    void splitSkewMovesTenPointsToTheFirstBackend() {
        MeshState mesh = routes(new Route("reviews", List.of(rule(null,
                new Route.Backend("v1", 60), new Route.Backend("v2", 30), new Route.Backend("v3", 10)))));
        assertThat(render(mesh, Mutant.SPLIT_SKEW)).contains("reviews-v1-aaaaa 127.0.0.1:20001 weight 140 ")
                .contains("reviews-v2-bbbbb 127.0.0.1:20002 weight 45 ").contains("reviews-v3-ccccc 127.0.0.1:20003 weight 15 ");
        assertThat(render(mesh)).contains("weight 120 ").contains("weight 60 ").contains("weight 20 ");
    }

    @Test
    void headerIgnoredDropsRulesWithAMatch() {
        MeshState mesh = routes(new Route("reviews", List.of(
                rule(Map.of("end-user", "jason"), new Route.Backend("v2", null)),
                rule(null, new Route.Backend("v1", null)))));
        assertThat(render(mesh, Mutant.HEADER_IGNORED)).doesNotContain("end-user")
                .contains("http-request set-var(txn.rule) int(0)\n").doesNotContain("reviews-v2-bbbbb");
    }

    @Test
    void everyRenderingPassesHaproxysOwnCheck(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        HaproxyInstallation haproxy = InstalledHaproxy.require();
        MeshState mesh = new MeshState(MeshState.MtlsMode.STRICT, List.of(new Route("reviews", List.of(
                rule(Map.of("end-user", "jas\"on\n"), new Route.Backend("v2", null)),
                rule(null, new Route.Backend("v1", 50), new Route.Backend("v3", 50))))), List.of(),
                SecurityRenderingTest.POLICIES, List.of());
        MeshState permissive = new MeshState(MeshState.MtlsMode.PERMISSIVE, mesh.routes(), List.of(), mesh.authorization(), List.of());
        int n = 0;
        for (MeshState state : List.of(mesh, permissive, MeshState.EMPTY)) {
            for (Mutant[] mutants : new Mutant[][] {{}, {Mutant.SPLIT_SKEW}, {Mutant.HEADER_IGNORED}, {Mutant.MTLS_PERMISSIVE},
                    {Mutant.AUTHZ_ALLOW_ALL}}) {
                Path file = dir.resolve("sidecar-" + n++ + ".cfg");
                java.nio.file.Files.writeString(file, render(state, mutants));
                haproxy.check(file);
            }
        }
        Path broken = dir.resolve("broken.cfg");
        java.nio.file.Files.writeString(broken, render(mesh).replace("balance roundrobin", "balance sideways"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> haproxy.check(broken)).hasMessageContaining("invalid");
    }

    @Test
    void headerValuesAreQuotedSoTheyCannotInjectConfiguration() {
        String config = render(routes(new Route("reviews", List.of(
                rule(Map.of("end-user", "x\" if TRUE\nbind :80"), new Route.Backend("v2", null))))));
        assertThat(config).contains("-m str \"x\\\" if TRUE");
        assertThat(config.lines().filter(l -> l.strip().startsWith("bind :80"))).isEmpty();
    }
}
