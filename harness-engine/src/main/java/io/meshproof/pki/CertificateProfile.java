package io.meshproof.pki;

/**
 * What a certificate may do, as {@code step certificate create --profile} names it; decides its
 * basic constraints, key usages and subject alternative names.
 */
enum CertificateProfile {
    /** Self-signed CA: CA:true with path length 1 (one intermediate below), certSign + cRLSign. */
    ROOT_CA,
    /** CA signed by another CA: CA:true with path length 0 (issues leaves only), certSign + cRLSign. */
    INTERMEDIATE_CA,
    /** Workload certificate: CA:false, SPIFFE URI + DNS + IP SANs, serverAuth + clientAuth. */
    LEAF
}
