package io.meshproof.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate with its private key, as the CA issued it.
 *
 * @param certificate the certificate
 * @param privateKey its private key; never printed ({@link #toString()} redacts it)
 * @param chain the certificate followed by the intermediate CAs that issued it, without the trust
 *     anchor (what a TLS peer sends); for a root, just the root
 * @param trustAnchor the root the chain ends at (what a peer verifies against: HAProxy's {@code ca-file})
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain,
        X509Certificate trustAnchor) {

    public IssuedCertificate {
        if (certificate == null || privateKey == null || trustAnchor == null) {
            throw new IllegalArgumentException("certificate, private key and trust anchor are required");
        }
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("the chain must start with the certificate itself");
        }
    }

    public String pemCertificate() {
        return Pem.certificate(certificate);
    }

    /** The certificate and its intermediates: what a TLS server or client presents. */
    public String pemChain() {
        return Pem.certificates(chain);
    }

    /** The private key as unencrypted PKCS#8 PEM. Write it only through {@link KeyMaterialDirectory}. */
    public String pemPrivateKey() {
        return Pem.privateKey(privateKey);
    }

    public String pemTrustAnchor() {
        return Pem.certificate(trustAnchor);
    }

    /** Chain then key in one PEM text: the file HAProxy's {@code crt} takes. */
    public String pemChainAndPrivateKey() {
        return pemChain() + pemPrivateKey();
    }

    /** Names and dates only; the key is redacted so that logs and assertion messages never carry it. */
    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + certificate.getSubjectX500Principal().getName()
                + ", issuer=" + certificate.getIssuerX500Principal().getName()
                + ", serial=" + certificate.getSerialNumber().toString(16)
                + ", notAfter=" + certificate.getNotAfter().toInstant()
                + ", chainLength=" + chain.size()
                + ", privateKey=<redacted " + privateKey.getAlgorithm() + ">]";
    }
}
