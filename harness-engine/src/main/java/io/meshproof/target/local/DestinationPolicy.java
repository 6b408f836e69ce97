package io.meshproof.target.local;

import io.meshproof.scenario.Destination;

import java.time.Duration;
import java.util.Optional;

/**
 * A destination's client-side policy (Istio's DestinationRule traffic policy) as the outbound
 * listener of one service renders it: the connection pool and outlier detection.
 *
 * <p>Connection pool: {@code maxConnections} becomes each server's {@code maxconn} (HAProxy has no
 * per-backend connection limit, so the limit is per endpoint where Envoy's is per cluster; the same
 * for a service with one endpoint); a request that finds every connection busy waits in the backend's
 * queue. HAProxy's round robin queues in the backend, where a server's {@code maxqueue} does not
 * apply, so {@code maxPendingRequests} is a guard in the frontend: a request that would find the
 * backend holding {@code endpoints x maxConnections + maxPendingRequests} requests (in flight and
 * waiting, {@code be_conn}) is answered 503 at once, as Envoy's circuit breaker answers an overflow.
 * A request waits at most {@code timeout queue} (10 s) where Envoy lets it wait for the route timeout.
 *
 * <p>Outlier detection: {@code observe layer7 error-limit N on-error mark-down} takes a server out after
 * N consecutive errors (5xx other than 501 and 505, timeouts, broken answers). It comes back through
 * the active health check ({@code GET /health}, which bookinfo answers 200 whatever its behavior, as
 * ratings.js does): {@code mark-down} leaves the server needing {@code rise} good checks, the first
 * {@code fastinter} after the ejection and the others {@code fastinter} apart, so with checks every
 * {@code interval} and {@code rise = baseEjectionTime / interval} the ejection lasts
 * {@code baseEjectionTime} (and the time to run the checks), as Envoy's first one does (Envoy lengthens
 * later ejections, base x times ejected; here each lasts the same). A good check also resets HAProxy's
 * count of consecutive errors (seen on 2.6.12: with checks every 250 ms, errors 300 ms apart never add
 * up; {@code EjectionTimingTest}), so while a server is in rotation it is checked only once an hour
 * ({@code inter}, with {@code fall 1} so that it is fully up again after its last good check): errors
 * count as consecutive however slowly they come, as in Envoy. The checks only bring servers back
 * (Envoy runs none). No share of the endpoints is kept in: every one may be ejected (the Istio renderer
 * sets maxEjectionPercent 100).
 */
final class DestinationPolicy {

    /** Marks the sidecars' own health checks, which a mesh's data plane does not send, so that rate limits leave them out. */
    static final String HEALTH_CHECK_HEADER = "x-meshproof-health-check";

    /** Checks of a server in rotation: rare enough not to reset its count of consecutive errors during a scenario. */
    private static final String CHECKS_WHILE_UP = "1h";

    private final SidecarContext context;
    private final Destination destination;

    private DestinationPolicy(SidecarContext context, Destination destination) {
        this.context = context;
        this.destination = destination;
    }

    static DestinationPolicy of(SidecarContext context, String service) {
        Destination destination = context.mesh().destinations().stream().filter(d -> d.service().equals(service)).findFirst().orElse(null);
        return new DestinationPolicy(context, destination);
    }

    private Optional<Destination.ConnectionPool> pool() {
        if (destination == null || context.mutant(Mutant.POOL_UNLIMITED)) {
            return Optional.empty();
        }
        return Optional.ofNullable(destination.connectionPool()).filter(p -> p.maxConnections() != null);
    }

    private Optional<Destination.OutlierDetection> outliers() {
        if (destination == null || context.mutant(Mutant.EJECTION_OFF)) {
            return Optional.empty();
        }
        return Optional.ofNullable(destination.outlierDetection());
    }

    /** Options for the server line of every endpoint of the service. */
    String serverOptions() {
        StringBuilder options = new StringBuilder();
        pool().ifPresent(p -> options.append(" maxconn ").append(p.maxConnections()));
        outliers().ifPresent(o -> {
            String interval = HaproxyText.millis(o.interval());
            options.append(" check inter ").append(CHECKS_WHILE_UP).append(" fastinter ").append(interval).append(" downinter ").append(interval)
                    .append(" rise ").append(rise(o.baseEjectionTime(), o.interval())).append(" fall 1")
                    .append(" observe layer7 error-limit ").append(o.consecutive5xx()).append(" on-error mark-down");
        });
        return options.toString();
    }

    /** Good checks, {@code interval} apart, that bring an ejected server back after {@code baseEjectionTime}. */
    static long rise(Duration baseEjectionTime, Duration interval) {
        long intervalMs = Math.max(1, interval.toMillis());
        return Math.max(1, (baseEjectionTime.toMillis() + intervalMs - 1) / intervalMs);
    }

    /** Lines of every backend of the service. */
    void backend(StringBuilder out) {
        if (outliers().isPresent()) {
            out.append("    option httpchk GET /health\n");
            // without it a check may take as long as inter
            out.append("    timeout check ").append(HaproxyText.millis(outliers().get().interval())).append('\n');
            out.append("    http-check send hdr ").append(HEALTH_CHECK_HEADER).append(" true\n");
        }
    }

    /**
     * The overflow guard in the frontend for requests bound to {@code backend} (when {@code condition},
     * an ACL expression, holds, or always when it is empty), which has {@code endpoints} servers.
     */
    void overflowGuard(StringBuilder out, String backend, String condition, int endpoints) {
        Optional<Destination.ConnectionPool> pool = pool();
        if (pool.isEmpty() || pool.get().maxPendingRequests() == null && !context.mutant(Mutant.POOL_NO_QUEUE)) {
            return; // without a pending limit requests wait for a connection (up to timeout queue)
        }
        int pending = context.mutant(Mutant.POOL_NO_QUEUE) || pool.get().maxPendingRequests() == null ? 0 : pool.get().maxPendingRequests();
        long capacity = (long) endpoints * pool.get().maxConnections() + pending;
        out.append("    http-request return status 503 content-type text/plain string \"upstream connect error or disconnect/reset before headers."
                        + " reset reason: overflow\" hdr x-envoy-overloaded true if ")
                .append(condition.isEmpty() ? "" : condition + " ").append("{ be_conn(").append(backend).append(") ge ").append(capacity).append(" }\n");
    }
}
