package io.meshproof.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real TLS handshake with HAProxy 2.6 as the local target's inbound sidecar does it: server and
 * client certificates from our CA, {@code verify required}, the caller's identity read from
 * {@code ssl_c_s_dn(CN)}.
 */
class HaproxyMutualTlsTest {

    private static final Duration VALIDITY = Duration.ofMinutes(10);

    private static CertificateAuthority root;
    private static KeyMaterialDirectory keys;
    private static HaproxyIdentityEcho reviews;

    @BeforeAll
    static void startReviewsSidecar() throws Exception {
        assumeTrue(Command.onPath("haproxy"), "haproxy is not installed (Debian package haproxy, 2.6+)");
        root = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(1));
        keys = KeyMaterialDirectory.create();
        var crt = keys.writeCertificateAndKey("reviews.pem", root.issueWorkload("reviews", VALIDITY));
        var ca = keys.writeCertificates("ca.pem", List.of(root.trustAnchor()));
        reviews = HaproxyIdentityEcho.start(crt, ca, keys.path());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (reviews != null) {
                reviews.close();
            }
        } finally {
            if (keys != null) {
                keys.close();
            }
        }
    }

    @Test
    void serverSeesTheClientsSpiffeId() throws Exception {
        IssuedCertificate productpage = root.issueWorkload("productpage", VALIDITY);

        HttpResponse<String> response = get(client(productpage, root.trustAnchor()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("spiffe://cluster.local/ns/bookinfo/sa/bookinfo-productpage");
    }

    @Test
    void anotherWorkloadIsSeenAsItself() throws Exception {
        HttpResponse<String> response = get(client(root.issueWorkload("tester", VALIDITY), root.trustAnchor()));

        assertThat(response.body()).isEqualTo("spiffe://cluster.local/ns/bookinfo/sa/tester");
    }

    @Test
    void clientWithoutCertificateIsRejected() throws Exception {
        HttpClient anonymous = client(null, root.trustAnchor());

        assertRejectedByServer(anonymous, "certificate_required");
    }

    @Test
    void clientWithCertificateFromAnotherCaIsRejected() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(1));
        HttpClient impostor = client(stranger.issueWorkload("productpage", VALIDITY), root.trustAnchor());

        assertRejectedByServer(impostor, "unknown_ca");
    }

    @Test
    void clientThatDoesNotTrustOurRootRefusesTheServer() throws Exception {
        CertificateAuthority stranger = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(1));
        HttpClient wary = client(root.issueWorkload("productpage", VALIDITY), stranger.trustAnchor());

        assertThatThrownBy(() -> get(wary)).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("does not chain with any of the trust anchors");
    }

    /**
     * The server refuses the client's certificate. In TLS 1.3 the client finishes its side of the
     * handshake before the server has checked its certificate, so the server's alert either fails
     * the handshake (when it arrives first) or the request finds the connection closed without an
     * answer: both are a rejection, no response is.
     */
    private static void assertRejectedByServer(HttpClient client, String alert) {
        assertThatThrownBy(() -> get(client)).isInstanceOf(IOException.class).satisfies(e -> {
            if (e instanceof SSLHandshakeException) {
                assertThat(e).hasMessageContaining(alert);
            } else {
                assertThat(e.getMessage()).containsAnyOf("received no bytes", "Connection reset");
            }
        });
    }

    private static HttpResponse<String> get(HttpClient client) throws IOException, InterruptedException {
        // https://127.0.0.1: the client checks the server certificate's IP SAN.
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + reviews.port() + "/reviews/0"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTP/1.1 client presenting {@code identity} (none when null) and trusting {@code anchor} only. */
    private static HttpClient client(IssuedCertificate identity, X509Certificate anchor) throws Exception {
        char[] password = "in-memory".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        if (identity != null) {
            keyStore.setKeyEntry("workload", identity.privateKey(), password,
                    identity.chain().toArray(Certificate[]::new));
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("anchor", anchor);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }
}
