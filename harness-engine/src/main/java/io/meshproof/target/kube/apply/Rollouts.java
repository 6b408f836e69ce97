package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Waits for Deployments to finish rolling out, as {@code kubectl rollout status} does: the
 * controller saw the latest generation, every replica runs the latest template and is available,
 * and no old replica is left. Pod readiness includes the mesh proxy's own readiness probe, so a
 * rolled-out meshed Deployment has ready proxies.
 */
public final class Rollouts {

    private Rollouts() {
    }

    /** True when the Deployment has rolled out completely (scaled to zero counts when nothing is left). */
    public static boolean rolledOut(Deployment deployment) {
        if (deployment == null || deployment.getStatus() == null) {
            return false;
        }
        DeploymentStatus status = deployment.getStatus();
        long generation = Objects.requireNonNullElse(deployment.getMetadata().getGeneration(), 0L);
        long observed = Objects.requireNonNullElse(status.getObservedGeneration(), 0L);
        int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
        int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
        int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
        int total = Objects.requireNonNullElse(status.getReplicas(), 0);
        return observed >= generation && updated >= desired && available >= desired && total <= desired;
    }

    /** Waits until each named Deployment in the namespace has rolled out; the timeout covers them all. */
    public static void await(KubernetesClient client, String namespace, Collection<String> names, Duration timeout)
            throws TargetException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : names) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                client.apps().deployments().inNamespace(namespace).withName(name)
                        .waitUntilCondition(Rollouts::rolledOut, left, TimeUnit.MILLISECONDS);
            } catch (KubernetesClientException e) {
                throw new TargetException("Deployment " + namespace + "/" + name + " did not roll out within "
                        + timeout.toSeconds() + " s" + diagnosis(client, namespace), e);
            }
        }
    }

    /** Waits until every Deployment in the namespace has rolled out. */
    public static void awaitAll(KubernetesClient client, String namespace, Duration timeout) throws TargetException {
        List<String> names = client.apps().deployments().inNamespace(namespace).list().getItems().stream()
                .map(d -> d.getMetadata().getName()).sorted().toList();
        await(client, namespace, names, timeout);
    }

    /** Restarts a Deployment as {@code kubectl rollout restart} does (new pods, old ones go when new ones are ready). */
    public static void restart(KubernetesClient client, String namespace, String name) throws TargetException {
        try {
            client.apps().deployments().inNamespace(namespace).withName(name).rolling().restart();
        } catch (KubernetesClientException e) {
            throw new TargetException("cannot restart Deployment " + namespace + "/" + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restarts every Deployment in the namespace, as {@code kubectl rollout restart deployment -n <namespace>}
     * does, and returns their names (sorted); Deployments elsewhere are left alone.
     */
    public static List<String> restartAll(KubernetesClient client, String namespace) throws TargetException {
        List<String> names = client.apps().deployments().inNamespace(namespace).list().getItems().stream()
                .map(d -> d.getMetadata().getName()).sorted().toList();
        for (String name : names) {
            restart(client, namespace, name);
        }
        return names;
    }

    /** Why pods in the namespace are not ready (waiting reasons such as ImagePullBackOff), for error messages. */
    public static String diagnosis(KubernetesClient client, String namespace) {
        try {
            List<String> problems = new ArrayList<>();
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                if (pod.getStatus() == null) {
                    continue;
                }
                List<ContainerStatus> statuses = Stream.concat(
                        pod.getStatus().getInitContainerStatuses() == null ? Stream.empty() : pod.getStatus().getInitContainerStatuses().stream(),
                        pod.getStatus().getContainerStatuses() == null ? Stream.empty() : pod.getStatus().getContainerStatuses().stream())
                        .toList();
                String waiting = statuses.stream()
                        .filter(s -> s.getState() != null && s.getState().getWaiting() != null
                                && s.getState().getWaiting().getReason() != null
                                && !"PodInitializing".equals(s.getState().getWaiting().getReason()))
                        .map(s -> s.getName() + ": " + s.getState().getWaiting().getReason()
                                + (s.getState().getWaiting().getMessage() == null ? "" : " (" + s.getState().getWaiting().getMessage() + ")"))
                        .collect(Collectors.joining(", "));
                if (!waiting.isEmpty()) {
                    problems.add(pod.getMetadata().getName() + " " + waiting);
                } else if ("Pending".equals(pod.getStatus().getPhase())) {
                    problems.add(pod.getMetadata().getName() + " Pending" + (pod.getStatus().getConditions() == null ? "" :
                            pod.getStatus().getConditions().stream().filter(c -> c.getMessage() != null)
                                    .map(c -> " (" + c.getMessage() + ")").collect(Collectors.joining())));
                }
            }
            return problems.isEmpty() ? "" : "; pods: " + String.join("; ", problems);
        } catch (KubernetesClientException e) {
            return "";
        }
    }
}
