package io.meshproof.scenario;

import java.time.Duration;

/** One chaos action, run {@code at} after the load starts. Exactly one of the actions is set. */
public record ChaosAction(Duration at, InstanceAction kill, InstanceAction restart, Outage controlPlaneOutage) {

    /** Which instances: {@code count} (default 1) instances of {@code service} {@code version}. */
    public record InstanceAction(String service, String version, Integer count) {
        public int countOr1() {
            return count == null ? 1 : count;
        }
    }

    /** The control plane is down for {@code duration}. */
    public record Outage(Duration duration) {}

    public String kind() {
        return kill != null ? "kill" : restart != null ? "restart" : "controlPlaneOutage";
    }
}
