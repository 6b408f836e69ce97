package io.meshproof.target.linkerd.render;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scenario retry conditions (Istio's {@code retryOn} names) in Linkerd's terms. Linkerd retries
 * by response status only ({@code retry.linkerd.io/http}: {@code 5xx}, {@code gateway-error}, or
 * codes and ranges); connection-level conditions have no counterpart there.
 */
final class LinkerdRetryConditions {

    /** Conditions Linkerd cannot express, with no status to stand for them. */
    static final Set<String> UNMAPPED = Set.of("connect-failure", "reset", "refused-stream");

    private LinkerdRetryConditions() {
    }

    /** The value of {@code retry.linkerd.io/http}; empty when none of the conditions maps. No conditions means 5xx. */
    static String linkerdConditions(List<String> on) {
        if (on.isEmpty()) {
            return "5xx";
        }
        Set<String> conditions = new LinkedHashSet<>();
        for (String condition : on) {
            switch (condition) {
                case "5xx" -> conditions.add("5xx");
                case "gateway-error" -> conditions.add("gateway-error");
                case "retriable-4xx" -> conditions.add("409"); // Envoy's retriable-4xx is 409 only
                default -> {
                    // connection-level: no Linkerd condition
                }
            }
        }
        return String.join(",", conditions);
    }
}
