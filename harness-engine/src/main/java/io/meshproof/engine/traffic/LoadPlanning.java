package io.meshproof.engine.traffic;

import io.meshproof.load.LoadPlan;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Entry;

import java.time.Duration;
import java.util.Map;

/**
 * Turns a scenario's traffic into a bounded load plan. The number of requests is the scenario's
 * {@code requests}, or {@code rate x duration}, or, when neither is given, what the checks need.
 */
public final class LoadPlanning {

    /** A request slower than this ends as a timeout (bookinfo's own worst case is about 6 s at productpage). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** Closed-model runs without a duration are bounded by this much time. */
    static final Duration CLOSED_MODEL_BOUND = Duration.ofMinutes(10);
    /** Slack on top of the planned time, for start-up and the slowest requests. */
    static final Duration SLACK = Duration.ofSeconds(30);

    private LoadPlanning() {
    }

    /** The number of requests to send, or an explanation when the scenario's own number is too small. */
    public static int requests(Traffic traffic, int needed) throws TooFewRequestsException {
        if (traffic.requests() != null) {
            if (traffic.requests() < needed) {
                throw new TooFewRequestsException(traffic.requests(), needed);
            }
            return traffic.requests();
        }
        if (traffic.duration() != null && traffic.rate() != null) {
            int n = (int) Math.floor(traffic.rate().perSecond() * traffic.duration().toMillis() / 1000.0);
            if (n < needed) {
                throw new TooFewRequestsException(n, needed);
            }
            return n;
        }
        if (traffic.duration() != null) {
            return Integer.MAX_VALUE; // closed model for a duration: time is the bound
        }
        return Math.max(1, needed);
    }

    public static LoadPlan plan(Traffic traffic, Entry entry, Map<String, String> headers, int requests) {
        Duration bound;
        if (traffic.duration() != null) {
            bound = traffic.duration();
        } else if (traffic.rate() != null) {
            bound = Duration.ofMillis((long) Math.ceil(requests * 1000.0 / traffic.rate().perSecond())).plus(SLACK);
        } else {
            bound = CLOSED_MODEL_BOUND;
        }
        return new LoadPlan(entry.baseUri(), traffic.request().method(), traffic.request().path(), headers,
                traffic.rate() == null ? null : traffic.rate().perSecond(), traffic.concurrency(), requests, bound,
                REQUEST_TIMEOUT, entry.sender(), entry.remote());
    }

    /** The scenario fixes fewer requests than its checks need for their error rates. */
    public static final class TooFewRequestsException extends Exception {
        public TooFewRequestsException(int given, int needed) {
            super("the scenario sends " + given + " requests but its checks need at least " + needed
                    + " for their error rates (DESIGN.md section 5): raise 'requests' (or rate x duration) to " + needed
                    + ", or leave both out to let the harness plan the sample size");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
