package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeChaosTest {

    static final String NS = "bookinfo";
    static final String MESH = "istio-system";

    MockCluster mock;
    KubeChaos chaos;
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        mock = new MockCluster();
        for (String ns : List.of(NS, MESH)) {
            mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        deployment(NS, "reviews-v1", "reviews", "v1", 2);
        deployment(NS, "reviews-v2", "reviews", "v2", 1);
        deployment(MESH, "istiod", "istiod", null, 1);
        pod("reviews-v1-aaa", "reviews", "v1");
        pod("reviews-v1-bbb", "reviews", "v1");
        pod("reviews-v2-ccc", "reviews", "v2");
        chaos = new KubeChaos(mock.client, NS, MESH, List.of("istiod"), Duration.ofSeconds(5), lines::add);
    }

    @AfterEach
    void tearDown() {
        mock.close();
    }

    void deployment(String ns, String name, String app, String version, int replicas) {
        var labels = version == null ? java.util.Map.of("app", app) : java.util.Map.of("app", app, "version", version);
        mock.client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("c").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        mock.markRolledOut(ns, name);
    }

    void pod(String name, String app, String version) {
        mock.client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name)
                .addToLabels("app", app).addToLabels("version", version).endMetadata()
                .withNewSpec().addNewContainer().withName(app).withImage("i").endContainer().endSpec()
                .withNewStatus().withPhase("Running").endStatus().build()).create();
    }

    List<String> podNames() {
        return mock.client.pods().inNamespace(NS).list().getItems().stream().map(p -> p.getMetadata().getName()).sorted().toList();
    }

    @Test
    void killDeletesThatManyPodsOfTheVersionOnly() throws TargetException {
        List<String> killed = chaos.kill("reviews", "v1", 1);

        assertThat(killed).containsExactly("reviews-v1-aaa");
        assertThat(podNames()).containsExactly("reviews-v1-bbb", "reviews-v2-ccc");
    }

    @Test
    void killingMoreInstancesThanRunIsAnError() {
        assertThatThrownBy(() -> chaos.kill("reviews", "v2", 2)).hasMessageContaining("but 1 run");
        assertThat(podNames()).hasSize(3);
    }

    @Test
    void restartOfSomeInstancesReplacesThosePods() throws TargetException {
        assertThat(chaos.restart("reviews", "v1", 1)).containsExactly("reviews-v1-aaa");
        assertThat(podNames()).doesNotContain("reviews-v1-aaa").contains("reviews-v1-bbb");
        assertThat(restartedAt("reviews-v1")).as("not a rollout").isNull();
    }

    @Test
    void restartOfEveryInstanceIsARolloutRestart() throws TargetException {
        assertThat(chaos.restart("reviews", "v1", 2)).containsExactly("reviews-v1-aaa", "reviews-v1-bbb");
        assertThat(restartedAt("reviews-v1")).isNotNull();
        assertThat(restartedAt("reviews-v2")).isNull();
    }

    String restartedAt(String name) {
        var annotations = mock.client.apps().deployments().inNamespace(NS).withName(name).get().getSpec().getTemplate()
                .getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void controlPlaneOutageScalesToZeroForTheDurationAndBack() throws Exception {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        // play the Deployment controller: report each new replica count as rolled out
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Integer last = 1;
            while (System.nanoTime() < deadline && seen.size() < 2) {
                var d = mock.client.apps().deployments().inNamespace(MESH).withName("istiod").get();
                Integer replicas = d.getSpec().getReplicas();
                if (!replicas.equals(last)) {
                    last = replicas;
                    seen.add(replicas);
                    var status = d.getStatus();
                    status.setReplicas(replicas);
                    status.setAvailableReplicas(replicas);
                    status.setUpdatedReplicas(replicas);
                    status.setObservedGeneration(d.getMetadata().getGeneration());
                    mock.client.apps().deployments().inNamespace(MESH).resource(d).updateStatus();
                }
                sleep(50);
            }
        });
        long started = System.nanoTime();
        chaos.controlPlaneOutage(Duration.ofMillis(400));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        controller.get(10, TimeUnit.SECONDS);

        assertThat(seen).containsExactly(0, 1);
        assertThat(took).isGreaterThanOrEqualTo(400);
        assertThat(mock.client.apps().deployments().inNamespace(MESH).withName("istiod").get().getSpec().getReplicas()).isEqualTo(1);
        assertThat(lines).anyMatch(l -> l.contains("control plane down")).anyMatch(l -> l.contains("back and ready"));
    }

    @Test
    void anOutageOfAControlPlaneThatIsNotThereIsAnError() {
        KubeChaos none = new KubeChaos(mock.client, NS, MESH, List.of("linkerd-destination"), Duration.ofSeconds(1), Progress.SILENT);
        assertThatThrownBy(() -> none.controlPlaneOutage(Duration.ofMillis(1))).hasMessageContaining("linkerd-destination");
    }

    @Test
    void instancesNameEveryBookinfoPodWithItsBehavior() {
        mock.client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("ratings-v1-faulty-x")
                .addToLabels("app", "ratings").addToLabels("version", "v1").endMetadata()
                .withNewSpec().addNewContainer().withName("ratings").withImage("i")
                .addNewEnv().withName("SERVICE_VERSION").withValue("v-faulty").endEnv().endContainer().endSpec().build()).create();
        mock.client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("ratings-v1-unavailable-y")
                .addToLabels("app", "ratings").addToLabels("version", "v1").addToLabels(KubeDeployment.BEHAVIOR_LABEL, "unavailable")
                .endMetadata().withNewSpec().addNewContainer().withName("ratings").withImage("nginx").endContainer().endSpec().build()).create();
        mock.client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("tester-z")
                .addToLabels("app", "tester").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("i").endContainer().endSpec().build()).create();

        KubeDeployment deployment = new KubeDeployment(System.nanoTime(), null, null, null, Duration.ZERO, mock.client, NS, chaos,
                Progress.SILENT);
        assertThat(deployment.instances()).containsExactly(
                java.util.Map.entry("ratings-v1-faulty-x", "faulty"),
                java.util.Map.entry("ratings-v1-unavailable-y", "unavailable"),
                java.util.Map.entry("reviews-v1-aaa", "healthy"),
                java.util.Map.entry("reviews-v1-bbb", "healthy"),
                java.util.Map.entry("reviews-v2-ccc", "healthy"));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
