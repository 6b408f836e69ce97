package io.meshproof.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";

    private static CertificateAuthority root;
    private static CertificateAuthority intermediate;
    private static CertificateAuthority otherRoot;

    @BeforeAll
    static void authorities() {
        root = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(2));
        intermediate = root.intermediate(KeyType.EC_P256, "meshproof test intermediate", HOUR);
        otherRoot = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(2));
    }

    @Test
    void leafFromRootVerifiesAgainstRootOnly() throws Exception {
        IssuedCertificate leaf = root.issueWorkload("reviews", HOUR);

        assertThat(leaf.chain()).containsExactly(leaf.certificate());
        validate(leaf.chain(), root.certificate());
        assertThatThrownBy(() -> validate(leaf.chain(), otherRoot.certificate()))
                .isInstanceOf(CertPathValidatorException.class);
    }

    @Test
    void leafFromIntermediateCarriesTheIntermediateAndVerifiesAgainstTheRoot() throws Exception {
        IssuedCertificate leaf = intermediate.issueWorkload("ratings", HOUR);

        assertThat(leaf.chain()).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(leaf.trustAnchor()).isEqualTo(root.certificate());
        validate(leaf.chain(), root.certificate());
        // Without the intermediate the leaf does not chain to the root.
        assertThatThrownBy(() -> validate(List.of(leaf.certificate()), root.certificate()))
                .isInstanceOf(CertPathValidatorException.class);
        leaf.certificate().verify(intermediate.certificate().getPublicKey());
    }

    @Test
    void rootIsSelfSignedCaWithPathLengthOneAndCriticalCertSignUsage() throws Exception {
        X509Certificate cert = root.certificate();

        cert.verify(cert.getPublicKey());
        assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
        assertThat(cert.getBasicConstraints()).isEqualTo(1);
        assertThat(cert.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(keyUsages(cert)).containsExactlyInAnyOrder("keyCertSign", "cRLSign");
        assertThat(cert.getExtendedKeyUsage()).isNull();
        assertThat(cert.getSubjectAlternativeNames()).isNull();
        assertThat(cert.getExtensionValue("2.5.29.14")).as("subject key identifier").isNotNull();
    }

    @Test
    void intermediateIsCaWithPathLengthZeroAndMayNotSignAnotherCa() {
        X509Certificate cert = intermediate.certificate();

        assertThat(cert.getBasicConstraints()).isEqualTo(0);
        assertThat(cert.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(keyUsages(cert)).containsExactlyInAnyOrder("keyCertSign", "cRLSign");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(root.certificate().getSubjectX500Principal());
        assertThat(cert.getExtensionValue("2.5.29.35")).as("authority key identifier").isNotNull();
        assertThatThrownBy(() -> intermediate.intermediate(KeyType.EC_P256, "too deep", HOUR))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("path length 0");
    }

    @Test
    void leafCarriesSpiffeIdAsUriSanAndCommonNameWithDnsAndLoopbackSans() throws Exception {
        X509Certificate cert = root.issueWorkload("reviews", HOUR).certificate();

        String spiffeId = "spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews";
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + spiffeId);
        assertThat(Sans.of(cert, Sans.URI)).containsExactly(spiffeId);
        assertThat(Sans.of(cert, Sans.DNS)).contains("reviews.bookinfo.svc.cluster.local", "reviews", "localhost");
        assertThat(Sans.of(cert, Sans.IP)).containsExactly("127.0.0.1");
        assertThat(cert.getBasicConstraints()).as("CA:false").isEqualTo(-1);
        assertThat(cert.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(keyUsages(cert)).containsExactly("digitalSignature");
        assertThat(cert.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
    }

    @Test
    void harnessWorkloadsGetTheirCatalogIdentity() throws Exception {
        assertThat(Sans.of(root.issueWorkload("tester", HOUR).certificate(), Sans.URI))
                .containsExactly("spiffe://cluster.local/ns/bookinfo/sa/tester");
    }

    @Test
    void leafRequestTakesExplicitNamesAndAddresses() throws Exception {
        var request = new LeafRequest("spiffe://example.org/workload/a", List.of("a.example.org"),
                List.of(InetAddress.getByAddress(new byte[] {127, 0, 0, 7})));
        X509Certificate cert = root.issueLeaf(request, KeyType.EC_P256, HOUR).certificate();

        assertThat(Sans.of(cert, Sans.URI)).containsExactly("spiffe://example.org/workload/a");
        assertThat(Sans.of(cert, Sans.DNS)).containsExactly("a.example.org");
        assertThat(Sans.of(cert, Sans.IP)).containsExactly("127.0.0.7");
    }

    @Test
    void ecKeysAreP256AndSignWithEcdsa() {
        X509Certificate cert = root.issueWorkload("details", HOUR).certificate();

        ECPublicKey key = (ECPublicKey) cert.getPublicKey();
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(key.getParams().getOrder().toString(16))
                .as("order of NIST P-256 (secp256r1)")
                .isEqualTo("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void rsaCaIssuesRsaLeavesWithKeyEnciphermentAndEcLeavesOnRequest() throws Exception {
        CertificateAuthority rsaRoot = CertificateAuthority.create(KeyType.RSA_2048, "meshproof rsa root", HOUR);
        IssuedCertificate rsaLeaf = rsaRoot.issueWorkload("productpage", HOUR);
        IssuedCertificate ecLeaf = rsaRoot.issueLeaf(LeafRequest.forWorkload("ratings"), KeyType.EC_P256, HOUR);

        assertThat(((RSAPublicKey) rsaRoot.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(((RSAPublicKey) rsaLeaf.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(rsaLeaf.certificate().getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(keyUsages(rsaLeaf.certificate())).containsExactlyInAnyOrder("digitalSignature", "keyEncipherment");
        assertThat(ecLeaf.certificate().getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(ecLeaf.certificate().getSigAlgName()).as("signed by the RSA root").isEqualTo("SHA256withRSA");
        validate(rsaLeaf.chain(), rsaRoot.certificate());
        validate(ecLeaf.chain(), rsaRoot.certificate());
    }

    @Test
    void validityStartsSlightlyInThePastAndIsShort() {
        Instant before = Instant.now();
        X509Certificate cert = root.issueWorkload("reviews", Duration.ofMinutes(10)).certificate();
        Instant after = Instant.now();

        Instant notBefore = cert.getNotBefore().toInstant();
        Instant notAfter = cert.getNotAfter().toInstant();
        // X.509 times have whole seconds: allow one second of truncation on each side.
        assertThat(notBefore).isBetween(before.minus(CertificateAuthority.CLOCK_SKEW).minusSeconds(1),
                after.minus(CertificateAuthority.CLOCK_SKEW));
        assertThat(notAfter).isBetween(before.plus(Duration.ofMinutes(10)).minusSeconds(1),
                after.plus(Duration.ofMinutes(10)));
        assertThat(notBefore).isBefore(before);
    }

    @Test
    void aLeafNeverOutlivesItsIssuer() {
        X509Certificate cert = intermediate.issueWorkload("reviews", Duration.ofDays(365)).certificate();

        assertThat(cert.getNotAfter()).isEqualTo(intermediate.certificate().getNotAfter());
        assertThat(cert.getNotBefore()).isAfterOrEqualTo(intermediate.certificate().getNotBefore());
    }

    @Test
    void everyCertificateHasItsOwnSerialAndKey() {
        IssuedCertificate a = root.issueWorkload("reviews", HOUR);
        IssuedCertificate b = root.issueWorkload("reviews", HOUR);

        assertThat(a.certificate().getSerialNumber()).isNotEqualTo(b.certificate().getSerialNumber());
        assertThat(a.certificate().getSerialNumber().signum()).isPositive();
        assertThat(a.certificate().getPublicKey()).isNotEqualTo(b.certificate().getPublicKey());
    }

    @Test
    void badInputIsRejectedWithAHint() {
        assertThatThrownBy(() -> new LeafRequest("reviews", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spiffe://");
        assertThatThrownBy(() -> new LeafRequest("spiffe://cluster.local/ns/../sa", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a SPIFFE id");
        assertThatThrownBy(() -> new LeafRequest("spiffe://cluster.local/ns/bookinfo/sa/" + "x".repeat(40), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64");
        assertThatThrownBy(() -> new LeafRequest("spiffe://cluster.local/a", List.of("bad name"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a DNS name");
        assertThatThrownBy(() -> LeafRequest.forWorkload("Reviews"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> root.issueWorkload("reviews", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> CertificateAuthority.create(KeyType.EC_P256, " ", HOUR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("common name");
    }

    @Test
    void caToStringNamesItWithoutTheKey() {
        String text = root.toString();

        assertThat(text).contains("meshproof test root", "<redacted>");
        assertThat(SecretLeaks.find(text, root.credentials().privateKey())).isEmpty();
    }

    static void validate(List<X509Certificate> chain, X509Certificate anchor) throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
    }

    private static List<String> keyUsages(X509Certificate cert) {
        String[] names = {"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment",
            "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"};
        boolean[] bits = cert.getKeyUsage();
        List<String> set = new ArrayList<>();
        for (int i = 0; i < bits.length && i < names.length; i++) {
            if (bits[i]) {
                set.add(names[i]);
            }
        }
        return set;
    }
}
