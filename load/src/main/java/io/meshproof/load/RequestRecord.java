package io.meshproof.load;

/**
 * What happened to one request: when it was sent, how long it took, and how it ended.
 *
 * @param sentAtMicros  wall-clock send time, microseconds since the epoch (to line up with chaos actions)
 * @param latencyMicros time from send to the end of the response (or to the error)
 * @param status        HTTP status, or 0 when the request ended in a connection error
 * @param error         the connection error, {@link ConnectionError#NONE} when a response came
 * @param version       the version that answered ({@code v2}), from the reviews {@code podname}; null when unknown
 * @param instance      the instance that answered ({@code reviews-v2-7f9c}); null when unknown
 * @param sender        who sent it: {@code ingress}, {@code tester} or {@code outsider}
 */
public record RequestRecord(
        long sentAtMicros,
        long latencyMicros,
        int status,
        ConnectionError error,
        String version,
        String instance,
        String sender) {

    public boolean connectionFailed() {
        return error != ConnectionError.NONE;
    }

    /** Send time in milliseconds since the epoch. */
    public long sentAtMillis() {
        return sentAtMicros / 1000;
    }

    public double latencyMillis() {
        return latencyMicros / 1000.0;
    }
}
