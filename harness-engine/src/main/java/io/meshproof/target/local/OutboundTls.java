package io.meshproof.target.local;

import io.meshproof.bookinfo.BookinfoCatalog;

/**
 * Sidecar-to-sidecar traffic is mutual TLS, as between Istio sidecars: the client sidecar presents
 * its own workload certificate and accepts only a server whose certificate comes from the mesh CA
 * and names the called service.
 */
final class OutboundTls {

    private OutboundTls() {
    }

    /** The options of a {@code server} line towards an instance of {@code service}. */
    static String serverOptions(SidecarContext context, String service) {
        CertificateFiles certificates = context.certificates();
        String host = service + "." + BookinfoCatalog.NAMESPACE + ".svc.cluster.local";
        return " ssl crt " + certificates.identity(context.sidecar().instance())
                + " ca-file " + certificates.trustAnchor()
                + " verify required verifyhost " + host + " sni str(" + host + ")";
    }
}
