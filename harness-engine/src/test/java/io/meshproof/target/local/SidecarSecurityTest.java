package io.meshproof.target.local;

import com.sun.net.httpserver.HttpServer;
import io.meshproof.bookinfo.Behavior;
import io.meshproof.bookinfo.process.LoopbackPorts;
import io.meshproof.pki.CertificateAuthority;
import io.meshproof.pki.IssuedCertificate;
import io.meshproof.pki.KeyType;
import io.meshproof.scenario.Authorization;
import io.meshproof.scenario.Authorization.Action;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.MeshState.MtlsMode;
import io.meshproof.target.Rejection;
import io.meshproof.target.TargetException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Real HAProxy sidecars with certificates from the run's CA: a reviews sidecar in front of a tiny
 * app, and the tester's and productpage's client sidecars calling it over mutual TLS. Plaintext
 * callers (an outsider) go straight to the reviews inbound port.
 */
class SidecarSecurityTest {

    @TempDir
    static Path runtime;
    private static WorkloadCertificates certificates;
    private static HttpServer app;
    private static final SidecarSpec REVIEWS = new SidecarSpec("reviews", "reviews-v1-sec01", LoopbackPorts.free(), LoopbackPorts.free(), Map.of());
    private static final SidecarSpec TESTER = new SidecarSpec("tester", "tester", null, null, Map.of("reviews", LoopbackPorts.free()));
    private static final SidecarSpec PRODUCTPAGE = new SidecarSpec("productpage", "productpage-v1-sec02", null, null,
            Map.of("reviews", LoopbackPorts.free()));
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("reviews", "v1", REVIEWS.instance(), REVIEWS.inboundPort(), Behavior.healthy));
    private static final List<SidecarSpec> SIDECARS = List.of(REVIEWS, TESTER, PRODUCTPAGE);
    private static final List<HaproxyProcess> PROCESSES = new ArrayList<>();
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        HaproxyInstallation haproxy = InstalledHaproxy.require();
        certificates = WorkloadCertificates.create(runtime);
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", REVIEWS.appPort()), 16);
        app.createContext("/", exchange -> {
            byte[] body = ("reviews app: " + exchange.getRequestMethod() + " " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
        for (SidecarSpec spec : SIDECARS) {
            certificates.issue(spec.instance(), spec.workload());
            HaproxyProcess process = new HaproxyProcess(spec.instance(), haproxy, runtime, runtime);
            PROCESSES.add(process);
            process.start(config(spec, MeshState.EMPTY));
        }
    }

    @AfterAll
    static void stop() {
        PROCESSES.forEach(HaproxyProcess::close);
        if (app != null) {
            app.stop(0);
        }
        if (certificates != null) {
            certificates.close();
        }
    }

    private static String config(SidecarSpec spec, MeshState mesh, Mutant... mutants) {
        return new SidecarConfig(spec, ENDPOINTS, mesh, Set.of(mutants), runtime, certificates.files()).render();
    }

    private static void apply(MeshState mesh, Mutant... mutants) throws TargetException {
        for (int i = 0; i < SIDECARS.size(); i++) {
            PROCESSES.get(i).reload(config(SIDECARS.get(i), mesh, mutants));
        }
    }

    private static MeshState state(MtlsMode mtls, Authorization... policies) {
        return new MeshState(mtls, List.of(), List.of(), List.of(policies), List.of());
    }

    private static HttpResponse<String> via(SidecarSpec client, String method, String path) throws Exception {
        return send(PLAIN, "http://127.0.0.1:" + client.outboundPorts().get("reviews"), method, path);
    }

    /** An outsider: plaintext straight to the reviews inbound port, as through a Service address. */
    private static HttpResponse<String> outsider(String path) throws Exception {
        return send(PLAIN, "http://127.0.0.1:" + REVIEWS.inboundPort(), "GET", path);
    }

    private static HttpResponse<String> send(HttpClient client, String base, String method, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertServed(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("reviews app:");
    }

    private static void assertDenied(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("RBAC: access denied");
    }

    @Test
    void withoutAModeMeshedAndPlaintextCallersAreBothServed() throws Exception {
        apply(MeshState.EMPTY);
        assertServed(via(TESTER, "GET", "/reviews/0"));
        assertServed(outsider("/reviews/0"));
        apply(state(MtlsMode.PERMISSIVE));
        assertServed(via(TESTER, "GET", "/reviews/0"));
        assertServed(outsider("/reviews/0"));
    }

    @Test
    void strictServesMeshedCallersAndClosesOnPlaintextWithoutAnAnswer() throws Exception {
        apply(state(MtlsMode.STRICT));
        assertServed(via(TESTER, "GET", "/reviews/0"));
        assertServed(via(PRODUCTPAGE, "GET", "/reviews/0"));
        assertThatThrownBy(() -> outsider("/reviews/0")).isInstanceOf(IOException.class).hasMessageContaining("received no bytes");
    }

    @Test
    void strictRefusesTlsWithoutACertificateOfTheMeshCa() throws Exception {
        apply(state(MtlsMode.STRICT));
        String inbound = "https://127.0.0.1:" + REVIEWS.inboundPort();
        // control: the tester's own key and certificate, straight from its file, are served
        assertServed(send(mutualTls(certificates.files().identity(TESTER.instance())), inbound, "GET", "/reviews/0"));
        CertificateAuthority stranger = CertificateAuthority.create(KeyType.EC_P256, WorkloadCertificates.CA_NAME, Duration.ofHours(1));
        IssuedCertificate forged = stranger.issueWorkload("productpage", Duration.ofMinutes(5));
        assertThatThrownBy(() -> send(mutualTls(forged.privateKey(), forged.chain()), inbound, "GET", "/reviews/0"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> send(mutualTls(null, List.of()), inbound, "GET", "/reviews/0"))
                .as("TLS without a client certificate").isInstanceOf(IOException.class);
    }

    @Test
    void theMtlsPermissiveMutantServesPlaintextUnderStrict() throws Exception {
        apply(state(MtlsMode.STRICT), Mutant.MTLS_PERMISSIVE);
        assertServed(outsider("/reviews/0"));
    }

    @Test
    void anAllowPolicyLetsOnlyItsCallersMethodsAndPathsThrough() throws Exception {
        apply(state(null, new Authorization("reviews", Action.ALLOW,
                List.of(new Authorization.Rule(List.of("productpage"), List.of("GET"), List.of("/reviews/*"))))));
        assertServed(via(PRODUCTPAGE, "GET", "/reviews/0"));
        assertDenied(via(PRODUCTPAGE, "POST", "/reviews/0"));
        assertDenied(via(PRODUCTPAGE, "GET", "/health"));
        assertDenied(via(TESTER, "GET", "/reviews/0"));
        assertDenied(outsider("/reviews/0"));
    }

    @Test
    void anAllowPolicyWithoutRulesDeniesEveryone() throws Exception {
        apply(state(null, new Authorization("reviews", Action.ALLOW, List.of())));
        assertDenied(via(PRODUCTPAGE, "GET", "/reviews/0"));
        assertDenied(via(TESTER, "GET", "/reviews/0"));
        assertDenied(outsider("/reviews/0"));
    }

    @Test
    void aDenyPolicyWinsOverAnAllowAndSparesOtherPaths() throws Exception {
        apply(state(null,
                new Authorization("reviews", Action.ALLOW, List.of(new Authorization.Rule(null, null, null))),
                new Authorization("reviews", Action.DENY, List.of(new Authorization.Rule(null, null, List.of("/reviews/1"))))));
        assertDenied(via(TESTER, "GET", "/reviews/1"));
        assertDenied(outsider("/reviews/1"));
        assertServed(via(TESTER, "GET", "/reviews/0"));
        assertServed(via(TESTER, "GET", "/reviews/1x"));
        assertServed(outsider("/reviews/0?x=/reviews/1"));
    }

    @Test
    void aDenyByIdentityNeverMatchesAPlaintextCaller() throws Exception {
        apply(state(null, new Authorization("reviews", Action.DENY, List.of(new Authorization.Rule(List.of("tester"), null, null)))));
        assertDenied(via(TESTER, "GET", "/reviews/0"));
        assertServed(via(PRODUCTPAGE, "GET", "/reviews/0"));
        assertServed(outsider("/reviews/0"));
    }

    @Test
    void theAuthzAllowAllMutantServesWhatThePoliciesDeny() throws Exception {
        apply(state(null, new Authorization("reviews", Action.ALLOW, List.of())), Mutant.AUTHZ_ALLOW_ALL);
        assertServed(via(TESTER, "GET", "/reviews/0"));
        assertServed(outsider("/reviews/0"));
    }

    @Test
    void theTargetDeclaresExactlyTheFormsOfRefusalItRenders() throws Exception {
        Set<Rejection> declared = LocalTarget.configure(Map.of()).rejectionForms();
        apply(state(MtlsMode.STRICT, new Authorization("reviews", Action.ALLOW, List.of())));
        // a plaintext caller connects, then its connection closes without an answer: a reset, not a refusal
        assertThatThrownBy(() -> outsider("/reviews/0")).isInstanceOf(IOException.class)
                .isNotInstanceOf(java.net.ConnectException.class);
        assertDenied(via(TESTER, "GET", "/reviews/0"));
        assertThat(declared).containsExactlyInAnyOrder(Rejection.RESET, Rejection.FORBIDDEN);
    }

    /** A client presenting the key and chain of a sidecar's {@code crt} file. */
    private static HttpClient mutualTls(Path crt) throws Exception {
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser pem = new PEMParser(Files.newBufferedReader(crt))) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                } else if (o instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                }
            }
        }
        return mutualTls(key, chain);
    }

    /** A client presenting this key and chain (none when null) and trusting the mesh's root only. */
    private static HttpClient mutualTls(PrivateKey key, List<X509Certificate> chain) throws Exception {
        char[] password = "in-memory".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (key != null) {
            keys.setKeyEntry("workload", key, password, chain.toArray(Certificate[]::new));
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = Files.newInputStream(certificates.files().trustAnchor())) {
            trust.setCertificateEntry("anchor", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    }
}
