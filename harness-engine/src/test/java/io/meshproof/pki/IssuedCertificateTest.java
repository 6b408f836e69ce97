package io.meshproof.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IssuedCertificateTest {

    private static CertificateAuthority intermediate;
    private static IssuedCertificate leaf;

    @BeforeAll
    static void issue() {
        CertificateAuthority root = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(1));
        intermediate = root.intermediate(KeyType.EC_P256, "meshproof test intermediate", Duration.ofHours(1));
        leaf = intermediate.issueWorkload("reviews", Duration.ofMinutes(30));
    }

    @Test
    void pemChainReadsBackAsTheSameCertificatesInOrder() throws Exception {
        assertThat(readCertificates(leaf.pemChain())).containsExactly(leaf.certificate(), intermediate.certificate());
        assertThat(readCertificates(leaf.pemCertificate())).containsExactly(leaf.certificate());
        assertThat(readCertificates(leaf.pemTrustAnchor())).containsExactly(leaf.trustAnchor());
    }

    @Test
    void pemPrivateKeyIsPkcs8AndMatchesTheCertificate() throws Exception {
        String pem = leaf.pemPrivateKey();

        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        PrivateKey read = readKey(pem);
        assertThat(read.getEncoded()).isEqualTo(leaf.privateKey().getEncoded());
        assertThat(signsFor(read, leaf.certificate())).isTrue();
        // Negative control: another workload's key does not match this certificate.
        PrivateKey other = intermediate.issueWorkload("ratings", Duration.ofMinutes(5)).privateKey();
        assertThat(signsFor(other, leaf.certificate())).isFalse();
    }

    @Test
    void haproxyBundleHoldsChainThenKey() throws Exception {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(leaf.pemChainAndPrivateKey()))) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        }

        assertThat(blocks).hasSize(3);
        var converter = new JcaX509CertificateConverter();
        assertThat(converter.getCertificate((X509CertificateHolder) blocks.get(0))).isEqualTo(leaf.certificate());
        assertThat(converter.getCertificate((X509CertificateHolder) blocks.get(1))).isEqualTo(intermediate.certificate());
        assertThat(new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) blocks.get(2))).isEqualTo(leaf.privateKey());
    }

    @Test
    void toStringRedactsTheKey() {
        String text = leaf.toString();

        assertThat(text).contains("bookinfo-reviews", "<redacted EC>");
        assertThat(SecretLeaks.find(text, leaf.privateKey())).isEmpty();
    }

    @Test
    void leakDetectorCatchesKeysInTheFormsTheyWouldLeakIn() {
        PrivateKey key = leaf.privateKey();
        record LeakyPem(String keyPem) {
        }

        assertThat(SecretLeaks.find(new LeakyPem(leaf.pemPrivateKey()).toString(), key)).isNotEmpty();
        assertThat(SecretLeaks.find(new LeakyPem(leaf.pemChainAndPrivateKey()).toString(), key)).isNotEmpty();
        assertThat(SecretLeaks.find("s=" + ((ECPrivateKey) key).getS(), key)).isNotEmpty();
        assertThat(SecretLeaks.find(HexFormat.of().formatHex(key.getEncoded()).toUpperCase(), key)).isNotEmpty();
        assertThat(SecretLeaks.find(leaf.pemChain(), key)).as("certificates are not secret").isEmpty();
    }

    @Test
    void chainMustStartWithTheCertificate() {
        assertThatThrownBy(() -> new IssuedCertificate(leaf.certificate(), leaf.privateKey(),
                List.of(intermediate.certificate()), leaf.trustAnchor()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start with the certificate");
    }

    static List<X509Certificate> readCertificates(String pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    static PrivateKey readKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            assertThat(object).as("a PKCS#8 PrivateKeyInfo").isInstanceOf(PrivateKeyInfo.class);
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) object);
        }
    }

    static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = "meshproof".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }
}
