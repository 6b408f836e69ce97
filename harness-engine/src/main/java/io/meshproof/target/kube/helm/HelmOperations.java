package io.meshproof.target.kube.helm;

import io.meshproof.target.TargetException;

import java.time.Duration;

/**
 * What the mesh installers ask of Helm: install, upgrade and uninstall a release. {@link HelmRunner}
 * does it in-process through helm-java; tests stand in for Helm here.
 */
public interface HelmOperations {

    /** {@code helm install --create-namespace --wait -f <values>}: installs the release and waits until its workloads are ready. */
    void install(HelmRelease release, String kubeconfigYaml, Duration timeout) throws TargetException;

    /**
     * {@code helm upgrade --reset-values --wait -f <values>} (with {@code --atomic} when asked): moves the
     * release to its chart's version with exactly the release's values over the new chart's defaults
     * (never the old release's), and waits until its workloads are ready; {@code atomic} rolls the
     * release back when the upgrade fails.
     */
    void upgrade(HelmRelease release, String kubeconfigYaml, Duration timeout, boolean atomic) throws TargetException;

    /** {@link #upgrade(HelmRelease, String, Duration, boolean)} without {@code --atomic}. */
    default void upgrade(HelmRelease release, String kubeconfigYaml, Duration timeout) throws TargetException {
        upgrade(release, kubeconfigYaml, timeout, false);
    }

    /** Uninstalls a release this run installed; a release that is already gone is fine. */
    void uninstall(HelmRelease release, String kubeconfigYaml) throws TargetException;
}
