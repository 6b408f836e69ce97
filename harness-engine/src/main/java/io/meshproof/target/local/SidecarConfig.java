package io.meshproof.target.local;

import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders one sidecar's HAProxy configuration from the mesh state, as a mesh's control plane
 * renders Envoy configuration: the inbound listener applies server-side rules, each outbound
 * listener applies the client-side rules for calls to one service.
 */
public final class SidecarConfig {

    /** Largest HAProxy server weight is 256; percentages times two keep 0.5-point resolution. */
    private static final int WEIGHT_SCALE = 2;

    private final SidecarSpec sidecar;
    private final List<Endpoint> endpoints;
    private final MeshState mesh;
    private final Set<Mutant> mutants;
    private final Path runtimeDir;

    public SidecarConfig(SidecarSpec sidecar, List<Endpoint> endpoints, MeshState mesh, Set<Mutant> mutants, Path runtimeDir) {
        this.sidecar = sidecar;
        this.endpoints = List.copyOf(endpoints);
        this.mesh = mesh;
        this.mutants = Set.copyOf(mutants);
        this.runtimeDir = runtimeDir;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("# meshproof sidecar of ").append(sidecar.instance()).append(" (workload ").append(sidecar.workload()).append(")\n");
        out.append("# rendered by the harness acting as control plane; do not edit\n");
        global(out);
        if (sidecar.inboundPort() != null) {
            inbound(out);
        }
        new TreeMap<>(sidecar.outboundPorts()).forEach((service, port) -> outbound(out, service, port));
        return out.toString();
    }

    private void global(StringBuilder out) {
        out.append("""
                global
                    master-worker
                    hard-stop-after 10s
                    maxconn 4096
                    stats socket %s mode 600 level admin

                defaults
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    timeout http-request 10s
                    timeout http-keep-alive 30s
                    timeout queue 10s
                    # no retries unless a route asks for them (Istio's default of 2 would hide failures)
                    retries 0

                """.formatted(runtimeDir.resolve(sidecar.instance() + ".admin.sock")));
    }

    private void inbound(StringBuilder out) {
        out.append("frontend inbound\n");
        out.append("    bind 127.0.0.1:").append(sidecar.inboundPort()).append('\n');
        out.append("    default_backend inbound_app\n\n");
        out.append("backend inbound_app\n");
        out.append("    server app 127.0.0.1:").append(sidecar.appPort()).append("\n\n");
    }

    private void outbound(StringBuilder out, String service, int port) {
        String name = "outbound_" + service;
        Optional<Route> route = mesh.routes().stream().filter(r -> r.service().equals(service)).findFirst();
        out.append("frontend ").append(name).append('\n');
        out.append("    bind 127.0.0.1:").append(port).append('\n');
        if (route.isEmpty()) {
            out.append("    default_backend ").append(name).append("_all\n\n");
            allEndpoints(out, name + "_all", service);
            return;
        }
        List<Route.Rule> rules = route.get().rules().stream()
                .filter(rule -> !(mutants.contains(Mutant.HEADER_IGNORED) && rule.match() != null))
                .toList();
        // first match wins: use_backend lines are evaluated in order; the rule without match is the default
        String defaultBackend = name + "_no_route";
        for (int i = 0; i < rules.size(); i++) {
            Route.Rule rule = rules.get(i);
            if (rule.match() == null) {
                defaultBackend = name + "_rule" + i;
                break;
            }
            List<String> acls = new ArrayList<>();
            for (Map.Entry<String, String> header : new TreeMap<>(rule.match().headers()).entrySet()) {
                String acl = "rule" + i + "_header" + acls.size();
                out.append("    acl ").append(acl).append(" req.hdr(").append(header.getKey()).append(") -m str ")
                        .append(quoted(header.getValue())).append('\n');
                acls.add(acl);
            }
            out.append("    use_backend ").append(name).append("_rule").append(i).append(" if ").append(String.join(" ", acls)).append('\n');
        }
        out.append("    default_backend ").append(defaultBackend).append("\n\n");
        for (int i = 0; i < rules.size(); i++) {
            ruleBackend(out, name + "_rule" + i, service, rules.get(i));
            if (rules.get(i).match() == null) {
                break;
            }
        }
        if (defaultBackend.endsWith("_no_route")) {
            noRoute(out, defaultBackend, service);
        }
    }

    /** No route of the service matched: Istio answers 404 ("route not found"). */
    private static void noRoute(StringBuilder out, String backend, String service) {
        out.append("backend ").append(backend).append('\n');
        out.append("    http-request return status 404 content-type text/plain string \"no route to ").append(service)
                .append(" matched\"\n\n");
    }

    /** Stock behaviour without a route: every endpoint of the service, in turn. */
    private void allEndpoints(StringBuilder out, String backend, String service) {
        out.append("backend ").append(backend).append('\n');
        out.append("    balance roundrobin\n");
        for (Endpoint e : endpointsOf(service, null)) {
            server(out, e, 1);
        }
        out.append('\n');
    }

    private void ruleBackend(StringBuilder out, String backend, String service, Route.Rule rule) {
        out.append("backend ").append(backend).append('\n');
        // roundrobin honours weights exactly; HAProxy's default random(2) does not (DESIGN.md section 9)
        out.append("    balance roundrobin\n");
        Map<String, Double> weights = weights(rule.backends());
        for (Map.Entry<String, Double> w : weights.entrySet()) {
            List<Endpoint> instances = endpointsOf(service, w.getKey());
            for (Endpoint e : instances) {
                int weight = (int) Math.round(w.getValue() * WEIGHT_SCALE / instances.size());
                if (weight > 0) {
                    server(out, e, weight);
                }
            }
        }
        out.append('\n');
    }

    /** Version weights in percent; under the split-skew mutant, 10 points move to the first backend. */
    private Map<String, Double> weights(List<Route.Backend> backends) {
        Map<String, Double> weights = new LinkedHashMap<>();
        backends.forEach(b -> weights.merge(b.version(), (double) b.weightOr100(), Double::sum));
        if (mutants.contains(Mutant.SPLIT_SKEW) && weights.size() > 1) {
            String first = weights.keySet().iterator().next();
            double shift = Math.min(10, 100 - weights.get(first));
            double others = 100 - weights.get(first);
            weights.replaceAll((version, w) -> version.equals(first) ? w + shift : w - shift * w / others);
        }
        return weights;
    }

    private List<Endpoint> endpointsOf(String service, String version) {
        return endpoints.stream()
                .filter(e -> e.service().equals(service) && (version == null || e.version().equals(version)))
                .sorted(Comparator.comparing(Endpoint::instance))
                .toList();
    }

    private static void server(StringBuilder out, Endpoint e, int weight) {
        out.append("    server ").append(e.instance()).append(" 127.0.0.1:").append(e.inboundPort())
                .append(" weight ").append(weight).append('\n');
    }

    /** A double-quoted HAProxy word; quotes, backslashes and control characters escaped so a value cannot add lines. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
