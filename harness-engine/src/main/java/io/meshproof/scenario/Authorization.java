package io.meshproof.scenario;

import java.util.List;

/** Server-side authorization of calls to one service, with Istio's semantics (DENY first, then ALLOW). */
public record Authorization(String service, Action action, List<Rule> rules) {

    public Authorization {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public enum Action { ALLOW, DENY }

    /** Empty lists match anything; workload names in {@code from} (productpage, reviews, ..., tester). */
    public record Rule(List<String> from, List<String> methods, List<String> paths) {
        public Rule {
            from = from == null ? List.of() : List.copyOf(from);
            methods = methods == null ? List.of() : List.copyOf(methods);
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }
}
