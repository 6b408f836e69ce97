package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Waits until the mesh has acknowledged every applied resource that has an acknowledgement. */
public final class AcknowledgementWaiter {

    private static final long POLL_MILLIS = 200;

    private final KubernetesClient client;
    private final List<Acknowledgement> acknowledgements;

    public AcknowledgementWaiter(KubernetesClient client, List<Acknowledgement> acknowledgements) {
        this.client = client;
        this.acknowledgements = List.copyOf(acknowledgements);
    }

    /** The resources among these that have an acknowledgement to wait for. */
    public List<ResourceRef> awaited(List<ResourceRef> resources) {
        return resources.stream().filter(r -> acknowledgements.stream().anyMatch(a -> a.appliesTo(r))).toList();
    }

    /** Blocks until all are acknowledged, or fails after the timeout naming what is still pending and why. */
    public void await(List<ResourceRef> resources, Duration timeout) throws TargetException {
        List<ResourceRef> awaited = awaited(resources);
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<ResourceRef, String> pending = new LinkedHashMap<>();
        while (true) {
            pending.clear();
            for (ResourceRef ref : awaited) {
                pendingReason(ref).ifPresent(reason -> pending.put(ref, reason));
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TargetException("the mesh did not acknowledge the applied configuration within " + timeout.toSeconds()
                        + " s: " + pending.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining("; ")));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while waiting for the mesh to acknowledge the configuration", e);
            }
        }
    }

    private Optional<String> pendingReason(ResourceRef ref) {
        GenericKubernetesResource current;
        try {
            current = client.genericKubernetesResources(ref.apiVersion(), ref.kind())
                    .inNamespace(ref.namespace()).withName(ref.name()).get();
        } catch (KubernetesClientException e) {
            return Optional.of("cannot read it: " + e.getMessage());
        }
        if (current == null) {
            return Optional.of("it is gone");
        }
        for (Acknowledgement ack : acknowledgements) {
            if (ack.appliesTo(ref)) {
                Optional<String> reason = ack.pending(current);
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        return Optional.empty();
    }
}
