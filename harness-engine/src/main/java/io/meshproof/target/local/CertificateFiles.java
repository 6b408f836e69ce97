package io.meshproof.target.local;

import java.nio.file.Path;

/**
 * Where a sidecar finds its mesh identity on disk: the trust anchor every sidecar verifies peers
 * against, and per instance its certificate chain with its private key (HAProxy's {@code crt}).
 * Only paths: the files are written by {@link WorkloadCertificates}.
 */
public record CertificateFiles(Path directory) {

    static final String TRUST_ANCHOR = "ca.pem";

    /** The root certificate of the mesh's CA ({@code ca-file}). */
    public Path trustAnchor() {
        return directory.resolve(TRUST_ANCHOR);
    }

    /** The certificate chain and private key of one instance ({@code crt}), e.g. {@code reviews-v1-x7k2p.pem}. */
    public Path identity(String instance) {
        return directory.resolve(fileName(instance));
    }

    static String fileName(String instance) {
        return instance + ".pem";
    }
}
