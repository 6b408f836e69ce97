package io.meshproof.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;

/**
 * The load to drive: one request shape, an arrival model, and bounds on both count and time.
 * Every plan is bounded: it ends at {@code maxRequests} or {@code maxDuration}, whichever comes first.
 *
 * @param baseUri        where requests go ({@code http://127.0.0.1:41234}); loopback only unless {@code allowRemote}
 * @param method         HTTP method
 * @param path           request path ({@code /api/v1/products/0/reviews})
 * @param headers        extra request headers ({@code end-user}, a session {@code cookie})
 * @param ratePerSecond  open model: arrivals per second; null for the closed model
 * @param concurrency    closed model: users that each send the next request when the last one ended; null for open
 * @param maxRequests    the number of requests to send (the open model sends exactly this many unless time runs out)
 * @param maxDuration    the longest the load may run
 * @param requestTimeout a request that takes longer ends as {@link ConnectionError#TIMEOUT}
 * @param sender         who sends, recorded in every {@link RequestRecord}
 * @param allowRemote    true only for cluster targets reached through a non-loopback address, set by the user
 */
public record LoadPlan(
        URI baseUri,
        String method,
        String path,
        Map<String, String> headers,
        Double ratePerSecond,
        Integer concurrency,
        int maxRequests,
        Duration maxDuration,
        Duration requestTimeout,
        String sender,
        boolean allowRemote) {

    public LoadPlan {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if ((ratePerSecond == null) == (concurrency == null)) {
            throw new IllegalArgumentException("a load plan needs exactly one of ratePerSecond (open model) or concurrency (closed model)");
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("maxRequests must be at least 1, was " + maxRequests);
        }
        if (maxDuration == null || maxDuration.isZero() || maxDuration.isNegative()) {
            throw new IllegalArgumentException("every load is bounded in time: maxDuration must be positive");
        }
        if (!allowRemote && !isLoopback(baseUri)) {
            throw new IllegalArgumentException("load may only target loopback addresses (127.0.0.0/8), not " + baseUri);
        }
    }

    public boolean openModel() {
        return ratePerSecond != null;
    }

    public URI uri() {
        return baseUri.resolve(path);
    }

    static boolean isLoopback(URI uri) {
        try {
            return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
