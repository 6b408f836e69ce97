package io.meshproof.target.linkerd.render;

import io.meshproof.scenario.DurationText;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.BookinfoObjects;
import io.meshproof.target.kube.HaproxyBackend;
import io.meshproof.target.kube.HaproxyWorkload;
import io.meshproof.target.kube.KubeImages;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static io.meshproof.target.kube.ManifestYaml.map;

/**
 * Client-side routing as Gateway API HTTPRoutes attached to the service ({@code parentRefs} of
 * group "" kind Service, port 9080), with per-version Services ({@code reviews-v1}) as backends:
 * Linkerd has no subsets. Header matches, weights and {@code timeouts.request} are fields of the
 * route; retries are annotations on the HTTPRoute ({@code retry.linkerd.io/*}), so rules that retry
 * differently get an HTTPRoute each. Linkerd does not retry unless told, so nothing is needed to
 * switch retries off.
 * <p>
 * Faults are emulated, as Linkerd's docs do it: the rule's backends are split by weight between the
 * real versions and stand-in HAProxy backends (see {@link HaproxyBackend}) that answer with the abort
 * status, or wait the delay and then pass the request on to that version (or answer with the abort
 * status, for requests that both delay and abort pick). The weights give each outcome the share the
 * fault's percentages give it in Envoy, where delay and abort are drawn independently. Weights are in
 * hundredths of a percent.
 */
final class LinkerdRoutes {

    static final String GATEWAY = "gateway.networking.k8s.io/v1";
    static final String INJECTOR_ROLE_LABEL = "meshproof.io/role";
    private static final int SCALE = 100 * 100;

    private final KubeNames names;
    private final KubeImages images;
    /** Stand-in backends by name: rules that need the same one share it. */
    private final Map<String, HaproxyBackend> injectors = new TreeMap<>();

    LinkerdRoutes(KubeNames names, KubeImages images) {
        this.names = names;
        this.images = images;
    }

    List<KubeManifest> render(MeshState mesh) {
        List<KubeManifest> manifests = new ArrayList<>();
        for (Route route : mesh.routes()) {
            List<Route.Rule> rules = route.rules();
            boolean sameRetries = rules.stream().map(Route.Rule::retries).distinct().count() <= 1;
            if (sameRetries) {
                manifests.add(httpRoute(route.service(), route.service(), rules));
            } else {
                for (int i = 0; i < rules.size(); i++) {
                    manifests.add(httpRoute(route.service(), route.service() + "-rule-" + i, List.of(rules.get(i))));
                }
            }
        }
        injectors.forEach((name, backend) -> {
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app", name);
            labels.put(INJECTOR_ROLE_LABEL, "fault-injector");
            manifests.addAll(HaproxyWorkload.render(name, labels, null, 1, backend, true, names, images));
        });
        return manifests;
    }

    private KubeManifest httpRoute(String service, String name, List<Route.Rule> rules) {
        List<Object> rendered = new ArrayList<>();
        for (Route.Rule rule : rules) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (rule.match() != null) {
                List<Object> headers = new ArrayList<>();
                new TreeMap<>(rule.match().headers()).forEach((header, value) ->
                        headers.add(map("type", "Exact", "name", header, "value", value)));
                r.put("matches", List.of(map("headers", headers)));
            }
            r.put("backendRefs", backendRefs(service, rule));
            if (rule.timeout() != null) {
                r.put("timeouts", map("request", DurationText.format(rule.timeout())));
            }
            rendered.add(r);
        }
        Map<String, Object> metadata = map("name", name, "namespace", names.bookinfoNamespace(),
                "annotations", retryAnnotations(rules.get(0).retries()));
        return KubeManifest.of(ApplyOrder.ROUTES, map("apiVersion", GATEWAY, "kind", "HTTPRoute", "metadata", metadata,
                "spec", map("parentRefs", List.of(map("group", "", "kind", "Service", "name", service, "port", BookinfoObjects.PORT)),
                        "rules", rendered)));
    }

    private List<Object> backendRefs(String service, Route.Rule rule) {
        Route.Fault fault = rule.fault();
        double delayed = fault == null || fault.delay() == null ? 0 : fault.delay().percent() / 100;
        double aborted = fault == null || fault.abort() == null ? 0 : fault.abort().percent() / 100;
        Map<String, Long> weights = new LinkedHashMap<>();
        for (Route.Backend backend : rule.backends()) {
            double share = backend.weightOr100() / 100.0;
            weights.merge(BookinfoObjects.versionService(service, backend.version()), round(share * (1 - delayed) * (1 - aborted)), Long::sum);
            if (delayed > 0) {
                String upstream = BookinfoObjects.host(BookinfoObjects.versionService(service, backend.version()), names) + ":" + BookinfoObjects.PORT;
                String injector = injector(service + "-" + backend.version() + "-delay-" + fault.delay().fixed().toMillis() + "ms",
                        HaproxyBackend.delayThenProxy(fault.delay().fixed(), upstream));
                weights.merge(injector, round(share * delayed * (1 - aborted)), Long::sum);
            }
        }
        if (aborted > 0) {
            int status = fault.abort().status();
            weights.merge(injector(service + "-abort-" + status, HaproxyBackend.respond(status)), round((1 - delayed) * aborted), Long::sum);
            if (delayed > 0) {
                weights.merge(injector(service + "-delay-" + fault.delay().fixed().toMillis() + "ms-abort-" + status,
                        HaproxyBackend.delayThenRespond(fault.delay().fixed(), status)), round(delayed * aborted), Long::sum);
            }
        }
        boolean split = weights.size() > 1;
        List<Object> refs = new ArrayList<>();
        weights.forEach((backend, weight) -> {
            if (!split || weight > 0) {
                refs.add(map("name", backend, "port", BookinfoObjects.PORT, "weight", split ? weight : null));
            }
        });
        return refs;
    }

    private String injector(String name, HaproxyBackend backend) {
        HaproxyBackend existing = injectors.putIfAbsent(name, backend);
        if (existing != null && !Objects.equals(existing, backend)) {
            throw new IllegalStateException("two different stand-in backends named " + name);
        }
        return name;
    }

    private static long round(double share) {
        return Math.round(share * SCALE);
    }

    /** {@code retry.linkerd.io/*} annotations, or null when the rules do not retry. */
    static Map<String, Object> retryAnnotations(Route.Retries retries) {
        if (retries == null) {
            return null;
        }
        String on = LinkerdRetryConditions.linkerdConditions(retries.on());
        if (on.isEmpty()) {
            return null; // nothing Linkerd can retry on; support() says so
        }
        return map("retry.linkerd.io/http", on,
                "retry.linkerd.io/limit", String.valueOf(retries.attempts()),
                "retry.linkerd.io/timeout", retries.perTryTimeout() == null ? null : DurationText.format(retries.perTryTimeout()));
    }
}
