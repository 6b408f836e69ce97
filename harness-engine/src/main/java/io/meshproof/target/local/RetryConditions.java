package io.meshproof.target.local;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scenario retry conditions (Istio's {@code retryOn} names, with Envoy's meaning) as HAProxy
 * {@code retry-on} keywords. In Envoy, {@code 5xx}, {@code gateway-error} and {@code reset} all retry
 * a reset, a connect failure and a per-try timeout as well as their statuses.
 */
final class RetryConditions {

    /** What a scenario's retries mean when they name no condition; the Istio renderer sends the same. */
    static final List<String> DEFAULT = List.of("5xx");

    private static final List<String> RESET = List.of("conn-failure", "empty-response", "junk-response", "response-timeout");

    private RetryConditions() {
    }

    /** The conditions the local target cannot express: Envoy's retriable-4xx is 409, which HAProxy cannot retry on. */
    static boolean expressible(List<String> on) {
        return !on.contains("retriable-4xx");
    }

    /**
     * The {@code retry-on} keywords, or {@code none}. HAProxy retries on the statuses 500 to 504 only
     * (Envoy's 5xx is 500 to 599). {@code refused-stream} is an HTTP/2 REFUSED_STREAM, which the
     * sidecars' HTTP/1.1 upstreams never send: it adds nothing.
     */
    static String retryOn(List<String> on) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String condition : on.isEmpty() ? DEFAULT : on) {
            switch (condition) {
                case "5xx" -> {
                    keywords.addAll(RESET);
                    keywords.addAll(List.of("500", "501", "502", "503", "504"));
                }
                case "gateway-error" -> {
                    keywords.addAll(RESET);
                    keywords.addAll(List.of("502", "503", "504"));
                }
                case "reset" -> keywords.addAll(RESET);
                case "connect-failure" -> keywords.add("conn-failure");
                case "refused-stream" -> {
                    // nothing to retry over HTTP/1.1
                }
                default -> throw new IllegalArgumentException("retry condition '" + condition + "' cannot be rendered by the local target");
            }
        }
        return keywords.isEmpty() ? "none" : String.join(" ", keywords);
    }
}
