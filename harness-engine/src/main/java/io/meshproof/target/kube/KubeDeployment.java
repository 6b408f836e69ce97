package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.bookinfo.BookinfoCatalog;
import io.meshproof.target.Chaos;
import io.meshproof.target.Deployment;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.AcknowledgementWaiter;
import io.meshproof.target.kube.apply.AppliedState;
import io.meshproof.target.kube.apply.ManifestApplier;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** A scenario's state applied on Kubernetes; closing it reverts exactly what the apply did. */
final class KubeDeployment implements Deployment {

    /** The label a behavior instance carries (see the bookinfo fixture's kubernetes/README.md). */
    static final String BEHAVIOR_LABEL = "meshproof.io/behavior";

    private final long applyStartedNanos;
    private final AppliedState state;
    private final ManifestApplier applier;
    private final AcknowledgementWaiter waiter;
    private final Duration ackTimeout;
    private final KubernetesClient client;
    private final String namespace;
    private final Chaos chaos;
    private final Progress progress;
    private boolean closed;

    KubeDeployment(long applyStartedNanos, AppliedState state, ManifestApplier applier, AcknowledgementWaiter waiter,
                   Duration ackTimeout, KubernetesClient client, String namespace, Chaos chaos, Progress progress) {
        this.applyStartedNanos = applyStartedNanos;
        this.state = state;
        this.applier = applier;
        this.waiter = waiter;
        this.ackTimeout = ackTimeout;
        this.client = client;
        this.namespace = namespace;
        this.chaos = chaos;
        this.progress = progress;
    }

    AppliedState state() {
        return state;
    }

    @Override
    public long awaitApplied() throws TargetException {
        int awaited = waiter.awaited(state.refs()).size();
        waiter.await(state.refs(), ackTimeout);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - applyStartedNanos);
        progress.line(awaited == 0 ? "applied in " + elapsed + " ms (no mesh acknowledgement for these resources)"
                : "mesh acknowledged " + awaited + " resources " + elapsed + " ms after apply began");
        return elapsed;
    }

    @Override
    public Map<String, String> instances() {
        Map<String, String> instances = new TreeMap<>();
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            Map<String, String> labels = pod.getMetadata().getLabels();
            if (pod.getMetadata().getDeletionTimestamp() != null || labels == null || !BookinfoCatalog.hasService(labels.get("app"))) {
                continue;
            }
            instances.put(pod.getMetadata().getName(), behavior(pod));
        }
        return instances;
    }

    /** The behavior label, else the official ratings image's SERVICE_VERSION ({@code v-faulty}), else healthy. */
    static String behavior(Pod pod) {
        String label = pod.getMetadata().getLabels().get(BEHAVIOR_LABEL);
        if (label != null) {
            return label;
        }
        for (Container container : pod.getSpec().getContainers()) {
            if (container.getEnv() == null) {
                continue;
            }
            for (EnvVar env : container.getEnv()) {
                if ("SERVICE_VERSION".equals(env.getName()) && env.getValue() != null && env.getValue().startsWith("v-")) {
                    return env.getValue().substring(2);
                }
            }
        }
        return "healthy";
    }

    @Override
    public Chaos chaos() {
        return chaos;
    }

    @Override
    public synchronized void close() throws TargetException {
        if (!closed) {
            closed = true;
            applier.revert(state, progress);
        }
    }
}
