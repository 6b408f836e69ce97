package io.meshproof.target.kube.bookinfo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.apply.Rollouts;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts workloads into a namespace the harness owns (bookinfo, the client pods), labelled as this
 * run's, by server-side apply; waits until they have rolled out and checks that every pod carries
 * the mesh's proxy (a pod Ready with its proxy means the proxy passed its readiness probe).
 */
public final class BookinfoDeployer {

    public static final String FIELD_MANAGER = "meshproof";

    private final KubernetesClient client;
    private final Ownership ownership;

    public BookinfoDeployer(KubernetesClient client, Ownership ownership) {
        this.client = client;
        this.ownership = ownership;
    }

    /** Applies the objects into the namespace. */
    public void apply(String namespace, List<? extends HasMetadata> objects) throws TargetException {
        for (HasMetadata object : objects) {
            object.getMetadata().setNamespace(namespace);
            ownership.mark(object, null);
            try {
                client.resource(object).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            } catch (KubernetesClientException e) {
                throw new TargetException("cannot create " + object.getKind() + " " + namespace + "/" + object.getMetadata().getName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Waits for every Deployment of the namespace, then checks that each pod has the proxy container. */
    public void awaitMeshed(String namespace, String proxyContainer, Duration timeout, Progress progress) throws TargetException {
        try (Progress.Step ignored = progress.step("waiting for the pods in " + namespace + " (with " + proxyContainer + ")")) {
            Rollouts.awaitAll(client, namespace, timeout);
            List<String> unmeshed = client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .filter(p -> !hasContainer(p, proxyContainer))
                    .map(p -> p.getMetadata().getName())
                    .toList();
            if (!unmeshed.isEmpty()) {
                throw new TargetException("pods in " + namespace + " run without the mesh proxy (" + proxyContainer + "): " + unmeshed
                        + ". Check that the mesh's injector is running and the namespace carries its injection marker "
                        + "('kubectl get namespace " + namespace + " --show-labels').");
            }
        }
    }

    /** Whether the pod has the container, as a regular container or as a native sidecar (an init container). */
    public static boolean hasContainer(Pod pod, String name) {
        return container(pod, name).isPresent();
    }

    /** The pod's container of that name, a regular container or a native sidecar (an init container). */
    public static java.util.Optional<Container> container(Pod pod, String name) {
        Stream<Container> containers = Stream.concat(
                pod.getSpec().getContainers().stream(),
                pod.getSpec().getInitContainers() == null ? Stream.empty() : pod.getSpec().getInitContainers().stream());
        return containers.filter(c -> name.equals(c.getName())).findFirst();
    }

    /** The node port Kubernetes gave (or kept for) the ingress Service. */
    public int ingressNodePort(String namespace) throws TargetException {
        Service service = client.services().inNamespace(namespace).withName(BookinfoManifests.INGRESS_SERVICE).get();
        if (service == null || service.getSpec().getPorts().get(0).getNodePort() == null) {
            throw new TargetException("the Service " + namespace + "/" + BookinfoManifests.INGRESS_SERVICE + " has no node port");
        }
        return service.getSpec().getPorts().get(0).getNodePort();
    }
}
