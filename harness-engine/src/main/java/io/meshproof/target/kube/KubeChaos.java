package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.Chaos;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Rollouts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chaos on Kubernetes. kill: delete pods with grace period 0 (process and sidecar die at once; the
 * ReplicaSet starts replacements). restart: {@code kubectl rollout restart} of the version's
 * Deployments when the count covers all their pods, else a graceful delete of that many pods.
 * controlPlaneOutage: scale the mesh's control-plane Deployments to zero, keep them down for the
 * duration, scale them back and wait until they are ready.
 */
final class KubeChaos implements Chaos {

    private final KubernetesClient client;
    private final String namespace;
    private final String meshNamespace;
    private final List<String> outageDeployments;
    private final Duration timeout;
    private final Progress progress;

    KubeChaos(KubernetesClient client, String namespace, String meshNamespace, List<String> outageDeployments, Duration timeout,
              Progress progress) {
        this.client = client;
        this.namespace = namespace;
        this.meshNamespace = meshNamespace;
        this.outageDeployments = List.copyOf(outageDeployments);
        this.timeout = timeout;
        this.progress = progress;
    }

    @Override
    public List<String> kill(String service, String version, int count) throws TargetException {
        List<String> victims = pods(service, version, count);
        for (String pod : victims) {
            client.pods().inNamespace(namespace).withName(pod).withGracePeriod(0).delete();
        }
        progress.line("chaos: killed " + victims);
        return victims;
    }

    @Override
    public List<String> restart(String service, String version, int count) throws TargetException {
        List<Pod> running = running(service, version);
        List<String> victims = pods(service, version, count);
        if (count >= running.size()) {
            for (Deployment deployment : client.apps().deployments().inNamespace(namespace)
                    .withLabel("app", service).withLabel("version", version).list().getItems()) {
                Rollouts.restart(client, namespace, deployment.getMetadata().getName());
            }
            progress.line("chaos: rollout restart of " + service + " " + version + " (" + victims + ")");
        } else {
            for (String pod : victims) {
                client.pods().inNamespace(namespace).withName(pod).delete();
            }
            progress.line("chaos: restarted " + victims);
        }
        return victims;
    }

    @Override
    public void controlPlaneOutage(Duration duration) throws TargetException {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (String name : outageDeployments) {
            Deployment deployment = client.apps().deployments().inNamespace(meshNamespace).withName(name).get();
            if (deployment == null) {
                throw new TargetException("no control-plane Deployment " + meshNamespace + "/" + name + " to take down");
            }
            replicas.put(name, deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas());
        }
        try {
            replicas.keySet().forEach(name -> scale(name, 0));
            Rollouts.await(client, meshNamespace, replicas.keySet(), timeout);
            progress.line("chaos: control plane down (" + String.join(", ", replicas.keySet()) + ") for " + duration.toMillis() + " ms");
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted during the control-plane outage; scaling it back", e);
        } finally {
            replicas.forEach(this::scale);
        }
        Rollouts.await(client, meshNamespace, replicas.keySet(), timeout);
        progress.line("chaos: control plane back and ready");
    }

    private void scale(String deployment, int replicas) {
        try {
            client.apps().deployments().inNamespace(meshNamespace).withName(deployment).edit(d -> {
                d.getSpec().setReplicas(replicas);
                return d;
            });
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cannot scale " + meshNamespace + "/" + deployment + " to " + replicas + ": " + e.getMessage(), e);
        }
    }

    private List<Pod> running(String service, String version) {
        return client.pods().inNamespace(namespace).withLabel("app", service).withLabel("version", version).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .filter(p -> p.getStatus() == null || !"Succeeded".equals(p.getStatus().getPhase()) && !"Failed".equals(p.getStatus().getPhase()))
                .sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
    }

    private List<String> pods(String service, String version, int count) throws TargetException {
        List<Pod> running = running(service, version);
        if (running.size() < count) {
            throw new TargetException("chaos wants " + count + " instances of " + service + " " + version + " but " + running.size() + " run");
        }
        return running.subList(0, count).stream().map(p -> p.getMetadata().getName()).toList();
    }
}
