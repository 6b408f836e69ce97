package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.meshproof.target.Progress;
import io.meshproof.target.RenderedState.RenderedFile;
import io.meshproof.target.TargetException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Applies rendered manifests and reverts them exactly. Files are applied in name order, documents
 * in file order, by server-side apply under one field manager. An object that did not exist is
 * created with this run's labels and deleted on revert (only if it still carries them); an object
 * that existed is snapshotted first and its labels, annotations and body are put back on revert,
 * so stock objects a scenario changes (a Service annotation, a Namespace policy) return as they were.
 */
public final class ManifestApplier {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "GatewayClass");

    private final KubernetesClient client;
    private final Ownership ownership;
    private final String fieldManager;
    private final Duration timeout;

    public ManifestApplier(KubernetesClient client, Ownership ownership, String fieldManager, Duration timeout) {
        this.client = client;
        this.ownership = ownership;
        this.fieldManager = fieldManager;
        this.timeout = timeout;
    }

    /** The objects of one rendered file; a file that is not Kubernetes YAML is an error naming the file. */
    public List<HasMetadata> parse(RenderedFile file) throws TargetException {
        try {
            List<HasMetadata> items = client.load(new ByteArrayInputStream(file.content().getBytes(StandardCharsets.UTF_8))).items();
            List<HasMetadata> objects = items.stream().filter(Objects::nonNull).toList();
            for (HasMetadata object : objects) {
                if (object.getKind() == null || object.getApiVersion() == null || object.getMetadata() == null
                        || object.getMetadata().getName() == null) {
                    throw new TargetException("rendered file " + file.name() + " has a document without apiVersion, kind or metadata.name");
                }
            }
            return objects;
        } catch (RuntimeException e) {
            // the YAML parser's own exceptions are runtime exceptions of several kinds
            throw new TargetException("rendered file " + file.name() + " is not valid Kubernetes YAML: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /**
     * Applies the files into {@code defaultNamespace} (objects that name their own namespace keep it),
     * restarts what they ask to restart and waits for every Deployment they touch to roll out. If the
     * cluster rejects an object, what was applied so far is reverted and the error names the object.
     */
    public AppliedState apply(List<RenderedFile> files, String defaultNamespace, String scenarioId, Progress progress)
            throws TargetException {
        List<RenderedFile> ordered = files.stream().sorted(Comparator.comparing(RenderedFile::name)).toList();
        List<AppliedResource> applied = new ArrayList<>();
        List<RestartRequest> restarts = new ArrayList<>();
        try {
            for (RenderedFile file : ordered) {
                for (HasMetadata object : parse(file)) {
                    applied.add(applyOne(file, object, defaultNamespace, scenarioId));
                    restartRequest(object).ifPresent(restarts::add);
                }
            }
            AppliedState state = new AppliedState(scenarioId, applied, restarts);
            Set<String> restarted = restart(restarts);
            awaitDeployments(state, restarted);
            progress.line("applied " + applied.size() + " objects from " + ordered.size() + " files"
                    + (restarted.isEmpty() ? "" : ", restarted " + restarted));
            return state;
        } catch (TargetException | RuntimeException e) {
            try {
                revert(new AppliedState(scenarioId, applied, restarts), Progress.SILENT);
            } catch (TargetException revertFailed) {
                e.addSuppressed(revertFailed);
            }
            throw e;
        }
    }

    private AppliedResource applyOne(RenderedFile file, HasMetadata object, String defaultNamespace, String scenarioId)
            throws TargetException {
        if (!CLUSTER_SCOPED.contains(object.getKind()) && object.getMetadata().getNamespace() == null) {
            object.getMetadata().setNamespace(defaultNamespace);
        }
        ResourceRef ref = ResourceRef.of(object);
        try {
            GenericKubernetesResource before = generic(ref).get();
            if (before == null) {
                ownership.mark(object, scenarioId);
            }
            client.resource(object).fieldManager(fieldManager).forceConflicts().serverSideApply();
            return new AppliedResource(ref, before);
        } catch (KubernetesClientException e) {
            String reason = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : e.getMessage();
            String hint = e.getCode() == 404 ? " Is the CRD for " + ref.apiVersion() + " " + ref.kind() + " installed?" : "";
            throw new TargetException("the cluster rejected " + ref + " from " + file.name() + ": " + reason + "." + hint, e);
        }
    }

    private static Optional<RestartRequest> restartRequest(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        if (annotations == null || !annotations.containsKey(RestartRequest.ANNOTATION)) {
            return Optional.empty();
        }
        String namespace = "Namespace".equals(object.getKind()) ? object.getMetadata().getName() : object.getMetadata().getNamespace();
        return Optional.of(new RestartRequest(namespace, annotations.get(RestartRequest.ANNOTATION)));
    }

    /** Restarts the Deployments the requests select; returns them as {@code namespace/name}. */
    private Set<String> restart(List<RestartRequest> requests) throws TargetException {
        Set<String> restarted = new LinkedHashSet<>();
        for (RestartRequest request : requests) {
            List<Deployment> deployments = request.all()
                    ? client.apps().deployments().inNamespace(request.namespace()).list().getItems()
                    : client.apps().deployments().inNamespace(request.namespace()).withLabelSelector(request.selector()).list().getItems();
            for (Deployment deployment : deployments) {
                String key = request.namespace() + "/" + deployment.getMetadata().getName();
                if (restarted.add(key)) {
                    Rollouts.restart(client, request.namespace(), deployment.getMetadata().getName());
                }
            }
        }
        return restarted;
    }

    private void awaitDeployments(AppliedState state, Set<String> restarted) throws TargetException {
        Map<String, Set<String>> byNamespace = new LinkedHashMap<>();
        for (ResourceRef ref : state.refs()) {
            if ("Deployment".equals(ref.kind())) {
                byNamespace.computeIfAbsent(ref.namespace(), n -> new LinkedHashSet<>()).add(ref.name());
            }
        }
        for (String key : restarted) {
            String[] parts = key.split("/", 2);
            byNamespace.computeIfAbsent(parts[0], n -> new LinkedHashSet<>()).add(parts[1]);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<String, Set<String>> entry : byNamespace.entrySet()) {
            List<String> present = entry.getValue().stream()
                    .filter(name -> client.apps().deployments().inNamespace(entry.getKey()).withName(name).get() != null)
                    .toList();
            Rollouts.await(client, entry.getKey(), present, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }

    /**
     * Undoes an apply, last object first: deletes what it created (only objects that still carry
     * this run's labels), restores what it changed, waits until deleted objects are gone, restarts
     * what the apply had restarted (so pods pick up the restored state) and waits for rollouts.
     */
    public void revert(AppliedState state, Progress progress) throws TargetException {
        List<AppliedResource> reversed = new ArrayList<>(state.resources());
        Collections.reverse(reversed);
        List<String> problems = new ArrayList<>();
        List<ResourceRef> deleted = new ArrayList<>();
        for (AppliedResource resource : reversed) {
            try {
                if (resource.created()) {
                    GenericKubernetesResource current = generic(resource.ref()).get();
                    if (current == null) {
                        continue;
                    }
                    if (!ownership.owns(current)) {
                        problems.add(resource.ref() + " no longer carries this run's labels; left in place");
                        continue;
                    }
                    // foreground: the object goes only after its pods, so the next scenario starts clean
                    generic(resource.ref()).withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
                    deleted.add(resource.ref());
                } else {
                    restore(resource);
                }
            } catch (KubernetesClientException e) {
                problems.add(resource.ref() + ": " + e.getMessage());
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ResourceRef ref : deleted) {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            try {
                generic(ref).waitUntilCondition(Objects::isNull, left, TimeUnit.MILLISECONDS);
            } catch (KubernetesClientException e) {
                problems.add(ref + " was not gone within " + timeout.toSeconds() + " s");
            }
        }
        if (!problems.isEmpty()) {
            throw new TargetException("reverting scenario " + state.scenarioId() + " left problems: " + String.join("; ", problems));
        }
        Set<String> restarted = restart(state.restarts());
        AppliedState modifiedDeployments = new AppliedState(state.scenarioId(),
                state.resources().stream().filter(r -> !r.created()).toList(), List.of());
        awaitDeployments(modifiedDeployments, restarted);
        progress.line("reverted " + state.resources().size() + " objects of " + state.scenarioId()
                + " (" + deleted.size() + " deleted, " + (state.resources().size() - deleted.size()) + " restored)");
    }

    /** Puts back labels, annotations and every top-level field but status as they were before the apply. */
    private void restore(AppliedResource resource) {
        GenericKubernetesResource before = resource.before();
        generic(resource.ref()).edit(current -> {
            GenericKubernetesResource restored = client.getKubernetesSerialization().clone(current);
            restored.getMetadata().setLabels(copy(before.getMetadata().getLabels()));
            restored.getMetadata().setAnnotations(copy(before.getMetadata().getAnnotations()));
            Set<String> fields = new LinkedHashSet<>(current.getAdditionalProperties().keySet());
            fields.addAll(before.getAdditionalProperties().keySet());
            fields.remove("status");
            for (String field : fields) {
                if (before.getAdditionalProperties().containsKey(field)) {
                    restored.getAdditionalProperties().put(field, before.getAdditionalProperties().get(field));
                } else {
                    restored.getAdditionalProperties().remove(field);
                }
            }
            return restored;
        });
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? new HashMap<>() : new HashMap<>(map);
    }

    private Resource<GenericKubernetesResource> generic(ResourceRef ref) {
        return ref.namespace() == null
                ? client.genericKubernetesResources(ref.apiVersion(), ref.kind()).withName(ref.name())
                : client.genericKubernetesResources(ref.apiVersion(), ref.kind()).inNamespace(ref.namespace()).withName(ref.name());
    }
}
