package io.meshproof.target.kube.helm;

import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Helm releases an installer put on the cluster, in install order, as they stand now: an
 * upgrade replaces a release's entry (same name, new chart version) once Helm has moved it, so
 * uninstall removes what is really there, in reverse order.
 */
public final class InstalledReleases {

    private final List<HelmRelease> releases = new ArrayList<>();

    /** Installs the release and records it. */
    public void install(HelmOperations helm, HelmRelease release, String kubeconfigYaml, Duration timeout, Progress progress)
            throws TargetException {
        try (Progress.Step ignored = progress.step("helm install " + release)) {
            helm.install(release, kubeconfigYaml, timeout);
            releases.add(release);
        }
    }

    /** Upgrades a release this installer installed to {@code release} (same name and namespace) and records the new one. */
    public void upgrade(HelmOperations helm, HelmRelease release, String kubeconfigYaml, Duration timeout, boolean atomic,
                        Progress progress) throws TargetException {
        int index = indexOf(release);
        if (index < 0) {
            throw new TargetException("the Helm release " + release.name() + " in " + release.namespace()
                    + " was not installed by this run, so the harness does not upgrade it");
        }
        try (Progress.Step ignored = progress.step("helm upgrade " + release + (atomic ? " --atomic" : ""))) {
            helm.upgrade(release, kubeconfigYaml, timeout, atomic);
            releases.set(index, release);
        }
    }

    /** Uninstalls every recorded release, the last installed first. */
    public void uninstallAll(HelmOperations helm, String kubeconfigYaml, Progress progress) throws TargetException {
        List<HelmRelease> reversed = new ArrayList<>(releases);
        Collections.reverse(reversed);
        for (HelmRelease release : reversed) {
            try (Progress.Step ignored = progress.step("helm uninstall " + release)) {
                helm.uninstall(release, kubeconfigYaml);
                releases.remove(release);
            }
        }
    }

    public boolean isEmpty() {
        return releases.isEmpty();
    }

    /** The releases as they stand, in install order. */
    public List<HelmRelease> list() {
        return List.copyOf(releases);
    }

    private int indexOf(HelmRelease release) {
        for (int i = 0; i < releases.size(); i++) {
            if (releases.get(i).name().equals(release.name()) && releases.get(i).namespace().equals(release.namespace())) {
                return i;
            }
        }
        return -1;
    }
}
