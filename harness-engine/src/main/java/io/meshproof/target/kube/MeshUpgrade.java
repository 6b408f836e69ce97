package io.meshproof.target.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Rollouts;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.helm.HelmOperations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-place upgrade of a mesh the harness installed, as both meshes document it: the installer
 * upgrades the control plane with Helm and waits for it at the new version; then every Deployment
 * in bookinfo's namespace (bookinfo and the tester) is restarted so that the injector gives the new
 * pods the new proxy ({@code kubectl rollout restart}), the rollouts are awaited, and the proxies'
 * image tags must show the new version where they can ({@link ProxyImages}).
 */
final class MeshUpgrade {

    private final KubeCluster cluster;
    private final MeshInstaller installer;
    private final HelmOperations helm;
    private final Duration rolloutTimeout;

    MeshUpgrade(KubeCluster cluster, MeshInstaller installer, HelmOperations helm, Duration rolloutTimeout) {
        this.cluster = cluster;
        this.installer = installer;
        this.helm = helm;
        this.rolloutTimeout = rolloutTimeout;
    }

    void run(String version, Progress progress) throws TargetException {
        if (version == null || version.isBlank()) {
            throw new TargetException("no version to upgrade " + installer.mesh() + " to: set mesh.upgrade.to");
        }
        KubernetesClient client = cluster.client();
        String namespace = installer.names().bookinfoNamespace();
        String proxy = installer.injection().proxyContainer();
        String from = installer.version();
        Optional<String> controlPlaneBefore = installer.runningImageTag(client);
        Map<String, String> proxiesBefore = ProxyImages.tags(client, namespace, proxy);

        try (Progress.Step ignored = progress.step("upgrading the " + installer.mesh() + " control plane from " + from + " to " + version)) {
            installer.upgrade(cluster, helm, version, progress);
        }
        Optional<String> controlPlaneAfter = installer.runningImageTag(client);
        try (Progress.Step ignored = progress.step("restarting the Deployments in " + namespace + " for proxies at " + version)) {
            List<String> restarted = Rollouts.restartAll(client, namespace);
            progress.line("restarted " + restarted);
            Rollouts.await(client, namespace, restarted, rolloutTimeout);
        }
        progress.line(ProxyImages.verifyUpgraded(namespace, proxy, proxiesBefore, controlPlaneBefore,
                ProxyImages.tags(client, namespace, proxy), controlPlaneAfter));
        progress.line("upgrade done: " + installer.mesh() + " " + installer.version());
    }
}
