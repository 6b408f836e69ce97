package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.istio.IstioInstaller;
import io.meshproof.target.istio.IstioOptions;
import io.meshproof.target.istio.render.IstioRenderer;
import io.meshproof.target.kube.FakeHelm.Call;
import io.meshproof.target.kube.FakeHelm.Workload;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.apply.Rollouts;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.linkerd.LinkerdIdentityMaterial;
import io.meshproof.target.linkerd.LinkerdIdentitySource;
import io.meshproof.target.linkerd.LinkerdInstaller;
import io.meshproof.target.linkerd.LinkerdOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-place upgrade of a mesh on Kubernetes against the fabric8 mock API server, with Helm faked
 * ({@link FakeHelm}) and the Deployment controller and injector played by {@link FakeWorkloadController}:
 * the Helm calls and their values, the order of the steps, the rollout restart of bookinfo's
 * namespace only, the proxies' new image, and the refusals.
 */
class MeshUpgradeTest {

    static final String BOOKINFO = "bookinfo";
    static final String CLIENTS = "meshproof-clients";
    static final List<String> BOOKINFO_DEPLOYMENTS = List.of("productpage-v1", "reviews-v1", "tester");
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Ownership RUN = new Ownership("upgrade-test");
    static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

    MockCluster mock;
    KubeCluster cluster;
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final Progress progress = lines::add;
    FakeHelm helm;
    FakeWorkloadController controller;

    @BeforeEach
    void setUp() {
        mock = new MockCluster();
        cluster = mock.asCluster();
        helm = new FakeHelm(mock, events);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (controller != null) {
            controller.close();
        }
        mock.close();
    }

    // ---- Istio ----

    IstioInstaller istioAt(String version, Map<String, Object> userValues) {
        return new IstioInstaller(new IstioOptions(version, "v1.5.1", "standard", userValues, TIMEOUT));
    }

    /** Istio installed by the harness at its version, bookinfo and the tester meshed by it, the outsider in its own namespace. */
    IstioInstaller installIstio(IstioInstaller installer, Supplier<String> injected) throws Exception {
        mock.crd("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes"); // present, so install fetches nothing
        helm.chart("istiod", new Workload("istio-system", "istiod", "discovery", "docker.io/istio/pilot"));
        installer.install(cluster, helm, RUN, progress);
        deployBookinfo("istio-proxy", false, injected);
        return installer;
    }

    Supplier<String> istioInjector(IstioInstaller installer) {
        return () -> "docker.io/istio/proxyv2:" + installer.runningImageTag(mock.client).orElseThrow();
    }

    void deployBookinfo(String proxy, boolean nativeSidecar, Supplier<String> injected) throws TargetException {
        for (String ns : List.of(BOOKINFO, CLIENTS)) {
            mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        controller = new FakeWorkloadController(mock, BOOKINFO, proxy, nativeSidecar, injected, events);
        for (String name : BOOKINFO_DEPLOYMENTS) {
            deployment(BOOKINFO, name);
        }
        deployment(CLIENTS, "outsider");
        mock.markRolledOut(CLIENTS, "outsider");
        Rollouts.awaitAll(mock.client, BOOKINFO, TIMEOUT);
        events.clear();
        lines.clear();
    }

    void deployment(String namespace, String name) {
        mock.client.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("deployment", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("deployment", name).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app:1").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
    }

    String restartedAt(String namespace, String name) {
        var annotations = mock.client.apps().deployments().inNamespace(namespace).withName(name).get()
                .getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(RESTARTED_AT);
    }

    @Test
    void istioUpgradesBaseThenIstiodWithTheInstallValuesThenRestartsBookinfosDeployments() throws Exception {
        Map<String, Object> userValues = Map.of("pilot", Map.of("env", Map.of("PILOT_USER_FLAG", "on")));
        IstioInstaller installer = istioAt("1.29.6", userValues);
        installIstio(installer, istioInjector(installer));
        assertThat(ProxyImages.tags(mock.client, BOOKINFO, "istio-proxy")).hasSize(3).allSatisfy((pod, tag) -> assertThat(tag).isEqualTo("1.29.6"));

        new MeshUpgrade(cluster, installer, helm, TIMEOUT).run("1.30.3", progress);

        // Helm: base then istiod, at the new version, with exactly the values install passed (user overrides included)
        assertThat(helm.calls("upgrade")).extracting(Call::toString)
                .containsExactly("helm upgrade istio-base 1.30.3", "helm upgrade istiod 1.30.3");
        for (int i = 0; i < 2; i++) {
            Call install = helm.calls("install").get(i);
            Call upgrade = helm.calls("upgrade").get(i);
            assertThat(install.version()).isEqualTo("1.29.6");
            assertThat(upgrade.release().name()).isEqualTo(install.release().name());
            assertThat(upgrade.release().namespace()).isEqualTo(install.release().namespace());
            assertThat(upgrade.release().values()).isEqualTo(install.release().values());
        }
        assertThat(helm.calls("upgrade").get(1).release().valuesYaml()).contains("PILOT_USER_FLAG").contains("PILOT_ENABLE_STATUS");

        // order: both Helm upgrades before any restart; then exactly bookinfo's Deployments roll out
        assertThat(events).startsWith("helm upgrade istio-base 1.30.3", "helm upgrade istiod 1.30.3");
        assertThat(events.subList(2, events.size())).containsExactlyInAnyOrder(
                "rolled out bookinfo/productpage-v1", "rolled out bookinfo/reviews-v1", "rolled out bookinfo/tester");

        // kubectl rollout restart: the annotation on each bookinfo pod template; the other namespace untouched
        for (String name : BOOKINFO_DEPLOYMENTS) {
            assertThat(restartedAt(BOOKINFO, name)).as(name).isNotNull();
        }
        assertThat(restartedAt(CLIENTS, "outsider")).isNull();
        assertThat(mock.client.apps().deployments().inNamespace(CLIENTS).withName("outsider").get().getMetadata().getGeneration())
                .isEqualTo(1L);

        // the proxies were re-injected at the new version, and the installer says so
        assertThat(ProxyImages.tags(mock.client, BOOKINFO, "istio-proxy")).hasSize(3).allSatisfy((pod, tag) -> assertThat(tag).isEqualTo("1.30.3"));
        assertThat(installer.version()).isEqualTo("1.30.3");
        assertThat(lines).anyMatch(l -> l.contains("all 3 istio-proxy proxies in bookinfo moved from 1.29.6 to 1.30.3"))
                .anyMatch(l -> l.equals("upgrade done: istio 1.30.3"));

        // uninstall removes the releases as they now stand, istiod first
        installer.uninstall(cluster, helm, RUN, progress);
        assertThat(helm.calls("uninstall")).extracting(Call::toString)
                .containsExactly("helm uninstall istiod 1.30.3", "helm uninstall istio-base 1.30.3");
    }

    @Test
    void proxiesStillAtTheOldVersionAfterTheRestartFailTheUpgrade() throws Exception {
        IstioInstaller installer = istioAt("1.29.6", Map.of());
        installIstio(installer, () -> "docker.io/istio/proxyv2:1.29.6"); // an injector that never moves on

        assertThatThrownBy(() -> new MeshUpgrade(cluster, installer, helm, TIMEOUT).run("1.30.3", progress))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("3 of 3 pods in bookinfo still run istio-proxy at another tag than the upgraded control plane's 1.30.3")
                .hasMessageContaining("productpage-v1-").hasMessageContaining("=1.29.6");
    }

    @Test
    void istiodThatDoesNotRunTheNewVersionStopsTheUpgradeBeforeAnyRestart() throws Exception {
        IstioInstaller installer = istioAt("1.29.6", Map.of());
        helm.tags(version -> "1.29.6"); // values pinning global.tag
        installIstio(installer, istioInjector(installer));

        assertThatThrownBy(() -> new MeshUpgrade(cluster, installer, helm, TIMEOUT).run("1.30.3", progress))
                .hasMessageContaining("istiod runs image tag 1.29.6, not 1.30.3");
        assertThat(installer.version()).isEqualTo("1.29.6");
        assertThat(BOOKINFO_DEPLOYMENTS).allSatisfy(name -> assertThat(restartedAt(BOOKINFO, name)).isNull());
    }

    @Test
    void aFailedHelmUpgradeStopsThereAndKeepsTheReleaseListAsItStands() throws Exception {
        IstioInstaller installer = istioAt("1.29.6", Map.of());
        helm.failUpgradeOf("istio-base");
        installIstio(installer, istioInjector(installer));

        assertThatThrownBy(() -> new MeshUpgrade(cluster, installer, helm, TIMEOUT).run("1.30.3", progress))
                .hasMessageContaining("helm upgrade istio-base");
        assertThat(helm.calls("upgrade")).extracting(Call::toString).containsExactly("helm upgrade istio-base 1.30.3");
        assertThat(BOOKINFO_DEPLOYMENTS).allSatisfy(name -> assertThat(restartedAt(BOOKINFO, name)).isNull());
        assertThat(installer.version()).isEqualTo("1.29.6");
        installer.uninstall(cluster, helm, RUN, progress);
        assertThat(helm.calls("uninstall")).extracting(Call::toString)
                .containsExactly("helm uninstall istiod 1.29.6", "helm uninstall istio-base 1.29.6");
    }

    @Test
    void anInstallerThatInstalledNothingRefusesToUpgrade() {
        assertThatThrownBy(() -> istioAt("1.29.6", Map.of()).upgrade(cluster, helm, "1.30.3", progress))
                .hasMessageContaining("Istio was not installed by this run");
        LinkerdInstaller linkerd = new LinkerdInstaller(new LinkerdOptions("2025.10.7", Map.of(), Duration.ofDays(1), TIMEOUT), identities());
        assertThatThrownBy(() -> linkerd.upgrade(cluster, helm, "2026.6.3", progress))
                .hasMessageContaining("Linkerd was not installed by this run");
        assertThat(helm.calls).isEmpty();
    }

    @Test
    void theTargetRefusesToUpgradeAMeshItDidNotInstall() {
        IstioInstaller installer = istioAt("1.29.6", Map.of());
        KubernetesMeshTarget given = new KubernetesMeshTarget(cluster, installer, new IstioRenderer(KubeImages.defaults()),
                KubeTargetOptions.defaults(false));
        assertThatThrownBy(() -> given.upgrade("1.30.3", progress))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("the harness upgrades only a mesh it installed")
                .hasMessageContaining("mesh.install=false");

        // control: a mesh the harness installs is not refused for that reason (here it is only not started yet)
        KubernetesMeshTarget installing = new KubernetesMeshTarget(cluster, installer, new IstioRenderer(KubeImages.defaults()),
                KubeTargetOptions.defaults(true));
        assertThatThrownBy(() -> installing.upgrade("1.30.3", progress))
                .hasMessageContaining("not started")
                .hasMessageNotContaining("mesh.install=false");
        assertThat(helm.calls).isEmpty();
    }

    // ---- Linkerd ----

    final AtomicInteger generated = new AtomicInteger();

    /** A fresh, distinguishable trust anchor and issuer on every call. */
    LinkerdIdentitySource identities() {
        return validity -> {
            int n = generated.incrementAndGet();
            return new LinkerdIdentityMaterial(pem("CERTIFICATE", "anchor" + n), pem("CERTIFICATE", "issuer" + n), pem("PRIVATE KEY", "key" + n));
        };
    }

    static String pem(String type, String body) {
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    LinkerdInstaller installLinkerd(UnaryTag chartTags) throws Exception {
        LinkerdInstaller installer = new LinkerdInstaller(new LinkerdOptions("2025.10.7", Map.of("proxy", Map.of("logLevel", "debug")),
                Duration.ofDays(1), TIMEOUT), identities());
        String controller = "cr.l5d.io/linkerd/controller";
        helm.tags(chartTags::tag).chart("linkerd-control-plane",
                new Workload("linkerd", "linkerd-identity", "identity", controller),
                new Workload("linkerd", "linkerd-destination", "destination", controller),
                new Workload("linkerd", "linkerd-proxy-injector", "proxy-injector", controller));
        installer.install(cluster, helm, RUN, progress); // no Gateway API CRDs yet: linkerd-crds brings them
        mock.crd("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes"); // what linkerd-crds installGatewayAPI=true did
        deployBookinfo("linkerd-proxy", true,
                () -> "cr.l5d.io/linkerd/proxy:" + installer.runningImageTag(mock.client).orElseThrow());
        return installer;
    }

    interface UnaryTag {
        String tag(String chartVersion);
    }

    /** The edge chart {@code 2026.6.3} ships {@code edge-26.6.3}. */
    static String edgeTag(String chartVersion) {
        return "edge-" + chartVersion.substring(2);
    }

    @Test
    void linkerdUpgradesWithTheInstallIdentityAndGatewayChoiceAndTheControlPlaneAtomically() throws Exception {
        LinkerdInstaller installer = installLinkerd(MeshUpgradeTest::edgeTag);

        new MeshUpgrade(cluster, installer, helm, TIMEOUT).run("2026.6.3", progress);

        assertThat(helm.calls("upgrade")).extracting(Call::toString)
                .containsExactly("helm upgrade linkerd-crds 2026.6.3", "helm upgrade linkerd-control-plane 2026.6.3 --atomic");
        Call crds = helm.calls("upgrade").get(0);
        Call controlPlane = helm.calls("upgrade").get(1);
        assertThat(crds.release().values()).as("the Gateway API CRDs linkerd-crds installed stay")
                .isEqualTo(Map.of("installGatewayAPI", true));
        assertThat(controlPlane.release().values()).isEqualTo(helm.calls("install").get(1).release().values());
        assertThat(generated.get()).as("no new identity generated for the upgrade").isEqualTo(1);
        assertThat(controlPlane.release().values().get("identityTrustAnchorsPEM")).isEqualTo(pem("CERTIFICATE", "anchor1"));
        assertThat(controlPlane.release().valuesYaml()).contains("issuer1").contains("key1").contains("logLevel");

        assertThat(events).startsWith("helm upgrade linkerd-crds 2026.6.3", "helm upgrade linkerd-control-plane 2026.6.3 --atomic");
        assertThat(events.subList(2, events.size())).hasSize(3).allMatch(e -> e.startsWith("rolled out bookinfo/"));
        assertThat(restartedAt(CLIENTS, "outsider")).isNull();
        assertThat(ProxyImages.tags(mock.client, BOOKINFO, "linkerd-proxy")).as("native sidecars, found among init containers")
                .hasSize(3).allSatisfy((pod, tag) -> assertThat(tag).isEqualTo("edge-26.6.3"));
        assertThat(installer.version()).isEqualTo("2026.6.3");

        installer.uninstall(cluster, helm, RUN, progress);
        assertThat(helm.calls("uninstall")).extracting(Call::toString)
                .containsExactly("helm uninstall linkerd-control-plane 2026.6.3", "helm uninstall linkerd-crds 2026.6.3");
    }

    @Test
    void aLinkerdControlPlaneStillOnTheOldImageStopsTheUpgrade() throws Exception {
        LinkerdInstaller installer = installLinkerd(version -> "edge-25.10.7"); // values pinning linkerdVersion

        assertThatThrownBy(() -> new MeshUpgrade(cluster, installer, helm, TIMEOUT).run("2026.6.3", progress))
                .hasMessageContaining("linkerd-destination still runs image tag edge-25.10.7");
        assertThat(installer.version()).isEqualTo("2025.10.7");
        assertThat(BOOKINFO_DEPLOYMENTS).allSatisfy(name -> assertThat(restartedAt(BOOKINFO, name)).isNull());
    }
}
