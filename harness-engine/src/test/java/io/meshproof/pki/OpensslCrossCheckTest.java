package io.meshproof.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same certificates as OpenSSL (what HAProxy links) reads and verifies them, in strict mode. */
class OpensslCrossCheckTest {

    private static CertificateAuthority root;
    private static CertificateAuthority intermediate;
    private KeyMaterialDirectory keys;

    @BeforeAll
    static void requireOpenssl() {
        assumeTrue(Command.onPath("openssl"), "the openssl CLI is not installed (Debian package openssl)");
        root = CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(1));
        intermediate = root.intermediate(KeyType.EC_P256, "meshproof test intermediate", Duration.ofHours(1));
    }

    @BeforeEach
    void directory() {
        keys = KeyMaterialDirectory.create();
    }

    @AfterEach
    void cleanUp() {
        keys.close();
    }

    @Test
    void leafVerifiesForServerAndClientUseThroughTheIntermediate() {
        IssuedCertificate leaf = intermediate.issueWorkload("reviews", Duration.ofMinutes(10));
        Path ca = keys.writeCertificates("ca.pem", List.of(root.certificate()));
        Path untrusted = keys.writeCertificates("intermediate.pem", List.of(intermediate.certificate()));
        Path cert = keys.writeCertificates("reviews.pem", List.of(leaf.certificate()));

        for (String purpose : List.of("sslserver", "sslclient")) {
            Command.Result result = openssl("verify", "-x509_strict", "-purpose", purpose, "-CAfile", ca.toString(),
                    "-untrusted", untrusted.toString(), cert.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains(cert + ": OK");
        }
        // Negative controls: without the intermediate, or against another root, OpenSSL refuses.
        assertThat(openssl("verify", "-CAfile", ca.toString(), cert.toString()).exitCode()).isNotZero();
        Path otherCa = keys.writeCertificates("other-ca.pem", List.of(
                CertificateAuthority.create(KeyType.EC_P256, "meshproof test root", Duration.ofHours(1)).certificate()));
        assertThat(openssl("verify", "-CAfile", otherCa.toString(), "-untrusted", untrusted.toString(), cert.toString())
                .exitCode()).isNotZero();
    }

    @Test
    void rsaChainVerifiesToo() {
        CertificateAuthority rsaRoot = CertificateAuthority.create(KeyType.RSA_2048, "meshproof rsa root", Duration.ofHours(1));
        Path ca = keys.writeCertificates("ca.pem", List.of(rsaRoot.certificate()));
        Path cert = keys.writeCertificates("ratings.pem", List.of(rsaRoot.issueWorkload("ratings", Duration.ofMinutes(5)).certificate()));

        Command.Result result = openssl("verify", "-x509_strict", "-purpose", "sslserver", "-CAfile", ca.toString(), cert.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void leafTextShowsIdentityNamesAndUsages() {
        Path cert = keys.writeCertificates("reviews.pem", List.of(root.issueWorkload("reviews", Duration.ofMinutes(10)).certificate()));

        String text = openssl("x509", "-in", cert.toString(), "-noout", "-text").output();

        assertThat(text).contains(
                "Subject: CN = spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews",
                "URI:spiffe://cluster.local/ns/bookinfo/sa/bookinfo-reviews",
                "DNS:reviews.bookinfo.svc.cluster.local",
                "IP Address:127.0.0.1",
                "TLS Web Server Authentication, TLS Web Client Authentication",
                "X509v3 Basic Constraints: critical",
                "CA:FALSE",
                "ASN1 OID: prime256v1");
    }

    @Test
    void privateKeyFileParsesAndMatchesItsCertificate() {
        IssuedCertificate leaf = root.issueWorkload("reviews", Duration.ofMinutes(10));
        Path key = keys.write("reviews.key", leaf.pemPrivateKey());
        Path cert = keys.writeCertificates("reviews.pem", List.of(leaf.certificate()));
        Path otherKey = keys.write("other.key", root.issueWorkload("ratings", Duration.ofMinutes(10)).pemPrivateKey());

        String fromCertificate = openssl("x509", "-in", cert.toString(), "-noout", "-pubkey").output();
        Command.Result fromKey = openssl("pkey", "-in", key.toString(), "-pubout");

        assertThat(fromKey.exitCode()).as(fromKey.output()).isZero();
        assertThat(fromKey.output()).isEqualTo(fromCertificate).contains("BEGIN PUBLIC KEY");
        assertThat(openssl("pkey", "-in", otherKey.toString(), "-pubout").output()).isNotEqualTo(fromCertificate);
    }

    @Test
    void linkerdAnchorAndIssuerHaveTheStepProfiles() {
        LinkerdIdentity identity = LinkerdIdentity.generate(Duration.ofHours(1));
        Path anchor = keys.write("ca.crt", identity.trustAnchorPem());
        Path issuer = keys.write("issuer.crt", identity.issuerCertificatePem());

        String anchorText = openssl("x509", "-in", anchor.toString(), "-noout", "-text").output();
        String issuerText = openssl("x509", "-in", issuer.toString(), "-noout", "-text").output();
        Command.Result verify = openssl("verify", "-x509_strict", "-CAfile", anchor.toString(), issuer.toString());

        assertThat(anchorText).contains("Subject: CN = root.linkerd.cluster.local", "X509v3 Basic Constraints: critical",
                "CA:TRUE", "X509v3 Key Usage: critical", "Certificate Sign, CRL Sign", "ASN1 OID: prime256v1",
                "ecdsa-with-SHA256");
        assertThat(issuerText).contains("Subject: CN = identity.linkerd.cluster.local",
                "Issuer: CN = root.linkerd.cluster.local", "CA:TRUE, pathlen:0", "X509v3 Key Usage: critical",
                "Certificate Sign, CRL Sign", "ASN1 OID: prime256v1");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
    }

    private static Command.Result openssl(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(arguments));
        return Command.run(command);
    }
}
