package io.meshproof.load.gatling.fork;

import io.gatling.javaapi.core.Session;
import io.meshproof.load.AnsweringInstance;
import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import io.meshproof.load.RequestRecordCsv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns each request of the fork into one {@link RequestRecord}.
 *
 * <p>Timing: the send time is the wall clock when the virtual user reaches the request (for the open
 * model, its arrival), the latency the monotonic time from there to the action after the request,
 * in microseconds. Gatling's own response time has millisecond resolution and, for failed requests,
 * is not reachable from the session; the difference between the two is the dispatch of two actions
 * (bounded in load/BENCHMARKS.md).
 */
final class RequestRecorder {

    static final String STATUS = "meshproof.status";
    static final String PODNAME = "meshproof.podname";
    private static final String SENT_AT_MICROS = "meshproof.sentAtMicros";
    private static final String STARTED_NANOS = "meshproof.startedNanos";

    private final String sender;
    private final Queue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> failureKinds = new ConcurrentHashMap<>();
    private volatile boolean closed;

    RequestRecorder(String sender) {
        this.sender = sender;
    }

    Session beforeRequest(Session session) {
        return session.remove(STATUS).remove(PODNAME)
                .set(SENT_AT_MICROS, nowMicros())
                .set(STARTED_NANOS, System.nanoTime());
    }

    Session afterRequest(Session session) {
        long latencyMicros = (System.nanoTime() - session.getLong(STARTED_NANOS)) / 1000;
        // always taken, so that no failure of this user is left to be read by its next request
        Throwable failure = FailureCapture.take(session.userId());
        Integer status = session.getIntegerWrapper(STATUS);
        RequestRecord record;
        if (status != null) {
            String podname = session.getString(PODNAME);
            AnsweringInstance answered = podname == null ? null : AnsweringInstance.fromPodname(podname);
            record = new RequestRecord(session.getLong(SENT_AT_MICROS), latencyMicros, status, ConnectionError.NONE,
                    answered == null ? null : answered.version(), answered == null ? null : answered.instance(), sender);
        } else {
            ConnectionError kind = failure == null ? ConnectionError.OTHER : ConnectionErrors.classify(failure);
            failureKinds.computeIfAbsent(kind + " " + describe(failure), key -> new LongAdder()).increment();
            record = new RequestRecord(session.getLong(SENT_AT_MICROS), latencyMicros, 0, kind, null, null, sender);
        }
        if (!closed) {
            records.add(record);
        }
        // a failed request must not mark the user's later requests (closed model) as failed
        return session.markAsSucceeded().remove(STATUS).remove(PODNAME);
    }

    /**
     * Writes the records, and the kinds of failure with their messages to the load log.
     * Records of requests that complete later (after Gatling's backstop) are not taken.
     *
     * @return how many records were written
     */
    int finish(Path recordsFile) throws IOException {
        closed = true;
        List<RequestRecord> written = new ArrayList<>(records);
        try (Writer out = Files.newBufferedWriter(recordsFile, StandardCharsets.UTF_8)) {
            RequestRecordCsv.write(written, out);
        }
        failureKinds.forEach((kind, count) -> System.out.println("failed requests: " + count + " x " + kind));
        return written.size();
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "(no exception reported by Gatling)";
        }
        return failure.getClass().getName() + ": " + failure.getMessage();
    }

    static long nowMicros() {
        return io.meshproof.load.EpochMicros.now();
    }
}
