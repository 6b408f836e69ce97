package io.meshproof.target.local;

import io.meshproof.scenario.Authorization;
import io.meshproof.scenario.Authorization.Action;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.MeshState.MtlsMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.meshproof.target.local.SidecarConfigTest.ENDPOINTS;
import static io.meshproof.target.local.SidecarConfigTest.PRODUCTPAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** How mTLS modes and authorization policies become HAProxy configuration (the text; SidecarSecurityTest runs it). */
class SecurityRenderingTest {

    private static final String KEYS = "/run/x/keys/";

    /** Policies on productpage (the rendered sidecar) and one on reviews, which productpage's sidecar must ignore. */
    static final List<Authorization> POLICIES = List.of(
            new Authorization("productpage", Action.ALLOW, List.of(
                    new Authorization.Rule(List.of("ingress", "tester"), List.of("GET"), List.of("/productpage", "/api/v1/products/*")))),
            new Authorization("productpage", Action.DENY, List.of(new Authorization.Rule(null, List.of("POST"), null))),
            new Authorization("reviews", Action.DENY, List.of(new Authorization.Rule(null, null, null))));

    static MeshState security(MtlsMode mtls, List<Authorization> authorization) {
        return new MeshState(mtls, List.of(), List.of(), authorization, List.of());
    }

    static String render(MeshState mesh, Mutant... mutants) {
        return new SidecarConfig(PRODUCTPAGE, ENDPOINTS, mesh, Set.of(mutants), Path.of("/run/x")).render();
    }

    @Test
    void withoutAModeThePortTakesMutualTlsAndPlaintextAsIstiosPermissiveDefault() {
        String config = render(MeshState.EMPTY);
        assertThat(config).isEqualTo(render(security(MtlsMode.PERMISSIVE, List.of())));
        assertThat(config).contains("""
                frontend inbound
                    # mTLS PERMISSIVE: mutual TLS and plaintext on one port, told apart by the first bytes
                    mode tcp
                    # the HTTP frontends behind log what went wrong; pooled connections closed by peers are no news
                    no log
                    bind 127.0.0.1:30001
                    tcp-request inspect-delay 5s
                    tcp-request content accept if { req.ssl_hello_type 1 }
                    tcp-request content accept if HTTP
                    use_backend inbound_to_mtls if { req.ssl_hello_type 1 }
                    default_backend inbound_to_plaintext
                """)
                .contains("server mtls unix@/run/x/productpage-v1-eeeee.in-mtls.sock\n")
                .contains("frontend inbound_mtls\n    bind unix@/run/x/productpage-v1-eeeee.in-mtls.sock mode 600 ssl crt "
                        + KEYS + "productpage-v1-eeeee.pem ca-file " + KEYS + "ca.pem verify required\n"
                        + "    http-request set-var(txn.peer) ssl_c_s_dn(CN)\n    default_backend inbound_app\n")
                .contains("frontend inbound_plaintext\n    bind unix@/run/x/productpage-v1-eeeee.in-plain.sock mode 600\n"
                        + "    default_backend inbound_app\n");
        assertThat(config.split("set-var\\(txn.peer\\)", -1)).as("only the mutual-TLS side has an identity").hasSize(2);
    }

    @Test
    void strictTakesMutualTlsOnlyOnThePort() {
        String config = render(security(MtlsMode.STRICT, List.of()));
        assertThat(config).contains("frontend inbound\n    # mTLS STRICT: a client without a certificate of the mesh CA gets no answer\n"
                + "    bind 127.0.0.1:30001 ssl crt " + KEYS + "productpage-v1-eeeee.pem ca-file " + KEYS + "ca.pem verify required\n"
                + "    http-request set-var(txn.peer) ssl_c_s_dn(CN)\n    default_backend inbound_app\n");
        assertThat(config).doesNotContain("plaintext").doesNotContain("mode tcp").doesNotContain("unix@");
    }

    @Test
    void theMtlsPermissiveMutantRendersStrictAsPermissive() {
        MeshState strict = security(MtlsMode.STRICT, List.of());
        assertThat(render(strict, Mutant.MTLS_PERMISSIVE)).isEqualTo(render(security(MtlsMode.PERMISSIVE, List.of())))
                .isNotEqualTo(render(strict));
    }

    @Test
    void sidecarsCallEachOtherOverMutualTlsWithTheirOwnIdentity() {
        assertThat(render(MeshState.EMPTY)).contains("server reviews-v1-aaaaa 127.0.0.1:20001 weight 1 ssl crt " + KEYS
                + "productpage-v1-eeeee.pem ca-file " + KEYS + "ca.pem verify required"
                + " verifyhost reviews.bookinfo.svc.cluster.local sni str(reviews.bookinfo.svc.cluster.local)\n");
        assertThat(render(MeshState.EMPTY)).contains("server ratings-v1-ddddd 127.0.0.1:20004 weight 1 ssl crt " + KEYS
                + "productpage-v1-eeeee.pem ca-file " + KEYS + "ca.pem verify required verifyhost ratings.bookinfo.svc.cluster.local");
    }

    @Test
    void denyPoliciesComeFirstThenAllowThenEverythingElseIsRefused() {
        String config = render(security(null, POLICIES));
        String app = config.substring(config.indexOf("\nbackend inbound_app\n") + 1);
        assertThat(app).startsWith("""
                backend inbound_app
                    # authorization (Istio semantics): DENY policies first, then ALLOW
                    acl authz0_rule0_from var(txn.peer) -m str "spiffe://cluster.local/ns/bookinfo/sa/ingress" "spiffe://cluster.local/ns/bookinfo/sa/tester"
                    acl authz0_rule0_method method "GET"
                    acl authz0_rule0_path path -m str "/productpage"
                    acl authz0_rule0_path path -m beg "/api/v1/products/"
                    acl authz1_rule0_method method "POST"
                    http-request return status 403 content-type text/plain string "RBAC: access denied" if authz1_rule0_method
                    http-request set-var(txn.allowed) bool(true) if authz0_rule0_from authz0_rule0_method authz0_rule0_path
                    http-request return status 403 content-type text/plain string "RBAC: access denied" unless { var(txn.allowed) -m bool }
                    server app 127.0.0.1:30000
                """);
    }

    @Test
    void anAllowPolicyWithoutRulesAllowsNothingAndADenyWithoutRulesDeniesNothing() {
        String allowNothing = render(security(null, List.of(new Authorization("productpage", Action.ALLOW, List.of()))));
        assertThat(allowNothing).contains("    http-request return status 403 content-type text/plain string \"RBAC: access denied\""
                + " unless { var(txn.allowed) -m bool }\n").doesNotContain("set-var(txn.allowed)");
        String denyNothing = render(security(null, List.of(new Authorization("productpage", Action.DENY, List.of()))));
        assertThat(denyNothing).doesNotContain("status 403");
        String denyAll = render(security(null, List.of(new Authorization("productpage", Action.DENY,
                List.of(new Authorization.Rule(null, null, null))))));
        assertThat(denyAll).contains("string \"RBAC: access denied\" if TRUE\n");
    }

    @Test
    void policiesOfOtherServicesAndTheAuthzAllowAllMutantRenderNothing() {
        assertThat(render(security(null, POLICIES.subList(2, 3)))).isEqualTo(render(MeshState.EMPTY));
        assertThat(render(security(null, POLICIES), Mutant.AUTHZ_ALLOW_ALL)).isEqualTo(render(MeshState.EMPTY))
                .doesNotContain("RBAC");
    }

    @Test
    void pathsAreQuotedSoTheyCannotInjectConfiguration() {
        String config = render(security(null, List.of(new Authorization("productpage", Action.DENY,
                List.of(new Authorization.Rule(null, null, List.of("/x\" if TRUE\nbind :80*")))))));
        assertThat(config).contains("path -m beg \"/x\\\" if TRUE\\x0abind :80\"");
        assertThat(config.lines().filter(l -> l.strip().startsWith("bind :80"))).isEmpty();
    }
}
