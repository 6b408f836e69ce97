package io.meshproof.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Client-side routing for calls to one service: rules in order, the first match wins. */
public record Route(String service, List<Rule> rules) {

    public Route {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** A rule without {@code match} is the default. */
    public record Rule(Match match, List<Backend> backends, Duration timeout, Retries retries, Fault fault) {
        public Rule {
            backends = backends == null ? List.of() : List.copyOf(backends);
        }
    }

    /** Exact header matches; every header must match. */
    public record Match(Map<String, String> headers) {
        public Match {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /** A version of the service and its weight in a split; weight absent means 100 (single backend). */
    public record Backend(String version, Integer weight) {
        public int weightOr100() {
            return weight == null ? 100 : weight;
        }
    }

    public record Retries(int attempts, Duration perTryTimeout, List<String> on) {
        public Retries {
            on = on == null ? List.of() : List.copyOf(on);
        }
    }

    public record Fault(Delay delay, Abort abort) {}

    public record Delay(Duration fixed, double percent) {}

    public record Abort(int status, double percent) {}
}
