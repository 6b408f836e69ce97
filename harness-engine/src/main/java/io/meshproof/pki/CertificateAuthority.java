package io.meshproof.pki;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority held in memory: a root or an intermediate with its key, issuing
 * short-lived certificates. Nothing touches the disk here; write what a process needs through a
 * {@link KeyMaterialDirectory}.
 *
 * <p>Every certificate's validity starts {@link #CLOCK_SKEW} in the past, so that a peer whose clock
 * is slightly behind accepts it, and never outlasts its issuer (it is cut at the issuer's notAfter).
 */
public final class CertificateAuthority {

    /** How far notBefore is set in the past: tolerance for clocks that are a little behind. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final KeyType keyType;
    private final IssuedCertificate credentials;

    private CertificateAuthority(KeyType keyType, IssuedCertificate credentials) {
        this.keyType = keyType;
        this.credentials = credentials;
    }

    /**
     * A new self-signed root (profile root CA: CA:true pathLen 1 critical, keyUsage certSign + cRLSign
     * critical).
     */
    public static CertificateAuthority create(KeyType keyType, String commonName, Duration validity) {
        requireCommonName(commonName);
        requirePositive(validity);
        KeyPair keys = keyType.generate();
        Instant now = now();
        var subject = new CertificateSigner.Subject(commonName, keys.getPublic(), keyType, null);
        var signer = new CertificateSigner.Signer(null, keys.getPrivate(), keyType);
        X509Certificate root = CertificateSigner.sign(CertificateProfile.ROOT_CA, subject, signer,
                now.minus(CLOCK_SKEW), now.plus(validity));
        return new CertificateAuthority(keyType, new IssuedCertificate(root, keys.getPrivate(), List.of(root), root));
    }

    /**
     * A new intermediate CA signed by this one (profile intermediate CA: CA:true pathLen 0 critical,
     * keyUsage certSign + cRLSign critical). It issues leaves only.
     */
    public CertificateAuthority intermediate(KeyType keyType, String commonName, Duration validity) {
        requireCommonName(commonName);
        if (certificate().getBasicConstraints() < 1) {
            throw new IllegalStateException("CA '" + subjectName() + "' has path length 0 and may not sign another CA:"
                    + " create the intermediate from the root");
        }
        KeyPair keys = keyType.generate();
        var subject = new CertificateSigner.Subject(commonName, keys.getPublic(), keyType, null);
        X509Certificate certificate = sign(CertificateProfile.INTERMEDIATE_CA, subject, validity);
        return new CertificateAuthority(keyType, new IssuedCertificate(certificate, keys.getPrivate(),
                chainBelow(certificate), trustAnchor()));
    }

    /**
     * A leaf for the request, with a fresh key of the given type: SPIFFE id as URI SAN and as subject
     * CN, the request's DNS and IP SANs, CA:false, keyUsage digitalSignature (RSA also
     * keyEncipherment), extendedKeyUsage serverAuth + clientAuth.
     */
    public IssuedCertificate issueLeaf(LeafRequest request, KeyType keyType, Duration validity) {
        KeyPair keys = keyType.generate();
        var subject = new CertificateSigner.Subject(request.spiffeId(), keys.getPublic(), keyType, request);
        X509Certificate certificate = sign(CertificateProfile.LEAF, subject, validity);
        return new IssuedCertificate(certificate, keys.getPrivate(), chainBelow(certificate), trustAnchor());
    }

    /** The certificate of a bookinfo (or harness) workload: {@link LeafRequest#forWorkload}, this CA's key type. */
    public IssuedCertificate issueWorkload(String workload, Duration validity) {
        return issueLeaf(LeafRequest.forWorkload(workload), keyType, validity);
    }

    /** This CA's own certificate, key and chain: for Linkerd, the issuer it installs. */
    public IssuedCertificate credentials() {
        return credentials;
    }

    public X509Certificate certificate() {
        return credentials.certificate();
    }

    /** The root this CA's chain ends at (itself, for a root). */
    public X509Certificate trustAnchor() {
        return credentials.trustAnchor();
    }

    public KeyType keyType() {
        return keyType;
    }

    @Override
    public String toString() {
        return "CertificateAuthority[subject=" + subjectName() + ", keyType=" + keyType
                + ", notAfter=" + certificate().getNotAfter().toInstant() + ", privateKey=<redacted>]";
    }

    private X509Certificate sign(CertificateProfile profile, CertificateSigner.Subject subject, Duration validity) {
        requirePositive(validity);
        Instant now = now();
        Instant issuerNotBefore = certificate().getNotBefore().toInstant();
        Instant issuerNotAfter = certificate().getNotAfter().toInstant();
        Instant notBefore = latest(now.minus(CLOCK_SKEW), issuerNotBefore);
        Instant notAfter = earliest(now.plus(validity), issuerNotAfter);
        if (!notAfter.isAfter(now)) {
            throw new IllegalStateException("CA '" + subjectName() + "' expired at " + issuerNotAfter
                    + ": create a new CA with a longer validity");
        }
        var signer = new CertificateSigner.Signer(certificate(), credentials.privateKey(), keyType);
        return CertificateSigner.sign(profile, subject, signer, notBefore, notAfter);
    }

    /** The new certificate followed by this CA's chain, unless this CA is the root (peers hold it already). */
    private List<X509Certificate> chainBelow(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        if (!certificate().equals(trustAnchor())) {
            chain.addAll(credentials.chain());
        }
        return chain;
    }

    private String subjectName() {
        return certificate().getSubjectX500Principal().getName();
    }

    // X.509 times have whole seconds; truncating here keeps the clamping comparisons exact.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static void requireCommonName(String commonName) {
        if (commonName == null || commonName.isBlank() || commonName.length() > LeafRequest.MAX_COMMON_NAME) {
            throw new IllegalArgumentException("CA common name '" + commonName + "' must be 1 to "
                    + LeafRequest.MAX_COMMON_NAME + " characters, e.g. root.linkerd.cluster.local");
        }
    }

    private static void requirePositive(Duration validity) {
        if (validity == null || validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("certificate validity must be positive, e.g. PT1H; was " + validity);
        }
    }
}
