package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.apply.ResourceRef;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * The Kubernetes Gateway API CRDs (HTTPRoute, GRPCRoute, ...), which Istio does not bundle. Installed
 * from the project's release manifest only when absent, labelled as this run's, and removed only
 * by those labels: a cluster that already has them keeps its own.
 */
public final class GatewayApiCrds {

    /** The version Istio 1.30 builds against; Linkerd 2.20 accepts 1.2.1 to 1.5.1. */
    public static final String DEFAULT_VERSION = "v1.5.1";
    public static final String HTTPROUTE_CRD = "httproutes.gateway.networking.k8s.io";

    private GatewayApiCrds() {
    }

    public static boolean present(KubernetesClient client) {
        return client.apiextensions().v1().customResourceDefinitions().withName(HTTPROUTE_CRD).get() != null;
    }

    /** {@code standard} or {@code experimental} channel manifest of a Gateway API release. */
    public static URI manifest(String version, String channel) {
        if (!"standard".equals(channel) && !"experimental".equals(channel)) {
            throw new IllegalArgumentException("mesh.gatewayApi.channel must be standard or experimental, was " + channel);
        }
        return URI.create("https://github.com/kubernetes-sigs/gateway-api/releases/download/" + version + "/" + channel + "-install.yaml");
    }

    /** Installs the CRDs unless present; returns what it created (empty when they were there). */
    public static List<ResourceRef> ensure(KubernetesClient client, String version, String channel, Ownership ownership, Progress progress)
            throws TargetException {
        if (present(client)) {
            progress.line("Gateway API CRDs already on the cluster; using them");
            return List.of();
        }
        URI manifest = manifest(version, channel);
        try (Progress.Step ignored = progress.step("Gateway API CRDs " + version + " (" + channel + ")");
             InputStream in = manifest.toURL().openStream()) {
            List<ResourceRef> created = new java.util.ArrayList<>();
            for (HasMetadata item : client.load(in).items()) {
                ownership.mark(item, null);
                client.resource(item).fieldManager(Ownership.MANAGER).forceConflicts().serverSideApply();
                created.add(ResourceRef.of(item));
            }
            return created;
        } catch (IOException | KubernetesClientException e) {
            throw new TargetException("cannot install the Gateway API CRDs from " + manifest + ": " + e.getMessage()
                    + ". Install them yourself ('kubectl apply --server-side -f " + manifest + "') or check the network.", e);
        }
    }

    /** Deletes what {@link #ensure} created, each only while it carries this run's labels. */
    public static void remove(KubernetesClient client, List<ResourceRef> created, Ownership ownership) {
        for (ResourceRef ref : created) {
            var resource = ref.namespace() == null
                    ? client.genericKubernetesResources(ref.apiVersion(), ref.kind()).withName(ref.name())
                    : client.genericKubernetesResources(ref.apiVersion(), ref.kind()).inNamespace(ref.namespace()).withName(ref.name());
            if (ownership.owns(resource.get())) {
                resource.delete();
            }
        }
    }
}
