package io.meshproof.scenario;

import java.time.Duration;

/** Client-side policies for calls to one service: connection pool and outlier detection. */
public record Destination(String service, ConnectionPool connectionPool, OutlierDetection outlierDetection) {

    public record ConnectionPool(Integer maxConnections, Integer maxPendingRequests) {}

    public record OutlierDetection(int consecutive5xx, Duration interval, Duration baseEjectionTime) {}
}
