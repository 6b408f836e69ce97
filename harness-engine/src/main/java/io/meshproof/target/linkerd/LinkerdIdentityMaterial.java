package io.meshproof.target.linkerd;

/**
 * Linkerd's identity roots, PEM-encoded: the trust anchor (root CA certificate) and the issuer's
 * certificate and private key (an intermediate CA signed by the trust anchor). Linkerd requires
 * ECDSA P-256 for both.
 */
public record LinkerdIdentityMaterial(String trustAnchorPem, String issuerCertPem, String issuerKeyPem) {

    public LinkerdIdentityMaterial {
        require(trustAnchorPem, "CERTIFICATE", "trust anchor");
        require(issuerCertPem, "CERTIFICATE", "issuer certificate");
        require(issuerKeyPem, "PRIVATE KEY", "issuer key");
    }

    private static void require(String pem, String type, String what) {
        if (pem == null || !pem.contains("-----BEGIN ") || !pem.contains(type)) {
            throw new IllegalArgumentException("the Linkerd " + what + " must be PEM (-----BEGIN ..." + type + "-----)");
        }
    }

    @Override
    public String toString() {
        return "LinkerdIdentityMaterial[trust anchor, issuer certificate, issuer key (not shown)]";
    }
}
