package io.meshproof.target.local;

import io.meshproof.scenario.MeshState.MtlsMode;

import java.nio.file.Path;

/**
 * The front of a sidecar's inbound listener, as a PeerAuthentication makes it in Istio. STRICT: the
 * port speaks only mutual TLS ({@code verify required} against the mesh CA), so a plaintext client
 * gets its connection closed without an answer. PERMISSIVE (and no mode at all, Istio's default):
 * the port tells a TLS ClientHello from plaintext HTTP by its first bytes and hands the connection
 * to a mutual-TLS frontend or a plaintext one over owner-only unix sockets in the run directory.
 * Either way, a caller that presented a certificate has its SPIFFE id (the subject CN, DESIGN.md
 * section 9) in {@value #PEER}; a plaintext caller has no identity.
 */
final class InboundTls {

    /** The caller's SPIFFE id, as Istio's {@code source.principal}; absent for plaintext callers. */
    static final String PEER = "txn.peer";

    private final SidecarContext context;

    InboundTls(SidecarContext context) {
        this.context = context;
    }

    /** The mode in force: the scenario's, Istio's default PERMISSIVE when absent; the mtls-permissive mutant never renders STRICT. */
    MtlsMode mode() {
        MtlsMode mode = context.mesh().mtls() == null ? MtlsMode.PERMISSIVE : context.mesh().mtls();
        return context.mutant(Mutant.MTLS_PERMISSIVE) ? MtlsMode.PERMISSIVE : mode;
    }

    /** Renders the frontends on the inbound port; every request ends in {@code backend}. */
    void render(StringBuilder out, String backend) {
        String port = "127.0.0.1:" + context.sidecar().inboundPort();
        if (mode() == MtlsMode.STRICT) {
            out.append("frontend inbound\n");
            out.append("    # mTLS STRICT: a client without a certificate of the mesh CA gets no answer\n");
            mutualTlsFrontend(out, port, backend);
            return;
        }
        String mtlsSocket = "unix@" + socket("in-mtls");
        String plainSocket = "unix@" + socket("in-plain");
        out.append("frontend inbound\n");
        out.append("    # mTLS PERMISSIVE: mutual TLS and plaintext on one port, told apart by the first bytes\n");
        out.append("    mode tcp\n");
        out.append("    # the HTTP frontends behind log what went wrong; pooled connections closed by peers are no news\n");
        out.append("    no log\n");
        out.append("    bind ").append(port).append('\n');
        out.append("    tcp-request inspect-delay 5s\n");
        out.append("    tcp-request content accept if { req.ssl_hello_type 1 }\n");
        out.append("    tcp-request content accept if HTTP\n");
        out.append("    use_backend inbound_to_mtls if { req.ssl_hello_type 1 }\n");
        out.append("    default_backend inbound_to_plaintext\n\n");
        out.append("backend inbound_to_mtls\n    mode tcp\n    server mtls ").append(mtlsSocket).append("\n\n");
        out.append("backend inbound_to_plaintext\n    mode tcp\n    server plaintext ").append(plainSocket).append("\n\n");
        out.append("frontend inbound_mtls\n");
        mutualTlsFrontend(out, mtlsSocket + " mode 600", backend);
        out.append("frontend inbound_plaintext\n");
        out.append("    bind ").append(plainSocket).append(" mode 600\n");
        out.append("    default_backend ").append(backend).append("\n\n");
    }

    private void mutualTlsFrontend(StringBuilder out, String address, String backend) {
        CertificateFiles certificates = context.certificates();
        out.append("    bind ").append(address)
                .append(" ssl crt ").append(certificates.identity(context.sidecar().instance()))
                .append(" ca-file ").append(certificates.trustAnchor())
                .append(" verify required\n");
        out.append("    http-request set-var(").append(PEER).append(") ssl_c_s_dn(CN)\n");
        out.append("    default_backend ").append(backend).append("\n\n");
    }

    private Path socket(String purpose) {
        return context.runtimeDir().resolve(context.sidecar().instance() + "." + purpose + ".sock");
    }
}
