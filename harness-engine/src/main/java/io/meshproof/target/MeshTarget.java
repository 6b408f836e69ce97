package io.meshproof.target;

import io.meshproof.load.LoadRunner;
import io.meshproof.report.TargetInfo;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Traffic;

import java.util.Optional;
import java.util.Set;

/**
 * The seam between the harness and a mesh (DESIGN.md section 3). A target renders a scenario's
 * mesh-neutral state into its own resources, applies and removes them, says which features it
 * supports natively, by emulation or not at all, and how a rejection looks on it.
 * Lifecycle: {@link #start}, then per scenario {@link #apply} and {@link Deployment#close()}, then {@link #close()}.
 */
public interface MeshTarget extends AutoCloseable {

    /** {@code local}, {@code istio}, {@code linkerd}. */
    String name();

    /** What the report names as tested (mesh version, cluster); complete after {@link #start}. */
    TargetInfo info();

    /** How this target supports what the scenario needs, with a note when emulated or unsupported. */
    FeatureSupport support(Scenario scenario);

    /** The forms a rejection takes on this target (403, reset, refused), for the rejected oracle. */
    Set<Rejection> rejectionForms();

    /** The scenario's state in this target's own terms: manifests or config files, for dry runs and reports. */
    RenderedState render(Scenario scenario);

    /**
     * Checks a rendering without applying it (for dry runs): returns what it was checked against, or
     * empty when this target has nothing to check it with; throws with every problem found.
     */
    default Optional<String> validate(RenderedState rendered) throws TargetException {
        return Optional.empty();
    }

    /** Brings the target up: cluster, mesh, bookinfo, proxies ready. Idempotent. */
    void start(Progress progress) throws TargetException;

    /** Applies the scenario's setup and mesh state; the deployment removes them when closed. */
    Deployment apply(Scenario scenario, Progress progress) throws TargetException;

    /** Where the load for this traffic enters, and as whom. */
    Entry entry(Traffic traffic) throws TargetException;

    /**
     * A load runner of the target's own for this traffic, when the harness's cannot reach its entry
     * (a client pod inside a cluster); empty means the harness drives the load from this machine.
     */
    default Optional<LoadRunner> loadRunner(Traffic traffic) throws TargetException {
        return Optional.empty();
    }

    /**
     * Upgrades the running mesh to {@code version} in place, as the mesh documents it (a Helm upgrade
     * and a restart of the proxies; locally, another HAProxy binary or configuration rolled out sidecar
     * by sidecar), while the harness drives load through it. {@link #info()} tells the new version after.
     */
    default void upgrade(String version, Progress progress) throws TargetException {
        throw new TargetException("the " + name() + " target cannot be upgraded in place");
    }

    /** Stops everything the target started. Safe to call more than once. */
    @Override
    void close();
}
