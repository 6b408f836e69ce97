package io.meshproof.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * The traffic a scenario drives. Open model when {@code rate} is set, closed model when
 * {@code concurrency} is. {@code requests} and {@code duration} may both be absent: the harness then
 * plans the sample size from the expectations.
 */
public record Traffic(
        Source from,
        String to,
        String user,
        Request request,
        Rate rate,
        Integer concurrency,
        Integer requests,
        Duration duration) {

    public enum Source {
        /** Enters at productpage from outside the mesh (through the ingress). */
        ingress,
        /** A meshed client with its own identity. */
        tester,
        /** A client outside the mesh, plaintext. */
        outsider
    }

    public record Request(String method, String path, Map<String, String> headers) {
        public Request {
            method = method == null ? "GET" : method;
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    public boolean openModel() {
        return rate != null;
    }

    /** The service the requests go to: productpage when they enter through the ingress. */
    public String destination() {
        return to != null ? to : "productpage";
    }
}
