package io.meshproof.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinkerdIdentityTest {

    private static LinkerdIdentity identity;
    private static X509Certificate anchor;
    private static X509Certificate issuer;

    @BeforeAll
    static void generate() throws Exception {
        identity = LinkerdIdentity.generate(Duration.ofHours(24));
        anchor = IssuedCertificateTest.readCertificates(identity.trustAnchorPem()).get(0);
        issuer = IssuedCertificateTest.readCertificates(identity.issuerCertificatePem()).get(0);
    }

    @Test
    void trustAnchorIsAP256RootCa() throws Exception {
        assertThat(anchor.getSubjectX500Principal().getName()).isEqualTo("CN=root.linkerd.cluster.local");
        anchor.verify(anchor.getPublicKey());
        assertThat(anchor.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(anchor.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(anchor.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(anchor.getKeyUsage()[6]).as("cRLSign").isTrue();
        assertP256(anchor);
    }

    @Test
    void issuerIsAP256IntermediateSignedByTheAnchor() throws Exception {
        assertThat(issuer.getSubjectX500Principal().getName()).isEqualTo("CN=identity.linkerd.cluster.local");
        assertThat(issuer.getIssuerX500Principal()).isEqualTo(anchor.getSubjectX500Principal());
        assertThat(issuer.getBasicConstraints()).as("pathLen 0").isEqualTo(0);
        assertThat(issuer.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(issuer.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertP256(issuer);
        CertificateAuthorityTest.validate(List.of(issuer), anchor);
        assertThat(issuer.getNotAfter()).isBeforeOrEqualTo(anchor.getNotAfter());
    }

    @Test
    void issuerKeyIsPkcs8AndBelongsToTheIssuerCertificate() throws Exception {
        PrivateKey key = IssuedCertificateTest.readKey(identity.issuerKeyPem());

        assertThat(IssuedCertificateTest.signsFor(key, issuer)).isTrue();
        assertThat(IssuedCertificateTest.signsFor(key, anchor)).as("negative control").isFalse();
    }

    @Test
    void eachGenerationIsANewAnchor() throws Exception {
        X509Certificate other = IssuedCertificateTest.readCertificates(
                LinkerdIdentity.generate(Duration.ofHours(1)).trustAnchorPem()).get(0);

        assertThat(other.getPublicKey()).isNotEqualTo(anchor.getPublicKey());
    }

    @Test
    void helmValuesUseTheChartsNames() {
        assertThat(identity.helmValues()).containsExactly(
                org.assertj.core.api.Assertions.entry("identityTrustAnchorsPEM", identity.trustAnchorPem()),
                org.assertj.core.api.Assertions.entry("identity.issuer.tls.crtPEM", identity.issuerCertificatePem()),
                org.assertj.core.api.Assertions.entry("identity.issuer.tls.keyPEM", identity.issuerKeyPem()));
    }

    @Test
    void helmValuesYamlNestsTheSameStringsExactly() throws Exception {
        JsonNode values = new YAMLMapper().readTree(identity.helmValuesYaml());

        assertThat(values.path("identityTrustAnchorsPEM").asText()).isEqualTo(identity.trustAnchorPem());
        assertThat(values.path("identity").path("issuer").path("tls").path("crtPEM").asText())
                .isEqualTo(identity.issuerCertificatePem());
        assertThat(values.path("identity").path("issuer").path("tls").path("keyPEM").asText())
                .isEqualTo(identity.issuerKeyPem());
    }

    @Test
    void neitherToStringShowsTheIssuerKey() throws Exception {
        PrivateKey key = IssuedCertificateTest.readKey(identity.issuerKeyPem());

        assertThat(SecretLeaks.find(identity.toString(), key)).isEmpty();
        assertThat(SecretLeaks.find(identity.helmValues().toString(), key)).isEmpty();
        assertThat(identity.helmValues().toString()).contains("identity.issuer.tls.keyPEM", "redacted");
        // Negative control: the map's content does hold the key.
        assertThat(SecretLeaks.find(String.valueOf(identity.helmValues().values()), key)).isNotEmpty();
    }

    private static void assertP256(X509Certificate certificate) {
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) certificate.getPublicKey()).getParams().getOrder().toString(16))
                .isEqualTo("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    }
}
