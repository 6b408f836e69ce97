package io.meshproof.load.gatling.fork;

import io.gatling.javaapi.core.Session;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Hands out a plan's requests, shared by all virtual users: at most {@code maxRequests}, and none once
 * the send window (the plan's maxDuration, from the first claim) has closed. Requests already sent
 * then still finish, within the request timeout, and are recorded: cutting them off would drop exactly
 * the slow ones from the sample.
 */
final class RequestBudget {

    private static final long UNSET = Long.MIN_VALUE;

    private final int maxRequests;
    private final long windowNanos;
    private final LongConsumer onStart;
    private final AtomicInteger claims = new AtomicInteger();
    private final AtomicLong startNanos = new AtomicLong(UNSET);

    /** @param onStart told once, at the first claim, the wall-clock start in epoch microseconds */
    RequestBudget(int maxRequests, Duration window, LongConsumer onStart) {
        this.maxRequests = maxRequests;
        this.windowNanos = window.toNanos();
        this.onStart = onStart;
    }

    /** Takes one request; false when the budget is spent or the window closed. */
    boolean claim(Session session) {
        long now = System.nanoTime();
        long start = startNanos.get();
        if (start == UNSET) {
            // read before the start is published, so no request's send time precedes the reported start
            long wallMicros = RequestRecorder.nowMicros();
            if (startNanos.compareAndSet(UNSET, now)) {
                onStart.accept(wallMicros);
            }
            start = startNanos.get();
        }
        if (now - start > windowNanos) {
            return false;
        }
        return claims.getAndIncrement() < maxRequests;
    }

    /** Requests handed out so far. */
    int claimed() {
        return Math.min(claims.get(), maxRequests);
    }

    long elapsedMillis() {
        long start = startNanos.get();
        return start == UNSET ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
