package io.meshproof.target.kube.traffic;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.Injection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The harness's own client workloads in the cluster: {@code tester}, meshed, with its own
 * ServiceAccount (so it has an identity authorization rules can name), and {@code outsider}, kept
 * out of the mesh (a plaintext client). Each is one idle pod with curl that load runs are exec'd into.
 */
public final class ClientPods {

    /** A current curl image (busybox sh, curl 8). */
    public static final String DEFAULT_IMAGE = "curlimages/curl:8.16.0";
    public static final String TESTER = "tester";
    public static final String OUTSIDER = "outsider";
    public static final String CONTAINER = "client";

    private final String testerNamespace;
    private final String outsiderNamespace;
    private final String image;
    private final Injection injection;

    /**
     * @param testerNamespace   bookinfo's namespace: the tester's identity is
     *                          {@code cluster.local/ns/<bookinfo>/sa/tester}, as authorization rules name it
     * @param outsiderNamespace a namespace outside the mesh
     */
    public ClientPods(String testerNamespace, String outsiderNamespace, String image, Injection injection) {
        this.testerNamespace = testerNamespace;
        this.outsiderNamespace = outsiderNamespace;
        this.image = image;
        this.injection = injection;
    }

    /** The namespace the client ({@code tester} or {@code outsider}) runs in. */
    public String namespaceOf(String clientName) {
        return TESTER.equals(clientName) ? testerNamespace : outsiderNamespace;
    }

    /** The ServiceAccount and Deployment of the meshed tester. */
    public List<HasMetadata> testerManifests() {
        return List.of(serviceAccount(TESTER), deployment(TESTER, injection.meshedPodLabels(), injection.meshedPodAnnotations()));
    }

    /** The ServiceAccount and Deployment of the outsider, kept out of the mesh. */
    public List<HasMetadata> outsiderManifests() {
        return List.of(serviceAccount(OUTSIDER), deployment(OUTSIDER, injection.unmeshedPodLabels(), injection.unmeshedPodAnnotations()));
    }

    private HasMetadata serviceAccount(String name) {
        return new ServiceAccountBuilder().withNewMetadata().withName(name).withNamespace(namespaceOf(name))
                .addToLabels("app", name).endMetadata().build();
    }

    private HasMetadata deployment(String name, Map<String, String> podLabels, Map<String, String> podAnnotations) {
        Map<String, String> labels = new HashMap<>(podLabels);
        labels.put("app", name);
        return new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespaceOf(name)).addToLabels("app", name).endMetadata()
                .withNewSpec().withReplicas(1)
                .withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).withAnnotations(new HashMap<>(podAnnotations)).endMetadata()
                .withNewSpec()
                .withServiceAccountName(name)
                .withTerminationGracePeriodSeconds(2L)
                .addNewContainer().withName(CONTAINER).withImage(image).withImagePullPolicy("IfNotPresent")
                // idle until exec'd into; leaves at once on SIGTERM
                .withCommand("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 3600 & wait $!; done")
                .withNewResources().addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("10m"))
                .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("16Mi")).endResources()
                .endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    /** The name of a running, ready pod of the client ({@code tester} or {@code outsider}). */
    public String podName(KubernetesClient client, String clientName) throws TargetException {
        if (!TESTER.equals(clientName) && !OUTSIDER.equals(clientName)) {
            throw new TargetException("no in-cluster client named '" + clientName + "': use tester or outsider");
        }
        String namespace = namespaceOf(clientName);
        return client.pods().inNamespace(namespace).withLabel("app", clientName).list().getItems().stream()
                .filter(ClientPods::ready)
                .map(p -> p.getMetadata().getName())
                .sorted()
                .findFirst()
                .orElseThrow(() -> new TargetException("the " + clientName + " pod in namespace " + namespace
                        + " is not running and ready; see 'kubectl -n " + namespace + " describe pod -l app=" + clientName + "'"));
    }

    static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
                && "Running".equals(pod.getStatus().getPhase()) && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                .anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
