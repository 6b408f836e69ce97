package io.meshproof.target.local;

import io.meshproof.scenario.Route;

import java.time.Duration;

/**
 * A rule's timeout and retries, on the backend the rule routes to.
 *
 * <p>HAProxy's {@code timeout server} bounds each try (the wait for the upstream's answer), where
 * Istio's route {@code timeout} bounds the whole request across its retries: with retries, each try
 * is bounded by {@code perTryTimeout} (or by the route timeout when there is none), and there is no
 * overall bound. A timeout is answered 504 with Envoy's body. Retries redispatch on every try, so a
 * retry goes to another endpoint when there is one (HAProxy's round robin skips the previous server,
 * as Istio's default {@code previous_hosts} predicate does); they go at once, without Envoy's 25 ms
 * jittered back-off.
 */
final class RequestPolicy {

    private RequestPolicy() {
    }

    static void render(SidecarContext context, StringBuilder out, Route.Rule rule) {
        Duration timeout = context.mutant(Mutant.TIMEOUT_IGNORED) ? null : rule.timeout();
        Route.Retries retries = context.mutant(Mutant.RETRY_IGNORED) ? null : rule.retries();
        Duration perTry = timeout;
        if (retries != null && retries.perTryTimeout() != null) {
            perTry = timeout == null || retries.perTryTimeout().compareTo(timeout) < 0 ? retries.perTryTimeout() : timeout;
        }
        if (perTry != null) {
            out.append("    timeout server ").append(HaproxyText.millis(perTry)).append('\n');
            out.append("    http-error status 504 content-type text/plain string \"upstream request timeout\"\n");
        }
        if (retries != null) {
            out.append("    retries ").append(retries.attempts()).append('\n');
            out.append("    retry-on ").append(RetryConditions.retryOn(retries.on())).append('\n');
            // a retry may pick another endpoint; L7 retries replay the request, so keep all of it
            out.append("    option redispatch 1\n");
            out.append("    option http-buffer-request\n");
        }
    }
}
