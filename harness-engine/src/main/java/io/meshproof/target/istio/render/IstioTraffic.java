package io.meshproof.target.istio.render;

import io.meshproof.scenario.Destination;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.BookinfoObjects;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.meshproof.target.kube.ManifestYaml.map;
import static io.meshproof.target.kube.ManifestYaml.metadata;

/**
 * Client-side traffic policy as VirtualServices and DestinationRules, one of each per service.
 * <p>
 * Istio retries by default ({@code attempts: 2} on connect-failure, refused-stream, unavailable,
 * cancelled, from MeshConfig {@code defaultHttpRetryPolicy}), which hides transient failures the
 * scenario wants to see. So every route this renders without scenario retries says
 * {@code retries: {attempts: 0}}, and every service that has client-side policy (a destination)
 * but no route gets a plain VirtualService that says so too: what is observed is then the scenario's
 * behavior, the same as on Linkerd, which does not retry unless told.
 */
final class IstioTraffic {

    static final String NETWORKING = "networking.istio.io/v1";
    /** Retry conditions when a scenario's retries name none: any 5xx, connection failures and resets included. */
    static final String DEFAULT_RETRY_ON = "5xx";

    private final KubeNames names;

    IstioTraffic(KubeNames names) {
        this.names = names;
    }

    List<KubeManifest> render(MeshState mesh) {
        Map<String, Route> routes = new TreeMap<>();
        mesh.routes().forEach(r -> routes.put(r.service(), r));
        Map<String, Destination> destinations = new TreeMap<>();
        mesh.destinations().forEach(d -> destinations.put(d.service(), d));

        List<KubeManifest> manifests = new ArrayList<>();
        TreeSet<String> services = new TreeSet<>(routes.keySet());
        services.addAll(destinations.keySet());
        for (String service : services) {
            Route route = routes.get(service);
            Destination destination = destinations.get(service);
            manifests.add(KubeManifest.of(ApplyOrder.TARGETS, destinationRule(service, route, destination)));
            manifests.add(KubeManifest.of(ApplyOrder.ROUTES, virtualService(service, route)));
        }
        return manifests;
    }

    private Map<String, Object> virtualService(String service, Route route) {
        String host = BookinfoObjects.host(service, names);
        List<Object> http = new ArrayList<>();
        if (route == null) {
            http.add(map("route", List.of(map("destination", map("host", host))), "retries", map("attempts", 0)));
        } else {
            for (Route.Rule rule : route.rules()) {
                http.add(httpRoute(host, rule));
            }
        }
        return map("apiVersion", NETWORKING, "kind", "VirtualService",
                "metadata", metadata(service, names.bookinfoNamespace()),
                "spec", map("hosts", List.of(host), "http", http));
    }

    private Map<String, Object> httpRoute(String host, Route.Rule rule) {
        Map<String, Object> http = new LinkedHashMap<>();
        if (rule.match() != null) {
            Map<String, Object> headers = new LinkedHashMap<>();
            new TreeMap<>(rule.match().headers()).forEach((name, value) -> headers.put(name, map("exact", value)));
            http.put("match", List.of(map("headers", headers)));
        }
        List<Object> destinations = new ArrayList<>();
        for (Route.Backend backend : rule.backends()) {
            destinations.add(map("destination", map("host", host, "subset", backend.version()),
                    "weight", rule.backends().size() > 1 ? backend.weightOr100() : null));
        }
        http.put("route", destinations);
        if (rule.timeout() != null) {
            http.put("timeout", IstioDurations.format(rule.timeout()));
        }
        http.put("retries", retries(rule.retries()));
        if (rule.fault() != null) {
            http.put("fault", fault(rule.fault()));
        }
        return http;
    }

    private static Map<String, Object> retries(Route.Retries retries) {
        if (retries == null) {
            return map("attempts", 0); // see the class comment: no hidden default retries
        }
        return map("attempts", retries.attempts(),
                "perTryTimeout", retries.perTryTimeout() == null ? null : IstioDurations.format(retries.perTryTimeout()),
                "retryOn", retries.on().isEmpty() ? DEFAULT_RETRY_ON : String.join(",", retries.on()));
    }

    private static Map<String, Object> fault(Route.Fault fault) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        if (fault.delay() != null) {
            rendered.put("delay", map("percentage", map("value", fault.delay().percent()),
                    "fixedDelay", IstioDurations.format(fault.delay().fixed())));
        }
        if (fault.abort() != null) {
            rendered.put("abort", map("percentage", map("value", fault.abort().percent()),
                    "httpStatus", fault.abort().status()));
        }
        return rendered;
    }

    private Map<String, Object> destinationRule(String service, Route route, Destination destination) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("host", BookinfoObjects.host(service, names));
        if (destination != null) {
            Map<String, Object> policy = new LinkedHashMap<>();
            Optional.ofNullable(destination.connectionPool()).ifPresent(pool -> policy.put("connectionPool", connectionPool(pool)));
            Optional.ofNullable(destination.outlierDetection()).ifPresent(o -> policy.put("outlierDetection", map(
                    "consecutive5xxErrors", o.consecutive5xx(),
                    "interval", o.interval() == null ? null : IstioDurations.format(o.interval()),
                    "baseEjectionTime", o.baseEjectionTime() == null ? null : IstioDurations.format(o.baseEjectionTime()),
                    // the default 10% would let no host out of a small pool; the scenario sets no cap, and Linkerd has none
                    "maxEjectionPercent", 100)));
            spec.put("trafficPolicy", policy);
        }
        if (route != null) {
            TreeSet<String> versions = new TreeSet<>();
            route.rules().forEach(rule -> rule.backends().forEach(b -> versions.add(b.version())));
            List<Object> subsets = new ArrayList<>();
            versions.forEach(v -> subsets.add(map("name", v, "labels", map("version", v))));
            spec.put("subsets", subsets);
        }
        return map("apiVersion", NETWORKING, "kind", "DestinationRule",
                "metadata", metadata(service, names.bookinfoNamespace()), "spec", spec);
    }

    private static Map<String, Object> connectionPool(Destination.ConnectionPool pool) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        if (pool.maxConnections() != null) {
            rendered.put("tcp", map("maxConnections", pool.maxConnections()));
        }
        if (pool.maxPendingRequests() != null) {
            // 0 would mean "unset" (no limit) to Istio; support() reports that case as unsupported
            rendered.put("http", map("http1MaxPendingRequests", Math.max(1, pool.maxPendingRequests())));
        }
        return rendered;
    }
}
