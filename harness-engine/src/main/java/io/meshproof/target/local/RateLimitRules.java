package io.meshproof.target.local;

import io.meshproof.scenario.RateLimit;

import java.util.OptionalInt;

/**
 * A local rate limit on the inbound side of each instance of a service, as Envoy's local_ratelimit
 * filter in the inbound sidecar does: requests over the limit get 429 {@code local_rate_limited}.
 * Rendered in the backend in front of the app, after the frontend's authorization, as Istio inserts
 * the filter before the router, after RBAC: a refused request uses none of the limit.
 *
 * <p>A one-entry stick table counts the requests let through ({@code gpc_rate} over 1 s); a request
 * is refused when that rate has reached the limit, and counted only when let through, else refused
 * requests would use up the limit. HAProxy's rate is a sliding window (this second's count plus the
 * previous second's, weighted by the part of it still in the window), so at most about
 * {@code requestsPerSecond} pass in any second; Envoy's is a token bucket of {@code requestsPerSecond}
 * tokens refilled every second, which lets up to twice that through across a refill and a full bucket
 * at the start. Sticky counter 2 is used so that other rules keep 0 and 1. The client sidecars' health
 * checks (of outlier detection) are not counted: Istio's probes do not pass the inbound listener.
 */
final class RateLimitRules {

    private RateLimitRules() {
    }

    static void render(SidecarContext context, StringBuilder out) {
        OptionalInt limit = limit(context);
        if (limit.isEmpty()) {
            return;
        }
        out.append("    stick-table type integer size 1 expire 10s store gpc_rate(1,1s)\n");
        out.append("    http-request track-sc2 int(0) unless { req.hdr(").append(DestinationPolicy.HEALTH_CHECK_HEADER).append(") -m found }\n");
        out.append("    http-request return status 429 content-type text/plain string \"local_rate_limited\" hdr x-local-rate-limit true")
                .append(" if { sc_gpc_rate(0,2) ge ").append(limit.getAsInt()).append(" }\n");
        out.append("    http-request sc-inc-gpc(0,2)\n");
    }

    /** The lowest limit the mesh sets on this sidecar's service. */
    private static OptionalInt limit(SidecarContext context) {
        if (context.mutant(Mutant.RATELIMIT_OFF)) {
            return OptionalInt.empty();
        }
        return context.mesh().rateLimits().stream().filter(l -> l.service().equals(context.sidecar().workload()))
                .mapToInt(RateLimit::requestsPerSecond).min();
    }
}
