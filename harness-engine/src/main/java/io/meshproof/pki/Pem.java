package io.meshproof.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** PEM text of certificates and keys, as HAProxy, OpenSSL and the meshes' Helm values read it. */
public final class Pem {

    private Pem() {
    }

    /** {@code -----BEGIN CERTIFICATE-----} blocks, in the order given. */
    public static String certificates(List<X509Certificate> certificates) {
        return write(writer -> {
            for (X509Certificate certificate : certificates) {
                writer.writeObject(certificate);
            }
        });
    }

    public static String certificate(X509Certificate certificate) {
        return certificates(List.of(certificate));
    }

    /**
     * An unencrypted PKCS#8 {@code -----BEGIN PRIVATE KEY-----} block: read by OpenSSL (HAProxy) and,
     * since Linkerd stable-2.9 (linkerd2 #4597), by Linkerd's identity controller.
     */
    public static String privateKey(PrivateKey key) {
        return write(writer -> writer.writeObject(new JcaPKCS8Generator(key, null)));
    }

    private interface PemBody {
        void writeTo(JcaPEMWriter writer) throws IOException;
    }

    private static String write(PemBody body) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            body.writeTo(writer);
        } catch (IOException e) {
            // Writing to memory only fails on unencodable input; never include the object: it may be a key.
            throw new UncheckedIOException("Could not PEM-encode: " + e.getMessage(), e);
        }
        return text.toString();
    }
}
