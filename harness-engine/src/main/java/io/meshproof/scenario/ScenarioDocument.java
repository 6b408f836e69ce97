package io.meshproof.scenario;

import java.util.List;
import java.util.Map;

/** The top level of a scenario file exactly as written; {@link ScenarioReader} turns it into a {@link Scenario}. */
record ScenarioDocument(
        String id,
        String title,
        Feature feature,
        Setup setup,
        MeshState mesh,
        Traffic traffic,
        List<ChaosAction> chaos,
        List<ExpectationEntry> expect) {

    /** One item of {@code expect:}, a map with exactly one key naming the kind of check. */
    record ExpectationEntry(
            Expectation.Split split,
            Expectation.Status status,
            Expectation.Latency latency,
            Expectation.Rejected rejected,
            Expectation.Ejected ejected) {

        List<Expectation> present() {
            return java.util.stream.Stream.of(split, status, latency, rejected, ejected)
                    .filter(java.util.Objects::nonNull)
                    .map(Expectation.class::cast)
                    .toList();
        }
    }

    static final Map<String, String> KINDS = Map.of(
            "split", "split: {service, weights, tolerance}",
            "status", "status: {code | class, fraction}",
            "latency", "latency: {percentile, atLeast | below} or {slowerThan, fraction}",
            "rejected", "rejected: {fraction}",
            "ejected", "ejected: {service, behavior, within}");
}
