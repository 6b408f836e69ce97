package io.meshproof.load.gatling;

import io.meshproof.load.LoadPlan;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Small, bounded plans against loopback for the load tests. */
final class Plans {

    static final String PATH = "/api/v1/products/0/reviews";

    private Plans() {
    }

    static LoadPlan open(URI target, double ratePerSecond, int requests) {
        return new LoadPlan(target, "GET", PATH, Map.of(), ratePerSecond, null, requests,
                Duration.ofSeconds(20), Duration.ofSeconds(2), "tester", false);
    }

    static LoadPlan closed(URI target, int concurrency, int requests) {
        return new LoadPlan(target, "GET", PATH, Map.of(), null, concurrency, requests,
                Duration.ofSeconds(20), Duration.ofSeconds(2), "tester", false);
    }

    static LoadPlan withHeaders(LoadPlan plan, Map<String, String> headers) {
        return new LoadPlan(plan.baseUri(), plan.method(), plan.path(), headers, plan.ratePerSecond(), plan.concurrency(),
                plan.maxRequests(), plan.maxDuration(), plan.requestTimeout(), plan.sender(), plan.allowRemote());
    }

    static LoadPlan withTimes(LoadPlan plan, Duration maxDuration, Duration requestTimeout) {
        return new LoadPlan(plan.baseUri(), plan.method(), plan.path(), plan.headers(), plan.ratePerSecond(), plan.concurrency(),
                plan.maxRequests(), maxDuration, requestTimeout, plan.sender(), plan.allowRemote());
    }
}
