package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Plays the Deployment controller and the mesh's injector for one namespace of the mock API server
 * (which has neither): whenever a Deployment's generation is ahead of what it observed (created, or
 * restarted), its pods are replaced by one new pod carrying the proxy image the injector hands out
 * at that moment, and the Deployment is reported rolled out. Polls every 50 ms for at most 30 s.
 */
final class FakeWorkloadController implements AutoCloseable {

    private final MockCluster mock;
    private final String namespace;
    private final String proxyContainer;
    private final boolean nativeSidecar;
    private final Supplier<String> injectedProxyImage;
    private final List<String> events;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger pods = new AtomicInteger();
    private final Thread thread;

    /**
     * @param nativeSidecar      the proxy as an init container (Kubernetes native sidecar), else a regular container
     * @param injectedProxyImage the proxy image the injector gives a pod created now
     */
    FakeWorkloadController(MockCluster mock, String namespace, String proxyContainer, boolean nativeSidecar,
                           Supplier<String> injectedProxyImage, List<String> events) {
        this.mock = mock;
        this.namespace = namespace;
        this.proxyContainer = proxyContainer;
        this.nativeSidecar = nativeSidecar;
        this.injectedProxyImage = injectedProxyImage;
        this.events = events;
        this.thread = new Thread(this::loop, "fake-workload-controller-" + namespace);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (running.get() && System.nanoTime() < deadline) {
            for (Deployment d : mock.client.apps().deployments().inNamespace(namespace).list().getItems()) {
                long generation = Objects.requireNonNullElse(d.getMetadata().getGeneration(), 1L);
                long observed = d.getStatus() == null ? 0 : Objects.requireNonNullElse(d.getStatus().getObservedGeneration(), 0L);
                if (generation > observed) {
                    replacePods(d.getMetadata().getName());
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void replacePods(String deployment) {
        mock.client.pods().inNamespace(namespace).withLabel("deployment", deployment).delete();
        var proxy = new ContainerBuilder().withName(proxyContainer).withImage(injectedProxyImage.get()).build();
        var spec = new PodBuilder().withNewMetadata().withName(deployment + "-" + pods.incrementAndGet())
                .addToLabels("deployment", deployment).endMetadata()
                .withNewSpec().addNewContainer().withName("app").withImage("app:1").endContainer();
        spec = nativeSidecar ? spec.addToInitContainers(proxy) : spec.addToContainers(proxy);
        mock.client.pods().inNamespace(namespace).resource(spec.endSpec().build()).create();
        events.add("rolled out " + namespace + "/" + deployment); // before the status, so a waiter that saw it sees the event
        mock.markRolledOut(namespace, deployment);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(2_000);
    }
}
