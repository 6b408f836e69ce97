package io.meshproof.target.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.meshproof.target.kube.cluster.KubeCluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8's mock API server in CRUD mode, taught server-side apply the way the tests need it: the
 * mock answers {@code application/apply-patch+yaml} with 415, so this dispatcher turns an apply of
 * a missing object into a create and an apply of an existing one into a JSON merge patch. Field
 * ownership is not modelled (the real API server's job; exercised by the k3s end-to-end test).
 */
public final class MockCluster implements AutoCloseable {

    public final KubernetesMockServer server;
    public final KubernetesClient client;

    public MockCluster() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new ApplyAwareDispatcher(), false);
        server.init();
        client = server.createClient();
    }

    /** Registers a CRD (our own minimal one: any body, status subresource) so the mock serves its kind. */
    public void crd(String group, String version, String kind, String plural) {
        client.resource("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %s.%s}
                spec:
                  group: %s
                  names: {kind: %s, listKind: %sList, plural: %s, singular: %s}
                  scope: Namespaced
                  versions:
                  - name: %s
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                    subresources: {status: {}}
                """.formatted(plural, group, group, kind, kind, plural, kind.toLowerCase(), version)).create();
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    static final class ApplyAwareDispatcher extends KubernetesCrudDispatcher {
        private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

        ApplyAwareDispatcher() {
            super(List.of());
        }

        @Override
        public MockResponse handlePatch(RecordedRequest request) {
            String type = request.getHeader("Content-Type");
            if (type == null || !type.startsWith("application/apply-patch")) {
                return super.handlePatch(request);
            }
            String path = request.getPath();
            String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            String json;
            try {
                JsonNode body = YAML.readTree(request.getUtf8Body());
                json = new ObjectMapper().writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (handleGet(withoutQuery).code() == 404) {
                String collection = withoutQuery.substring(0, withoutQuery.lastIndexOf('/'));
                return handleCreate(request(collection, "POST", "application/json", json));
            }
            return super.handlePatch(request(withoutQuery, "PATCH", "application/merge-patch+json", json));
        }

        private static RecordedRequest request(String path, String method, String contentType, String body) {
            Headers headers = Headers.builder().add("Content-Type", contentType).build();
            Buffer buffer = new Buffer();
            buffer.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new RecordedRequest("HTTP/1.1", io.fabric8.mockwebserver.dsl.HttpMethod.valueOf(method), path, headers, buffer);
        }
    }

    /** Sets a Deployment's status as its controller would once every replica is up (the mock has no controllers). */
    public void markRolledOut(String namespace, String name) {
        var deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        deployment.setStatus(new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .build());
        client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
    }

    /** The mock as the cluster a target or installer works in (Helm gets a placeholder kubeconfig: tests fake Helm). */
    public KubeCluster asCluster() {
        return new KubeCluster() {
            @Override
            public void start(io.meshproof.target.Progress progress) {
            }

            @Override
            public KubernetesClient client() {
                return client;
            }

            @Override
            public String kubeconfigYaml() {
                return "# the fabric8 mock API server; Helm is faked in tests\n";
            }

            @Override
            public String description() {
                return "fabric8 mock API server";
            }

            @Override
            public boolean disposable() {
                return true;
            }

            @Override
            public java.util.Optional<java.net.URI> ingress(int nodePort) {
                return java.util.Optional.empty();
            }

            @Override
            public Integer ingressNodePort() {
                return null;
            }

            @Override
            public void close() {
                // the test closes the mock
            }
        };
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
