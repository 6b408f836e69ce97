package io.meshproof.target.local;

import io.meshproof.scenario.MeshState;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders one sidecar's HAProxy configuration from the mesh state, as a mesh's control plane
 * renders Envoy configuration: the {@link InboundListener} applies server-side rules, one
 * {@link OutboundListener} per called service applies the client-side rules.
 */
public final class SidecarConfig {

    private final SidecarContext context;

    public SidecarConfig(SidecarSpec sidecar, List<Endpoint> endpoints, MeshState mesh, Set<Mutant> mutants, Path runtimeDir,
                         CertificateFiles certificates) {
        this.context = new SidecarContext(sidecar, endpoints, mesh, mutants, runtimeDir, certificates);
    }

    /** Certificates in {@code runtimeDir/keys}: for rendering without a running CA (dry runs, tests). */
    public SidecarConfig(SidecarSpec sidecar, List<Endpoint> endpoints, MeshState mesh, Set<Mutant> mutants, Path runtimeDir) {
        this(sidecar, endpoints, mesh, mutants, runtimeDir, new CertificateFiles(runtimeDir.resolve("keys")));
    }

    public String render() {
        SidecarSpec sidecar = context.sidecar();
        StringBuilder out = new StringBuilder();
        out.append("# meshproof sidecar of ").append(sidecar.instance()).append(" (workload ").append(sidecar.workload()).append(")\n");
        out.append("# rendered by the harness acting as control plane; do not edit\n");
        global(out);
        if (sidecar.inboundPort() != null) {
            new InboundListener(context).render(out);
        }
        new TreeMap<>(sidecar.outboundPorts()).forEach((service, port) -> new OutboundListener(context, service, port).render(out));
        return out.toString();
    }

    private void global(StringBuilder out) {
        out.append("""
                global
                    master-worker
                    hard-stop-after 10s
                    maxconn 4096
                    stats socket %s mode 600 level admin expose-fd listeners
                    # the log holds only requests that ended abnormally (connect timeouts, resets), not every request
                    log stdout format raw local0
                %s
                defaults
                    mode http
                    log global
                    option httplog
                    option dontlog-normal
                    # Istio's default; between sidecars it covers the mutual-TLS handshake, slow on a loaded machine
                    timeout connect 10s
                    # as Envoy's upstream pools: an idle connection to a server serves any request, not only later ones of the same client
                    http-reuse always
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    timeout http-keep-alive 5s
                    timeout queue 10s
                    # no retries unless a route asks for them (Istio's default of 2 would hide failures)
                    retries 0

                """.formatted(context.runtimeDir().resolve(context.sidecar().instance() + ".admin.sock"),
                DelayScript.neededBy(context) ? DelayScript.loadLine(context.runtimeDir()) : ""));
    }
}
