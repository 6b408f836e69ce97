package io.meshproof.target.local;

import io.meshproof.scenario.Route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outbound side of a sidecar for calls to one service: where the app's calls to that service
 * land (as iptables capture would send them). Client-side rules live here: routes (first match
 * wins), splits, and per rule the faults, timeouts and retries, and per destination the
 * connection pool and outlier detection.
 *
 * <p>The matching rule is chosen once per request into {@code txn.rule}, so that every later
 * directive (faults, backend choice) can depend on it.
 */
final class OutboundListener {

    /** Largest HAProxy server weight is 256; percentages times two keep 0.5-point resolution. */
    private static final int WEIGHT_SCALE = 2;

    private final SidecarContext context;
    private final String service;
    private final int port;
    private final String name;

    OutboundListener(SidecarContext context, String service, int port) {
        this.context = context;
        this.service = service;
        this.port = port;
        this.name = "outbound_" + service;
    }

    void render(StringBuilder out) {
        Optional<Route> route = context.mesh().routes().stream().filter(r -> r.service().equals(service)).findFirst();
        out.append("frontend ").append(name).append('\n');
        out.append("    bind 127.0.0.1:").append(port).append('\n');
        if (route.isEmpty()) {
            out.append("    default_backend ").append(name).append("_all\n\n");
            allEndpoints(out, name + "_all");
            return;
        }
        List<Route.Rule> rules = applicableRules(route.get());
        selectRule(out, rules);
        for (int i = 0; i < rules.size(); i++) {
            out.append("    use_backend ").append(backendOf(i)).append(" if { var(txn.rule) -m int ").append(i).append(" }\n");
        }
        out.append("    default_backend ").append(name).append("_no_route\n\n");
        for (int i = 0; i < rules.size(); i++) {
            ruleBackend(out, backendOf(i), rules.get(i));
        }
        noRoute(out, name + "_no_route");
    }

    /** The rules in force; the header-ignored mutant drops every rule with a match. */
    private List<Route.Rule> applicableRules(Route route) {
        List<Route.Rule> rules = new ArrayList<>();
        for (Route.Rule rule : route.rules()) {
            if (context.mutant(Mutant.HEADER_IGNORED) && rule.match() != null) {
                continue;
            }
            rules.add(rule);
            if (rule.match() == null) {
                break; // the validator rejects rules after the default; nothing after it can apply
            }
        }
        return rules;
    }

    /** First match wins: each rule sets {@code txn.rule} only if no earlier rule did. */
    private void selectRule(StringBuilder out, List<Route.Rule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            Route.Rule rule = rules.get(i);
            List<String> conditions = new ArrayList<>();
            if (i > 0) {
                conditions.add("!{ var(txn.rule) -m found }");
            }
            if (rule.match() != null) {
                int h = 0;
                for (Map.Entry<String, String> header : new TreeMap<>(rule.match().headers()).entrySet()) {
                    String acl = "rule" + i + "_header" + h++;
                    out.append("    acl ").append(acl).append(" req.hdr(").append(header.getKey()).append(") -m str ")
                            .append(HaproxyText.quoted(header.getValue())).append('\n');
                    conditions.add(acl);
                }
            }
            out.append("    http-request set-var(txn.rule) int(").append(i).append(')')
                    .append(conditions.isEmpty() ? "" : " if " + String.join(" ", conditions)).append('\n');
        }
    }

    private String backendOf(int rule) {
        return name + "_rule" + rule;
    }

    /** No route of the service matched: Istio answers 404 ("route not found"). */
    private void noRoute(StringBuilder out, String backend) {
        out.append("backend ").append(backend).append('\n');
        out.append("    http-request return status 404 content-type text/plain string \"no route to ").append(service)
                .append(" matched\"\n\n");
    }

    /** Stock behaviour without a route: every endpoint of the service, in turn. */
    private void allEndpoints(StringBuilder out, String backend) {
        out.append("backend ").append(backend).append('\n');
        out.append("    balance roundrobin\n");
        for (Endpoint e : context.endpointsOf(service, null)) {
            server(out, e, 1);
        }
        out.append('\n');
    }

    private void ruleBackend(StringBuilder out, String backend, Route.Rule rule) {
        out.append("backend ").append(backend).append('\n');
        // roundrobin honours weights exactly; HAProxy's default random(2) does not (DESIGN.md section 9)
        out.append("    balance roundrobin\n");
        for (Map.Entry<String, Double> w : weights(rule.backends()).entrySet()) {
            List<Endpoint> instances = context.endpointsOf(service, w.getKey());
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
        if (context.mutant(Mutant.SPLIT_SKEW) && weights.size() > 1) {
            String first = weights.keySet().iterator().next();
            double shift = Math.min(10, 100 - weights.get(first));
            double others = 100 - weights.get(first);
            weights.replaceAll((version, w) -> version.equals(first) ? w + shift : w - shift * w / others);
        }
        return weights;
    }

    /** One endpoint as a server of a backend; every option of the destination goes on this line. */
    private void server(StringBuilder out, Endpoint e, int weight) {
        out.append("    server ").append(e.instance()).append(" 127.0.0.1:").append(e.inboundPort())
                .append(" weight ").append(weight).append(OutboundTls.serverOptions(context, service)).append('\n');
    }
}
