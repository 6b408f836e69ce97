package io.meshproof.target.kube;

import io.meshproof.pki.LinkerdIdentity;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Entry;
import io.meshproof.target.Progress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.istio.IstioInstaller;
import io.meshproof.target.istio.IstioOptions;
import io.meshproof.target.istio.render.IstioRenderer;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.linkerd.LinkerdIdentityMaterial;
import io.meshproof.target.linkerd.LinkerdIdentitySource;
import io.meshproof.target.linkerd.LinkerdInstaller;
import io.meshproof.target.linkerd.LinkerdOptions;
import io.meshproof.target.linkerd.render.LinkerdRenderer;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The in-place upgrade for real, on a throw-away k3s: the mesh installed at an older version,
 * bookinfo meshed by it, then {@link KubernetesMeshTarget#upgrade}: the control plane and every
 * bookinfo proxy must run the new version and productpage must answer through the mesh. Needs a
 * Docker engine and the network (images, Helm charts); skipped without Docker.
 */
class K3sUpgradeEndToEndTest {

    static final Progress PRINT = line -> System.out.println("[upgrade e2e] " + line);
    static final LinkerdIdentitySource PKI = validity -> {
        LinkerdIdentity identity = LinkerdIdentity.generate(validity);
        return new LinkerdIdentityMaterial(identity.trustAnchorPem(), identity.issuerCertificatePem(), identity.issuerKeyPem());
    };

    static void requireDocker() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine here: the k3s upgrade end-to-end test needs one (CI with Docker runs it)");
    }

    @Test
    void istioUpgradesInPlaceFrom129To130() throws Exception {
        requireDocker();
        IstioOptions options = IstioOptions.defaults();
        IstioInstaller istio = new IstioInstaller(new IstioOptions("1.29.6", options.gatewayApi(), options.gatewayChannel(),
                Map.of(), options.timeout()));
        upgradeAndCheck(istio, new IstioRenderer(KubeImages.defaults()), "1.30.3", "1.30.3");
    }

    @Test
    void linkerdUpgradesInPlaceFrom219To220() throws Exception {
        requireDocker();
        LinkerdOptions options = LinkerdOptions.defaults();
        LinkerdInstaller linkerd = new LinkerdInstaller(new LinkerdOptions("2025.10.7", Map.of(), options.identityValidity(),
                options.timeout()), PKI);
        upgradeAndCheck(linkerd, new LinkerdRenderer(KubeImages.defaults()), "2026.6.3", "edge-26.6.3");
    }

    /** Starts the target at the installer's version on a fresh k3s, upgrades it, and checks the control plane, proxies and bookinfo. */
    static void upgradeAndCheck(MeshInstaller installer, MeshRenderer renderer, String to, String expectedTag)
            throws Exception {
        KubeCluster cluster = KubernetesMeshTargets.cluster(key -> Optional.empty());
        String from = installer.version();
        try (KubernetesMeshTarget target = new KubernetesMeshTarget(cluster, installer, renderer, KubeTargetOptions.defaults(true))) {
            target.start(PRINT);
            assertThat(target.info().version()).isEqualTo(from);
            KubernetesClient kube = cluster.client();
            String bookinfo = installer.names().bookinfoNamespace();
            String proxy = installer.injection().proxyContainer();
            String tagBefore = installer.runningImageTag(kube).orElseThrow();
            assertThat(ProxyImages.tags(kube, bookinfo, proxy)).isNotEmpty().allSatisfy((pod, tag) -> assertThat(tag).isEqualTo(tagBefore));

            target.upgrade(to, PRINT);

            assertThat(target.info().version()).isEqualTo(to);
            assertThat(installer.runningImageTag(kube)).contains(expectedTag);
            assertThat(ProxyImages.tags(kube, bookinfo, proxy)).isNotEmpty()
                    .allSatisfy((pod, tag) -> assertThat(tag).as(pod).isEqualTo(expectedTag));
            Entry ingress = target.entry(new Traffic(Traffic.Source.ingress, null, null, null, null, 1, 1, null));
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(ingress.baseUri().resolve("/api/v1/products/0/reviews")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
        }
    }
}
