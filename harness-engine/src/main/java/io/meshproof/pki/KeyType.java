package io.meshproof.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

/** The key types the harness issues: what the meshes accept (Linkerd wants ECDSA P-256). */
public enum KeyType {
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA"),
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA");

    private final String algorithm;
    private final AlgorithmParameterSpec parameters;
    private final String signatureAlgorithm;

    KeyType(String algorithm, AlgorithmParameterSpec parameters, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.parameters = parameters;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** A fresh key pair of this type, from the JDK's default providers. */
    public KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(parameters);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate " + this + " keys: " + e.getMessage(), e);
        }
    }

    /** The algorithm a key of this type signs certificates with. */
    String signatureAlgorithm() {
        return signatureAlgorithm;
    }
}
