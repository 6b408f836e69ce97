package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.meshproof.target.Progress;
import io.meshproof.target.RenderedState.RenderedFile;
import io.meshproof.target.istio.IstioReconciled;
import io.meshproof.target.kube.apply.AcknowledgementWaiter;
import io.meshproof.target.kube.apply.AppliedState;
import io.meshproof.target.kube.apply.ManifestApplier;
import io.meshproof.target.kube.apply.Ownership;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario's life on the mock cluster: apply, wait for istiod's word, revert. */
class KubeDeploymentTest {

    final MockCluster mock = new MockCluster();

    @AfterEach
    void tearDown() {
        mock.close();
    }

    @Test
    void awaitAppliedReturnsTheTimeFromApplyToAcknowledgementAndCloseRevertsOnce() throws Exception {
        mock.crd("networking.istio.io", "v1", "VirtualService", "virtualservices");
        mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bookinfo").endMetadata().build()).create();
        var resources = mock.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace("bookinfo");
        ManifestApplier applier = new ManifestApplier(mock.client, new Ownership("run-1"), "m", Duration.ofSeconds(5));
        long began = System.nanoTime();
        AppliedState state = applier.apply(List.of(new RenderedFile("10-vs.yaml", """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: reviews}
                spec: {hosts: [reviews], http: [{route: [{destination: {host: reviews, subset: v1}}]}]}
                """)), "bookinfo", "reviews-all-v1", Progress.SILENT);
        KubeDeployment deployment = new KubeDeployment(began, state, applier,
                new AcknowledgementWaiter(mock.client, List.of(new IstioReconciled())), Duration.ofSeconds(5), mock.client, "bookinfo",
                null, Progress.SILENT);

        CompletableFuture<Void> istiod = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            GenericKubernetesResource vs = resources.withName("reviews").get();
            vs.setAdditionalProperty("status", Map.of("observedGeneration", vs.getMetadata().getGeneration(),
                    "conditions", List.of(Map.of("type", "Reconciled", "status", "True"))));
            resources.resource(vs).updateStatus();
        });
        long elapsed = deployment.awaitApplied();
        istiod.get(5, TimeUnit.SECONDS);

        assertThat(elapsed).as("measured from apply, including the wait for Reconciled").isBetween(500L, 5_000L);

        deployment.close();
        assertThat(resources.withName("reviews").get()).isNull();
        deployment.close(); // a second close does nothing (and does not fail on the missing object)
    }
}
