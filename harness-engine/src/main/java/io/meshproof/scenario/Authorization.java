package io.meshproof.scenario;

import java.util.List;

/** Server-side authorization of calls to one service, with Istio's semantics (DENY first, then ALLOW). */
public record Authorization(String service, Action action, List<Rule> rules) {

    public Authorization {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public enum Action { ALLOW, DENY }

    /**
     * Empty lists match anything; workload names in {@code from} (productpage, reviews, ..., tester).
     * A path ending in {@code *} is a prefix, any other is exact (Istio's {@code paths}).
     */
    public record Rule(List<String> from, List<String> methods, List<String> paths) {
        public Rule {
            from = from == null ? List.of() : List.copyOf(from);
            methods = methods == null ? List.of() : List.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
        }

        /**
         * Whether this rule matches a request.
         *
         * @param caller the calling workload, or null for a plaintext caller (which has no identity, so
         *               matches no {@code from})
         * @param path   the request path; a query string is ignored
         */
        public boolean matches(String caller, String method, String path) {
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            return (from.isEmpty() || (caller != null && from.contains(caller)))
                    && (methods.isEmpty() || methods.contains(method))
                    && (paths.isEmpty() || paths.stream().anyMatch(p -> isPrefix(p) ? bare.startsWith(prefix(p)) : bare.equals(p)));
        }
    }

    /** Whether a {@code paths} entry is a prefix ({@code /reviews/*}). */
    public static boolean isPrefix(String pathPattern) {
        return pathPattern.endsWith("*");
    }

    /** The prefix of a prefix pattern: {@code /reviews/*} -> {@code /reviews/}. */
    public static String prefix(String pathPattern) {
        return pathPattern.substring(0, pathPattern.length() - 1);
    }

    /**
     * Istio's decision for a request to {@code service}: refused when a DENY policy of the service has a
     * matching rule, or when the service has ALLOW policies and none has a matching rule (an ALLOW
     * policy without rules allows nothing).
     */
    public static boolean refuses(List<Authorization> policies, String service, String caller, String method, String path) {
        List<Authorization> mine = policies.stream().filter(p -> p.service().equals(service)).toList();
        boolean denied = mine.stream().filter(p -> p.action() == Action.DENY)
                .anyMatch(p -> p.rules().stream().anyMatch(r -> r.matches(caller, method, path)));
        if (denied) {
            return true;
        }
        List<Authorization> allows = mine.stream().filter(p -> p.action() == Action.ALLOW).toList();
        return !allows.isEmpty() && allows.stream()
                .noneMatch(p -> p.rules().stream().anyMatch(r -> r.matches(caller, method, path)));
    }
}
