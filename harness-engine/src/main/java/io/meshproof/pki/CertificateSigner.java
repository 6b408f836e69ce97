package io.meshproof.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds and signs one X.509 v3 certificate for a profile (BouncyCastle does the ASN.1). */
final class CertificateSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateSigner() {
    }

    /** Who signs: the issuer's certificate (null when self-signed), its key and that key's type. */
    record Signer(X509Certificate certificate, PrivateKey key, KeyType keyType) {
        @Override
        public String toString() {
            return "Signer[" + (certificate == null ? "self" : certificate.getSubjectX500Principal().getName())
                    + ", " + keyType + ", key=<redacted>]";
        }
    }

    /** What is signed: subject name, key and, for leaves, the names the certificate is valid for. */
    record Subject(String commonName, PublicKey publicKey, KeyType keyType, LeafRequest leaf) {
    }

    static X509Certificate sign(CertificateProfile profile, Subject subject, Signer signer, Instant notBefore, Instant notAfter) {
        X500Name subjectName = commonName(subject.commonName());
        X500Name issuerName = signer.certificate() == null
                ? subjectName
                : X500Name.getInstance(signer.certificate().getSubjectX500Principal().getEncoded());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serialNumber(),
                    Date.from(notBefore), Date.from(notAfter), subjectName, subject.publicKey());
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subject.publicKey()));
            if (signer.certificate() != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(signer.certificate()));
            }
            switch (profile) {
                case ROOT_CA:
                    addCaExtensions(builder, 1);
                    break;
                case INTERMEDIATE_CA:
                    addCaExtensions(builder, 0);
                    break;
                case LEAF:
                    addLeafExtensions(builder, subject);
                    break;
                default:
                    throw new IllegalStateException("unknown profile " + profile);
            }
            var contentSigner = new JcaContentSignerBuilder(signer.keyType().signatureAlgorithm()).build(signer.key());
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Could not sign a " + profile + " certificate for '" + subject.commonName()
                    + "': " + e.getMessage(), e);
        }
    }

    private static void addCaExtensions(X509v3CertificateBuilder builder, int pathLength) throws IOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(pathLength));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    private static void addLeafExtensions(X509v3CertificateBuilder builder, Subject subject) throws IOException {
        LeafRequest leaf = subject.leaf();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // RSA keys may still meet TLS 1.2 RSA key exchange, which needs keyEncipherment; EC keys only sign.
        int usage = subject.keyType() == KeyType.RSA_2048
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, leaf.spiffeId()));
        for (String dnsName : leaf.dnsNames()) {
            names.add(new GeneralName(GeneralName.dNSName, dnsName));
        }
        for (InetAddress address : leaf.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, address.getHostAddress()));
        }
        // Not critical: the subject is not empty (it carries the SPIFFE id as CN, see LeafRequest).
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    private static X500Name commonName(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    /** Random, positive and at most 20 octets (RFC 5280 4.1.2.2), so no two certificates share one. */
    private static BigInteger serialNumber() {
        return new BigInteger(159, RANDOM).add(BigInteger.ONE);
    }
}
