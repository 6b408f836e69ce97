package io.meshproof.target.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshproof.scenario.DurationText;
import io.meshproof.target.TargetException;
import io.meshproof.target.istio.IstioInstaller;
import io.meshproof.target.istio.IstioOptions;
import io.meshproof.target.kube.bookinfo.BookinfoManifests;
import io.meshproof.target.kube.cluster.K3sCluster;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.cluster.KubeconfigCluster;
import io.meshproof.target.kube.traffic.ClientPods;
import io.meshproof.target.linkerd.LinkerdIdentitySource;
import io.meshproof.target.linkerd.LinkerdInstaller;
import io.meshproof.target.linkerd.LinkerdOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the {@code istio} and {@code linkerd} targets from the engine's configuration parameters
 * ({@code -D} on {@code mvn verify}). Every parameter and its default:
 * <pre>
 * mesh.cluster          k3s | kubeconfig                      (k3s)
 * mesh.k3s.image        the k3s image                          (rancher/k3s:v1.35.5-k3s1)
 * mesh.kubeconfig       kubeconfig file                        ($KUBECONFIG, else ~/.kube/config)
 * mesh.kube.context     kubeconfig context                     (the file's current context)
 * mesh.ingress.url      where productpage's NodePort is reachable, kubeconfig clusters (none)
 * mesh.ingress.nodePort the NodePort of productpage-ingress    (30080 on k3s; picked by Kubernetes otherwise)
 * mesh.install          install the mesh with Helm             (true on k3s, false on kubeconfig)
 * mesh.istio.version    istio/base and istio/istiod chart      (1.30.3)
 * mesh.istio.values     YAML file of extra istiod values       (none)
 * mesh.linkerd.version  linkerd edge chart version             (2026.6.3 = edge-26.6.3)
 * mesh.linkerd.values   YAML file of extra control-plane values (none)
 * mesh.gatewayApi.version  Gateway API CRDs for Istio when absent (v1.5.1)
 * mesh.gatewayApi.channel  standard | experimental            (standard)
 * mesh.bookinfo.hub     bookinfo image hub                     (registry.istio.io/release)
 * mesh.client.image     tester/outsider image                  (curlimages/curl:8.16.0)
 * mesh.kube.timeout     install and rollout timeout            (5m)
 * mesh.kube.ackTimeout  mesh acknowledgement timeout           (60s)
 * </pre>
 */
public final class KubernetesMeshTargets {

    private KubernetesMeshTargets() {
    }

    /**
     * The target for {@code mesh} ({@code istio} or {@code linkerd}).
     *
     * @param params   the configuration parameters, e.g. JUnit's {@code ConfigurationParameters::get}
     * @param renderer the mesh's renderer ({@code IstioRenderer} or {@code LinkerdRenderer})
     * @param identity Linkerd's trust anchor and issuer source (the harness's PKI; unused for Istio)
     */
    public static KubernetesMeshTarget create(String mesh, Function<String, Optional<String>> params, MeshRenderer renderer,
                                              LinkerdIdentitySource identity) throws TargetException {
        try {
            return build(mesh, params, renderer, identity);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage(), e);
        }
    }

    private static KubernetesMeshTarget build(String mesh, Function<String, Optional<String>> params, MeshRenderer renderer,
                                              LinkerdIdentitySource identity) throws TargetException {
        KubeCluster cluster = cluster(params);
        boolean install = params.apply("mesh.install").map(v -> bool("mesh.install", v)).orElse(cluster.disposable());
        Duration timeout = duration(params, "mesh.kube.timeout", Duration.ofMinutes(5));
        KubeTargetOptions options = new KubeTargetOptions(install,
                params.apply("mesh.bookinfo.hub").orElse(BookinfoManifests.DEFAULT_HUB),
                params.apply("mesh.client.image").orElse(ClientPods.DEFAULT_IMAGE),
                timeout,
                duration(params, "mesh.kube.ackTimeout", Duration.ofSeconds(60)));
        MeshInstaller installer = switch (mesh) {
            case "istio" -> new IstioInstaller(new IstioOptions(
                    params.apply("mesh.istio.version").orElse(IstioOptions.DEFAULT_VERSION),
                    params.apply("mesh.gatewayApi.version").orElse(GatewayApiCrds.DEFAULT_VERSION),
                    params.apply("mesh.gatewayApi.channel").orElse("standard"),
                    valuesFile(params, "mesh.istio.values"), timeout));
            case "linkerd" -> new LinkerdInstaller(new LinkerdOptions(
                    params.apply("mesh.linkerd.version").orElse(LinkerdOptions.DEFAULT_VERSION),
                    valuesFile(params, "mesh.linkerd.values"), Duration.ofDays(30), timeout), identity);
            default -> throw new TargetException("mesh.target=" + mesh + " is not a Kubernetes mesh: use istio or linkerd");
        };
        return new KubernetesMeshTarget(cluster, installer, renderer, options);
    }

    /** The cluster provider {@code mesh.cluster} names, configured from the parameters. */
    public static KubeCluster cluster(Function<String, Optional<String>> params) throws TargetException {
        try {
            return clusterOf(params);
        } catch (IllegalArgumentException e) {
            throw new TargetException(e.getMessage(), e);
        }
    }

    private static KubeCluster clusterOf(Function<String, Optional<String>> params) throws TargetException {
        String kind = params.apply("mesh.cluster").orElse("k3s");
        Optional<Integer> nodePort = params.apply("mesh.ingress.nodePort").map(v -> integer("mesh.ingress.nodePort", v));
        switch (kind) {
            case "k3s": {
                K3sCluster k3s = new K3sCluster().withImage(params.apply("mesh.k3s.image").orElse(K3sCluster.DEFAULT_IMAGE));
                try {
                    nodePort.ifPresent(k3s::withIngressNodePort);
                } catch (IllegalArgumentException e) {
                    throw new TargetException("mesh.ingress.nodePort: " + e.getMessage());
                }
                return k3s;
            }
            case "kubeconfig": {
                KubeconfigCluster cluster = new KubeconfigCluster(params.apply("mesh.kubeconfig").map(Path::of).orElse(null),
                        params.apply("mesh.kube.context").orElse(null));
                params.apply("mesh.ingress.url").map(KubernetesMeshTargets::uri).ifPresent(cluster::withIngressUrl);
                nodePort.ifPresent(cluster::withIngressNodePort);
                return cluster;
            }
            default:
                throw new TargetException("mesh.cluster=" + kind + " is unknown: use k3s (a throw-away cluster in Docker) "
                        + "or kubeconfig (an existing cluster)");
        }
    }

    static boolean bool(String key, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    static int integer(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
        }
    }

    static URI uri(String value) {
        URI uri = URI.create(value.trim());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("mesh.ingress.url must be an absolute URL such as http://10.0.0.5:30080, was '" + value + "'");
        }
        return uri;
    }

    static Duration duration(Function<String, Optional<String>> params, String key, Duration otherwise) throws TargetException {
        Optional<String> text = params.apply(key);
        if (text.isEmpty()) {
            return otherwise;
        }
        try {
            return DurationText.parse(text.get());
        } catch (RuntimeException e) {
            throw new TargetException(key + " must be a duration such as 90s or 5m, was '" + text.get() + "'");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> valuesFile(Function<String, Optional<String>> params, String key) throws TargetException {
        Optional<String> file = params.apply(key);
        if (file.isEmpty()) {
            return Map.of();
        }
        try {
            Object values = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(Path.of(file.get())), Object.class);
            if (!(values instanceof Map)) {
                throw new TargetException(key + "=" + file.get() + " must be a YAML mapping of Helm values");
            }
            return (Map<String, Object>) values;
        } catch (IOException e) {
            throw new TargetException("cannot read " + key + "=" + file.get() + ": " + e.getMessage(), e);
        }
    }
}
