package io.meshproof.scenario;

import io.meshproof.bookinfo.Behavior;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Duration;
import java.util.Map;

/** One expectation of a scenario; each becomes one check (a JUnit test) judged by an oracle. */
public sealed interface Expectation {

    /** Short name of the check kind, as in the report ("split", "status", ...). */
    String kind();

    /** Shares of answers by version, each within {@code tolerance} percentage points of its weight. */
    record Split(String service, Map<String, Integer> weights, Double tolerance) implements Expectation {
        public static final double DEFAULT_TOLERANCE = 5;

        public String kind() { return "split"; }

        public double toleranceOrDefault() {
            return tolerance == null ? DEFAULT_TOLERANCE : tolerance;
        }
    }

    /** Fraction of responses with a status code, or of a class ({@code 5xx}). */
    record Status(Integer code, @JsonProperty("class") String statusClass, Fraction fraction) implements Expectation {
        public String kind() { return "status"; }

        public boolean matches(int status) {
            if (code != null) {
                return status == code;
            }
            return status > 0 && String.valueOf(status).charAt(0) == statusClass.charAt(0);
        }

        public String describe() {
            return code != null ? String.valueOf(code) : statusClass;
        }
    }

    /**
     * Either a percentile bound ({@code percentile} with {@code atLeast} or {@code below}) or the
     * fraction of requests slower than {@code slowerThan}.
     */
    record Latency(Double percentile, Duration atLeast, Duration below, Duration slowerThan, Fraction fraction)
            implements Expectation {
        public String kind() { return "latency"; }
    }

    /** Fraction of requests refused: 403, reset or refused connection. */
    record Rejected(Fraction fraction) implements Expectation {
        public String kind() { return "rejected"; }
    }

    /** Errors from the instances with {@code behavior} stop within {@code within} requests of the first error. */
    record Ejected(String service, Behavior behavior, Integer within) implements Expectation {
        public String kind() { return "ejected"; }
    }
}
