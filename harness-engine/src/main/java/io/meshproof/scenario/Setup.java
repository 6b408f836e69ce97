package io.meshproof.scenario;

import io.meshproof.bookinfo.Behavior;

import java.util.List;

/** Changes to stock bookinfo for one scenario: extra instances with a behavior. */
public record Setup(List<ExtraInstances> instances) {
    public static final Setup NONE = new Setup(List.of());

    public Setup {
        instances = instances == null ? List.of() : List.copyOf(instances);
    }

    /** {@code count} (default 1) more instances of {@code service} {@code version} that behave as told. */
    public record ExtraInstances(String service, String version, Behavior behavior, Integer count) {
        public int countOr1() {
            return count == null ? 1 : count;
        }

        public Behavior behaviorOrHealthy() {
            return behavior == null ? Behavior.healthy : behavior;
        }
    }
}
