package io.meshproof.target.local;

import io.meshproof.pki.CertificateAuthority;
import io.meshproof.pki.IssuedCertificate;
import io.meshproof.pki.KeyMaterialDirectory;
import io.meshproof.pki.KeyType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local target's identity provider, what istiod's CA and the sidecar's agent do in Istio: a CA
 * created for the run (EC P-256) issues each sidecar a short-lived certificate for its workload's
 * SPIFFE id, written owner-only into a {@link KeyMaterialDirectory} inside the run's directory.
 * Closing deletes every key.
 */
final class WorkloadCertificates implements AutoCloseable {

    /** Istio's default workload certificate lifetime; a run is far shorter, so nothing is rotated. */
    static final Duration LEAF_VALIDITY = Duration.ofHours(24);
    static final Duration CA_VALIDITY = Duration.ofHours(48);
    static final String CA_NAME = "meshproof local mesh CA";

    private final CertificateAuthority ca;
    private final KeyMaterialDirectory keys;
    private final CertificateFiles files;

    private WorkloadCertificates(CertificateAuthority ca, KeyMaterialDirectory keys) {
        this.ca = ca;
        this.keys = keys;
        this.files = new CertificateFiles(keys.path());
    }

    /** A new CA and an empty key directory in {@code runDirectory}; the trust anchor is written at once. */
    static WorkloadCertificates create(Path runDirectory) {
        CertificateAuthority ca = CertificateAuthority.create(KeyType.EC_P256, CA_NAME, CA_VALIDITY);
        KeyMaterialDirectory keys = KeyMaterialDirectory.createIn(runDirectory);
        try {
            keys.writeCertificates(CertificateFiles.TRUST_ANCHOR, List.of(ca.trustAnchor()));
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
        return new WorkloadCertificates(ca, keys);
    }

    CertificateFiles files() {
        return files;
    }

    /** Issues {@code instance}'s sidecar the identity of {@code workload} and writes it; returns the file. */
    Path issue(String instance, String workload) {
        IssuedCertificate certificate = ca.issueWorkload(workload, LEAF_VALIDITY);
        return keys.writeCertificateAndKey(CertificateFiles.fileName(instance), certificate);
    }

    /** Removes the key of an instance that is gone (an extra instance after its scenario). */
    void withdraw(String instance) {
        keys.delete(CertificateFiles.fileName(instance));
    }

    /** Where the keys are; for tests that prove they are gone after a run. */
    Path directory() {
        return keys.path();
    }

    @Override
    public void close() {
        keys.close();
    }
}
