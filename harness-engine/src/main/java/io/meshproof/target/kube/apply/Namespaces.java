package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The namespaces the harness works in. It creates them labelled as this run's own and refuses to
 * work in a namespace it did not create (someone's real workloads may live there); at the end it
 * deletes exactly the namespaces this run created, and everything in them with them.
 */
public final class Namespaces {

    private final KubernetesClient client;
    private final Ownership ownership;

    public Namespaces(KubernetesClient client, Ownership ownership) {
        this.client = client;
        this.ownership = ownership;
    }

    /**
     * Creates the namespace with this run's labels plus {@code labels} and {@code annotations} (a
     * mesh's injection marker). If this run already created it, updates those; if anyone else did,
     * fails with what to do.
     */
    public void ensure(String name, Map<String, String> labels, Map<String, String> annotations) throws TargetException {
        Namespace existing = client.namespaces().withName(name).get();
        if (existing != null && !ownership.owns(existing)) {
            String whose = Ownership.managedByAnyRun(existing)
                    ? "by an earlier meshproof run (" + existing.getMetadata().getLabels().get(Ownership.RUN) + ") that did not clean up. "
                    + "Delete it with 'kubectl delete namespace " + name + "' if nothing else uses it"
                    : "by someone else. meshproof works only in namespaces it creates and will not touch this one; "
                    + "delete or rename it, or run against another cluster";
            throw new TargetException("namespace '" + name + "' already exists and was created " + whose + ".");
        }
        Map<String, String> allLabels = new HashMap<>(labels);
        allLabels.putAll(ownership.labels());
        Namespace wanted = new NamespaceBuilder()
                .withNewMetadata().withName(name).withLabels(allLabels).withAnnotations(new HashMap<>(annotations)).endMetadata()
                .build();
        try {
            if (existing == null) {
                client.namespaces().resource(wanted).create();
            } else {
                client.namespaces().withName(name).edit(ns -> {
                    ns.getMetadata().getLabels().putAll(allLabels);
                    Map<String, String> merged = ns.getMetadata().getAnnotations() == null
                            ? new HashMap<>() : new HashMap<>(ns.getMetadata().getAnnotations());
                    merged.putAll(annotations);
                    ns.getMetadata().setAnnotations(merged);
                    return ns;
                });
            }
        } catch (KubernetesClientException e) {
            throw new TargetException("cannot create namespace '" + name + "': " + e.getMessage()
                    + ". The kubeconfig's user needs permission to create namespaces.", e);
        }
    }

    /** The namespaces this run created, by name. */
    public List<String> own() {
        return client.namespaces().withLabels(ownership.labels()).list().getItems().stream()
                .filter(ownership::owns)
                .map(ns -> ns.getMetadata().getName())
                .sorted()
                .toList();
    }

    /** Deletes the namespaces this run created and waits until they are gone. */
    public void deleteOwn(Duration timeout) throws TargetException {
        List<String> names = own();
        for (String name : names) {
            client.namespaces().withName(name).delete();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : names) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                client.namespaces().withName(name).waitUntilCondition(ns -> ns == null, left, TimeUnit.MILLISECONDS);
            } catch (KubernetesClientException e) {
                throw new TargetException("namespace '" + name + "' was not gone within " + timeout.toSeconds()
                        + " s; a finalizer may hold it ('kubectl get namespace " + name + " -o yaml').", e);
            }
        }
    }
}
