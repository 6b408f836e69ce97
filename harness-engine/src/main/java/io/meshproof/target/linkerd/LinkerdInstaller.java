package io.meshproof.target.linkerd;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.Progress;
import io.meshproof.target.Rejection;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.ControlPlane;
import io.meshproof.target.kube.GatewayApiCrds;
import io.meshproof.target.kube.Injection;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.MeshInstaller;
import io.meshproof.target.kube.apply.Acknowledgement;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.apply.RouteAccepted;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.helm.HelmChart;
import io.meshproof.target.kube.helm.HelmOperations;
import io.meshproof.target.kube.helm.HelmRelease;
import io.meshproof.target.kube.helm.InstalledReleases;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Linkerd from its edge Helm repository: {@code linkerd-crds} (with the Gateway API CRDs when the
 * cluster lacks them), then {@code linkerd-control-plane} with a trust anchor and issuer generated
 * by the harness's CA, both into {@code linkerd}. Injection by the annotation
 * {@code linkerd.io/inject: enabled}; the proxy container is {@code linkerd-proxy}. Linkerd's policy
 * controller acknowledges HTTPRoutes with {@code Accepted} conditions. Upgraded in place as Linkerd
 * documents it: {@code helm upgrade} of the CRDs, then of the control plane with {@code --reset-values
 * --atomic}, with the identity material and the Gateway API choice of install time, kept in memory.
 */
public final class LinkerdInstaller implements MeshInstaller {

    public static final URI REPOSITORY = URI.create("https://helm.linkerd.io/edge");
    public static final String CONTROLLER_NAME = "linkerd.io/policy-controller";
    static final String CONTROL_PLANE_RELEASE = "linkerd-control-plane";

    private final LinkerdOptions options;
    private final LinkerdIdentitySource identitySource;
    private final KubeNames names = KubeNames.linkerdDefaults();
    private String version;
    private final InstalledReleases installed = new InstalledReleases();
    /** What install generated and chose; an upgrade must pass the same (a new trust anchor would cut off every running proxy). */
    private LinkerdIdentityMaterial identity;
    private boolean installedGatewayApi;

    public LinkerdInstaller(LinkerdOptions options, LinkerdIdentitySource identitySource) {
        this.options = options;
        this.identitySource = identitySource;
        this.version = options.version();
    }

    @Override
    public String mesh() {
        return "linkerd";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public KubeNames names() {
        return names;
    }

    @Override
    public Injection injection() {
        return new Injection(
                Map.of(), Map.of("linkerd.io/inject", "enabled"),
                Map.of(), Map.of("linkerd.io/inject", "enabled"),
                Map.of(), Map.of("linkerd.io/inject", "disabled"),
                "linkerd-proxy");
    }

    @Override
    public List<String> controlPlaneDeployments() {
        return List.of("linkerd-identity", "linkerd-destination", "linkerd-proxy-injector");
    }

    /** What a control-plane outage takes away: destination (discovery, policy) and identity (certificates). */
    @Override
    public List<String> outageDeployments() {
        return List.of("linkerd-destination", "linkerd-identity");
    }

    @Override
    public List<Acknowledgement> acknowledgements() {
        return List.of(new RouteAccepted(CONTROLLER_NAME));
    }

    @Override
    public Set<Rejection> rejectionForms() {
        // 403 for unauthorized HTTP (also plaintext HTTP under all-authenticated); refused for non-HTTP
        return EnumSet.of(Rejection.FORBIDDEN, Rejection.REFUSED);
    }

    /** The releases in install order, with the values the harness passes, at the configured version. */
    public List<HelmRelease> releases(LinkerdIdentityMaterial identity, boolean installGatewayApi) {
        return releases(identity, installGatewayApi, options.version());
    }

    /** The releases in install order at {@code version}: the values do not depend on it (an upgrade keeps them). */
    public List<HelmRelease> releases(LinkerdIdentityMaterial identity, boolean installGatewayApi, String version) {
        HelmChart crds = new HelmChart("linkerd-edge", REPOSITORY, "linkerd-crds", version);
        HelmChart controlPlane = new HelmChart("linkerd-edge", REPOSITORY, "linkerd-control-plane", version);
        Map<String, Object> controlPlaneValues = Map.of(
                "identityTrustAnchorsPEM", identity.trustAnchorPem(),
                "identity", Map.of("issuer", Map.of("tls", Map.of(
                        "crtPEM", identity.issuerCertPem(),
                        "keyPEM", identity.issuerKeyPem()))));
        return List.of(
                new HelmRelease("linkerd-crds", names.meshNamespace(), crds, Map.of("installGatewayAPI", installGatewayApi)),
                new HelmRelease(CONTROL_PLANE_RELEASE, names.meshNamespace(), controlPlane, controlPlaneValues)
                        .withOverrides(options.extraValues()));
    }

    @Override
    public void install(KubeCluster cluster, HelmOperations helm, Ownership ownership, Progress progress) throws TargetException {
        installedGatewayApi = !GatewayApiCrds.present(cluster.client());
        progress.line(installedGatewayApi ? "Gateway API CRDs from " + LinkerdOptions.bundledGatewayApiNote()
                : "Gateway API CRDs already on the cluster; using them");
        identity = identitySource.generate(options.identityValidity());
        for (HelmRelease release : releases(identity, installedGatewayApi)) {
            installed.install(helm, release, cluster.kubeconfigYaml(), options.timeout(), progress);
        }
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        version = options.version();
    }

    @Override
    public void verifyInstalled(KubeCluster cluster, Progress progress) throws TargetException {
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        version = runningImageTag(cluster.client()).orElse("unknown");
        if (!GatewayApiCrds.present(cluster.client())) {
            throw new TargetException("Linkerd is installed but the Gateway API CRDs are not: HTTPRoutes cannot be applied. "
                    + "Install them (linkerd-crds --set installGatewayAPI=true) or let the harness install Linkerd (-Dmesh.install=true).");
        }
        progress.line("using Linkerd " + version + " already on the cluster");
    }

    @Override
    public void uninstall(KubeCluster cluster, HelmOperations helm, Ownership ownership, Progress progress) throws TargetException {
        installed.uninstallAll(helm, cluster.kubeconfigYaml(), progress);
        identity = null;
    }

    /**
     * {@code helm upgrade linkerd-crds}, then {@code helm upgrade linkerd-control-plane --reset-values
     * --atomic}, both at {@code version}, with install's trust anchor, issuer and {@code installGatewayAPI}
     * (recomputing it now would find the CRDs linkerd-crds installed and remove them); then the control
     * plane must be ready, and run another image than before when the version changed.
     */
    @Override
    public void upgrade(KubeCluster cluster, HelmOperations helm, String version, Progress progress) throws TargetException {
        if (installed.isEmpty() || identity == null) {
            throw new TargetException("Linkerd was not installed by this run, so the harness does not upgrade it");
        }
        Optional<String> tagBefore = runningImageTag(cluster.client());
        for (HelmRelease release : releases(identity, installedGatewayApi, version)) {
            boolean atomic = CONTROL_PLANE_RELEASE.equals(release.name()); // Linkerd's upgrade guide: the control plane with --atomic
            installed.upgrade(helm, release, cluster.kubeconfigYaml(), options.timeout(), atomic, progress);
        }
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        Optional<String> tagAfter = runningImageTag(cluster.client());
        if (!version.equals(this.version) && tagBefore.isPresent() && tagBefore.equals(tagAfter)) {
            throw new TargetException("after helm upgrade from " + this.version + " to " + version + " linkerd-destination still runs image tag "
                    + tagBefore.get() + ": values given with mesh.linkerd.values may pin linkerdVersion or controllerImageVersion; "
                    + "remove them for the upgrade gate");
        }
        this.version = version;
        progress.line("Linkerd control plane ready at " + tagAfter.orElse("an unknown image tag"));
    }

    @Override
    public Optional<String> runningImageTag(KubernetesClient client) {
        return ControlPlane.imageTag(client, names.meshNamespace(), "linkerd-destination", "destination");
    }
}
