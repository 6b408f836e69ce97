package io.meshproof.target.linkerd;

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
import io.meshproof.target.kube.helm.HelmRelease;
import io.meshproof.target.kube.helm.HelmRunner;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linkerd from its edge Helm repository: {@code linkerd-crds} (with the Gateway API CRDs when the
 * cluster lacks them), then {@code linkerd-control-plane} with a trust anchor and issuer generated
 * by the harness's CA, both into {@code linkerd}. Injection by the annotation
 * {@code linkerd.io/inject: enabled}; the proxy container is {@code linkerd-proxy}. Linkerd's policy
 * controller acknowledges HTTPRoutes with {@code Accepted} conditions.
 */
public final class LinkerdInstaller implements MeshInstaller {

    public static final URI REPOSITORY = URI.create("https://helm.linkerd.io/edge");
    public static final String CONTROLLER_NAME = "linkerd.io/policy-controller";

    private final LinkerdOptions options;
    private final LinkerdIdentitySource identitySource;
    private final KubeNames names = KubeNames.linkerdDefaults();
    private String version;
    private final List<HelmRelease> installed = new ArrayList<>();

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

    /** The releases in install order, with the values the harness passes. */
    public List<HelmRelease> releases(LinkerdIdentityMaterial identity, boolean installGatewayApi) {
        HelmChart crds = new HelmChart("linkerd-edge", REPOSITORY, "linkerd-crds", options.version());
        HelmChart controlPlane = new HelmChart("linkerd-edge", REPOSITORY, "linkerd-control-plane", options.version());
        Map<String, Object> controlPlaneValues = Map.of(
                "identityTrustAnchorsPEM", identity.trustAnchorPem(),
                "identity", Map.of("issuer", Map.of("tls", Map.of(
                        "crtPEM", identity.issuerCertPem(),
                        "keyPEM", identity.issuerKeyPem()))));
        return List.of(
                new HelmRelease("linkerd-crds", names.meshNamespace(), crds, Map.of("installGatewayAPI", installGatewayApi)),
                new HelmRelease("linkerd-control-plane", names.meshNamespace(), controlPlane, controlPlaneValues)
                        .withOverrides(options.extraValues()));
    }

    @Override
    public void install(KubeCluster cluster, HelmRunner helm, Ownership ownership, Progress progress) throws TargetException {
        boolean installGatewayApi = !GatewayApiCrds.present(cluster.client());
        progress.line(installGatewayApi ? "Gateway API CRDs from " + LinkerdOptions.bundledGatewayApiNote()
                : "Gateway API CRDs already on the cluster; using them");
        LinkerdIdentityMaterial identity = identitySource.generate(options.identityValidity());
        for (HelmRelease release : releases(identity, installGatewayApi)) {
            try (Progress.Step ignored = progress.step("helm install " + release)) {
                helm.install(release, cluster.kubeconfigYaml(), options.timeout());
                installed.add(release);
            }
        }
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        version = options.version();
    }

    @Override
    public void verifyInstalled(KubeCluster cluster, Progress progress) throws TargetException {
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        version = ControlPlane.imageTag(cluster.client(), names.meshNamespace(), "linkerd-destination", "destination").orElse("unknown");
        if (!GatewayApiCrds.present(cluster.client())) {
            throw new TargetException("Linkerd is installed but the Gateway API CRDs are not: HTTPRoutes cannot be applied. "
                    + "Install them (linkerd-crds --set installGatewayAPI=true) or let the harness install Linkerd (-Dmesh.install=true).");
        }
        progress.line("using Linkerd " + version + " already on the cluster");
    }

    @Override
    public void uninstall(KubeCluster cluster, HelmRunner helm, Ownership ownership, Progress progress) throws TargetException {
        List<HelmRelease> reversed = new ArrayList<>(installed);
        java.util.Collections.reverse(reversed);
        for (HelmRelease release : reversed) {
            try (Progress.Step ignored = progress.step("helm uninstall " + release)) {
                helm.uninstall(release, cluster.kubeconfigYaml());
            }
        }
        installed.clear();
    }
}
