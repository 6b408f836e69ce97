package io.meshproof.target;

/** The chaos actions a target can take during load (DESIGN.md section 4). */
public interface Chaos {

    /** Kills {@code count} instances of a service version (process and sidecar, or pod); returns their names. */
    java.util.List<String> kill(String service, String version, int count) throws TargetException;

    /** Restarts {@code count} instances; returns their names. */
    java.util.List<String> restart(String service, String version, int count) throws TargetException;

    /** Takes the control plane away for {@code duration} (blocking), then brings it back. */
    void controlPlaneOutage(java.time.Duration duration) throws TargetException;
}
