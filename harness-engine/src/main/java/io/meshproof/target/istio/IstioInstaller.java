package io.meshproof.target.istio;

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
import io.meshproof.target.kube.apply.ResourceRef;
import io.meshproof.target.kube.apply.RouteAccepted;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.helm.HelmChart;
import io.meshproof.target.kube.helm.HelmOperations;
import io.meshproof.target.kube.helm.HelmRelease;
import io.meshproof.target.kube.helm.InstalledReleases;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Istio in sidecar mode, installed with Helm as Istio documents it: {@code istio/base} (CRDs,
 * {@code defaultRevision=default}), then {@code istio/istiod}, both into {@code istio-system}, plus
 * the Gateway API CRDs when the cluster lacks them. istiod writes configuration status, so a
 * VirtualService's {@code Reconciled} condition says when every proxy has it. Injection by the
 * namespace label {@code istio-injection=enabled}; the proxy container is {@code istio-proxy}.
 * Upgraded in place as Istio documents it: {@code helm upgrade} of base, then of istiod, with the
 * same values; istiod must then run the new version's image.
 */
public final class IstioInstaller implements MeshInstaller {

    public static final URI REPOSITORY = URI.create("https://istio-release.storage.googleapis.com/charts");
    public static final String CONTROLLER_NAME = "istio.io/gateway-controller";

    private final IstioOptions options;
    private final KubeNames names = KubeNames.istioDefaults();
    private String version;
    private boolean statusEnabled;
    private final InstalledReleases installed = new InstalledReleases();
    private List<ResourceRef> gatewayCrds = List.of();

    public IstioInstaller(IstioOptions options) {
        this.options = options;
        this.version = options.version();
    }

    @Override
    public String mesh() {
        return "istio";
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
                Map.of("istio-injection", "enabled"), Map.of(),
                Map.of("sidecar.istio.io/inject", "true"), Map.of(),
                Map.of("sidecar.istio.io/inject", "false"), Map.of(),
                "istio-proxy");
    }

    @Override
    public List<String> controlPlaneDeployments() {
        return List.of("istiod");
    }

    @Override
    public List<Acknowledgement> acknowledgements() {
        List<Acknowledgement> acks = new ArrayList<>();
        if (statusEnabled) {
            acks.add(new IstioReconciled());
        }
        acks.add(new RouteAccepted(CONTROLLER_NAME));
        return acks;
    }

    @Override
    public Set<Rejection> rejectionForms() {
        // 403 "RBAC: access denied" from AuthorizationPolicy; a reset for plaintext under STRICT mTLS
        return EnumSet.of(Rejection.FORBIDDEN, Rejection.RESET);
    }

    /** The releases in install order, with the values the harness passes, at the configured version. */
    public List<HelmRelease> releases() {
        return releases(options.version());
    }

    /** The releases in install order at {@code version}: the values do not depend on it (an upgrade keeps them). */
    public List<HelmRelease> releases(String version) {
        HelmChart base = new HelmChart("istio", REPOSITORY, "base", version);
        HelmChart istiod = new HelmChart("istio", REPOSITORY, "istiod", version);
        Map<String, Object> baseValues = Map.of("defaultRevision", "default");
        Map<String, Object> istiodValues = new LinkedHashMap<>();
        istiodValues.put("pilot", Map.of(
                // configuration status: Reconciled conditions on VirtualServices (the convergence signal)
                "env", Map.of("PILOT_ENABLE_STATUS", "true", "PILOT_ENABLE_CONFIG_DISTRIBUTION_TRACKING", "true"),
                "autoscaleEnabled", false,
                "replicaCount", 1,
                // the chart asks for 500m CPU and 2 GiB, more than a CI runner's k3s node has to spare
                "resources", Map.of("requests", Map.of("cpu", "100m", "memory", "256Mi"))));
        istiodValues.put("global", Map.of(
                "istiod", Map.of("enableAnalysis", true),
                "proxy", Map.of("resources", Map.of("requests", Map.of("cpu", "10m", "memory", "40Mi")))));
        // access logs name Envoy's response flags (UO, UH, FI, DI, RL): evidence when a check fails
        istiodValues.put("meshConfig", Map.of("accessLogFile", "/dev/stdout"));
        return List.of(
                new HelmRelease("istio-base", names.meshNamespace(), base, baseValues),
                new HelmRelease("istiod", names.meshNamespace(), istiod, istiodValues).withOverrides(options.extraValues()));
    }

    @Override
    public void install(KubeCluster cluster, HelmOperations helm, Ownership ownership, Progress progress) throws TargetException {
        gatewayCrds = GatewayApiCrds.ensure(cluster.client(), options.gatewayApi(), options.gatewayChannel(), ownership, progress);
        for (HelmRelease release : releases()) {
            installed.install(helm, release, cluster.kubeconfigYaml(), options.timeout(), progress);
        }
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        version = options.version();
        statusEnabled = true;
    }

    @Override
    public void verifyInstalled(KubeCluster cluster, Progress progress) throws TargetException {
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        version = runningImageTag(cluster.client()).orElse("unknown");
        statusEnabled = ControlPlane.env(cluster.client(), names.meshNamespace(), "istiod", "discovery", "PILOT_ENABLE_STATUS")
                .map("true"::equalsIgnoreCase).orElse(false);
        progress.line("using Istio " + version + " already on the cluster" + (statusEnabled ? ""
                : "; istiod writes no configuration status (PILOT_ENABLE_STATUS), so applies are not acknowledged by istiod"));
    }

    @Override
    public void uninstall(KubeCluster cluster, HelmOperations helm, Ownership ownership, Progress progress) throws TargetException {
        installed.uninstallAll(helm, cluster.kubeconfigYaml(), progress);
        GatewayApiCrds.remove(cluster.client(), gatewayCrds, ownership);
        gatewayCrds = List.of();
    }

    /**
     * {@code helm upgrade istio-base istio/base}, then {@code helm upgrade istiod istio/istiod}, both at
     * {@code version} with the install's values; then istiod must be ready and run {@code version}
     * (its {@code discovery} image tag, a variant suffix such as {@code -distroless} allowed).
     */
    @Override
    public void upgrade(KubeCluster cluster, HelmOperations helm, String version, Progress progress) throws TargetException {
        if (installed.isEmpty()) {
            throw new TargetException("Istio was not installed by this run, so the harness does not upgrade it");
        }
        for (HelmRelease release : releases(version)) {
            installed.upgrade(helm, release, cluster.kubeconfigYaml(), options.timeout(), false, progress);
        }
        ControlPlane.verify(cluster.client(), mesh(), names.meshNamespace(), controlPlaneDeployments(), options.timeout());
        String tag = runningImageTag(cluster.client()).orElse("none");
        if (!tag.equals(version) && !tag.startsWith(version + "-")) {
            throw new TargetException("after helm upgrade to " + version + " istiod runs image tag " + tag + ", not " + version
                    + ": values given with mesh.istio.values may pin global.tag or global.hub; remove them for the upgrade gate");
        }
        this.version = version;
        progress.line("istiod ready at " + tag);
    }

    @Override
    public Optional<String> runningImageTag(KubernetesClient client) {
        return ControlPlane.imageTag(client, names.meshNamespace(), "istiod", "discovery");
    }
}
