package io.meshproof.target.linkerd.render;

import io.meshproof.scenario.Authorization;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static io.meshproof.target.kube.ManifestYaml.map;
import static io.meshproof.target.kube.ManifestYaml.metadata;
import static io.meshproof.target.linkerd.render.LinkerdPolicy.POLICY_API;
import static io.meshproof.target.linkerd.render.LinkerdPolicy.POLICY_GROUP;

/**
 * ALLOW rules of one service as Linkerd policy on its Server. Each rule names who (an
 * authentication: MeshTLSAuthentication of the callers' identities, or, without {@code from}, any
 * meshed caller under STRICT and any network otherwise) and what (methods, paths).
 * <p>
 * Without methods and paths, each rule is an AuthorizationPolicy on the Server. With them, Linkerd
 * needs inbound HTTPRoutes on the Server, and it picks one route per request (the most specific, by
 * Gateway API precedence: exact path, longest prefix, then method), where Istio ORs every rule. So
 * the routes are made so that the route picked for a request is covered by exactly the rules that
 * match it: one route per combination of a mentioned method (or any) and a mentioned path (or any),
 * each authorized for every rule that covers it. The (any, any) route catches the rest, so a request
 * no rule allows gets 403 (unauthorized route) rather than 404 (no route).
 * Paths: {@code /reviews/*} is the prefix {@code /reviews/}, {@code *.json} a regular expression;
 * Gateway API prefixes match whole path segments, where Istio's match characters.
 */
final class LinkerdAuthorization {

    private final KubeNames names;
    private final boolean strict;

    LinkerdAuthorization(KubeNames names, boolean strict) {
        this.names = names;
        this.strict = strict;
    }

    List<KubeManifest> render(String service, String server, List<Authorization.Rule> rules) {
        List<KubeManifest> manifests = new ArrayList<>();
        List<String> authentications = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String name = service + "-allow-" + i;
            manifests.add(authentication(name, rules.get(i)));
            authentications.add(name);
        }
        boolean routed = rules.stream().anyMatch(r -> !r.methods().isEmpty() || !r.paths().isEmpty());
        if (!routed) {
            for (int i = 0; i < rules.size(); i++) {
                manifests.add(policy(service + "-allow-" + i, "Server", server, rules.get(i), authentications.get(i)));
            }
            return manifests;
        }
        TreeSet<String> methods = new TreeSet<>();
        TreeSet<String> paths = new TreeSet<>();
        rules.forEach(r -> {
            methods.addAll(r.methods());
            paths.addAll(r.paths());
        });
        List<String> methodChoices = new ArrayList<>(methods);
        methodChoices.add(null);
        List<String> pathChoices = new ArrayList<>(paths);
        pathChoices.add(null);
        int n = 0;
        for (String method : methodChoices) {
            for (String path : pathChoices) {
                String route = service + "-authz-" + n++;
                manifests.add(KubeManifest.of(ApplyOrder.ROUTES, inboundRoute(route, server, method, path)));
                for (int i = 0; i < rules.size(); i++) {
                    if (covers(rules.get(i), method, path)) {
                        manifests.add(policy(route + "-allow-" + i, "HTTPRoute", route, rules.get(i), authentications.get(i)));
                    }
                }
            }
        }
        return manifests;
    }

    private KubeManifest authentication(String name, Authorization.Rule rule) {
        if (rule.from().isEmpty() && !strict) {
            return KubeManifest.of(ApplyOrder.TARGETS, map("apiVersion", POLICY_API, "kind", "NetworkAuthentication",
                    "metadata", metadata(name, names.bookinfoNamespace()),
                    "spec", map("networks", List.of(map("cidr", "0.0.0.0/0"), map("cidr", "::/0")))));
        }
        List<String> identities = rule.from().isEmpty() ? List.of("*") : LinkerdPolicy.identities(rule.from(), names);
        return KubeManifest.of(ApplyOrder.TARGETS, map("apiVersion", POLICY_API, "kind", "MeshTLSAuthentication",
                "metadata", metadata(name, names.bookinfoNamespace()), "spec", map("identities", identities)));
    }

    private KubeManifest policy(String name, String targetKind, String target, Authorization.Rule rule, String authentication) {
        String authenticationKind = rule.from().isEmpty() && !strict ? "NetworkAuthentication" : "MeshTLSAuthentication";
        return KubeManifest.of(ApplyOrder.SECURITY, map("apiVersion", POLICY_API, "kind", "AuthorizationPolicy",
                "metadata", metadata(name, names.bookinfoNamespace()),
                "spec", map("targetRef", map("group", POLICY_GROUP, "kind", targetKind, "name", target),
                        "requiredAuthenticationRefs", List.of(map("group", POLICY_GROUP, "kind", authenticationKind, "name", authentication)))));
    }

    private Map<String, Object> inboundRoute(String name, String server, String method, String path) {
        Map<String, Object> match = map("path", path == null ? map("type", "PathPrefix", "value", "/") : pathMatch(path),
                "method", method);
        return map("apiVersion", LinkerdPolicy.SERVER_API, "kind", "HTTPRoute",
                "metadata", metadata(name, names.bookinfoNamespace()),
                "spec", map("parentRefs", List.of(map("group", POLICY_GROUP, "kind", "Server", "name", server)),
                        "rules", List.of(map("matches", List.of(match)))));
    }

    static Map<String, Object> pathMatch(String path) {
        if (path.endsWith("*")) {
            return map("type", "PathPrefix", "value", path.substring(0, path.length() - 1));
        }
        if (path.startsWith("*")) {
            return map("type", "RegularExpression", "value", ".*" + java.util.regex.Pattern.quote(path.substring(1)));
        }
        return map("type", "Exact", "value", path);
    }

    /** Whether every request the route (method or any, path or any) takes is one the rule matches. */
    static boolean covers(Authorization.Rule rule, String method, String path) {
        boolean methodCovered = rule.methods().isEmpty() || (method != null && rule.methods().contains(method));
        boolean pathCovered = rule.paths().isEmpty() || (path != null && rule.paths().stream().anyMatch(q -> pathCovers(q, path)));
        return methodCovered && pathCovered;
    }

    private static boolean pathCovers(String pattern, String path) {
        if (pattern.equals(path)) {
            return true;
        }
        if (pattern.endsWith("*") && !path.startsWith("*")) {
            return stripStar(path).startsWith(pattern.substring(0, pattern.length() - 1));
        }
        if (pattern.startsWith("*") && !path.endsWith("*") && !path.startsWith("*")) {
            return path.endsWith(pattern.substring(1));
        }
        return false;
    }

    private static String stripStar(String path) {
        return path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
    }
}
