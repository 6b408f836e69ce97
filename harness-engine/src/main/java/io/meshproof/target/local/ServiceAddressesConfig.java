package io.meshproof.target.local;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the configuration of the local target's Service addresses, what kube-proxy does in a
 * cluster: a plain TCP balancer per service over its instances' inbound listeners. Only clients
 * outside the mesh use them; sidecars route to endpoints directly.
 */
final class ServiceAddressesConfig {

    private ServiceAddressesConfig() {
    }

    static String render(Map<String, Integer> servicePorts, List<Endpoint> endpoints, Path runtimeDir) {
        StringBuilder out = new StringBuilder("""
                # meshproof Service addresses (kube-proxy of the local target); do not edit
                global
                    master-worker
                    hard-stop-after 10s
                    maxconn 4096
                    stats socket %s mode 600 level admin expose-fd listeners

                defaults
                    mode tcp
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s

                """.formatted(runtimeDir.resolve("services.admin.sock")));
        new TreeMap<>(servicePorts).forEach((service, port) -> {
            out.append("frontend service_").append(service).append('\n');
            out.append("    bind 127.0.0.1:").append(port).append('\n');
            out.append("    default_backend service_").append(service).append("\n\n");
            out.append("backend service_").append(service).append('\n');
            out.append("    balance roundrobin\n");
            endpoints.stream().filter(e -> e.service().equals(service)).sorted(Comparator.comparing(Endpoint::instance))
                    .forEach(e -> out.append("    server ").append(e.instance()).append(" 127.0.0.1:").append(e.inboundPort()).append('\n'));
            out.append('\n');
        });
        return out.toString();
    }
}
