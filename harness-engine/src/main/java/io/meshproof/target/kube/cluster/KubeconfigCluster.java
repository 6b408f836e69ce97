package io.meshproof.target.kube.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cluster the user already has, reached through a kubeconfig file and context
 * ({@code mesh.kubeconfig}, {@code mesh.kube.context}). The harness works in namespaces it creates
 * and labels as its own, and deletes only those (see {@code io.meshproof.target.kube.apply.Namespaces});
 * closing this provider closes the client and nothing else.
 */
public final class KubeconfigCluster implements KubeCluster {

    private final Path kubeconfig;
    private final String context;
    private URI ingressUrl;
    private Integer ingressNodePort;

    private String kubeconfigYaml;
    private KubernetesClient client;

    /**
     * @param kubeconfig the kubeconfig file; null means {@code $KUBECONFIG}, else {@code ~/.kube/config}
     * @param context    the context to use; null means the file's current context
     */
    public KubeconfigCluster(Path kubeconfig, String context) {
        this.kubeconfig = kubeconfig != null ? kubeconfig : defaultKubeconfig();
        this.context = context;
    }

    /** The address at which the productpage NodePort is reachable from here, e.g. {@code http://10.0.0.5:30080}. */
    public KubeconfigCluster withIngressUrl(URI url) {
        this.ingressUrl = url;
        return this;
    }

    /** A fixed node port for the ingress Service; by default Kubernetes picks one. */
    public KubeconfigCluster withIngressNodePort(Integer nodePort) {
        this.ingressNodePort = nodePort;
        return this;
    }

    static Path defaultKubeconfig() {
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            return Path.of(env.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    @Override
    public synchronized void start(Progress progress) throws TargetException {
        if (client != null) {
            return;
        }
        if (!Files.isReadable(kubeconfig)) {
            throw new TargetException("mesh.cluster=kubeconfig: cannot read the kubeconfig " + kubeconfig
                    + ". Set -Dmesh.kubeconfig=<file> (or KUBECONFIG) to a readable kubeconfig.");
        }
        try {
            kubeconfigYaml = Files.readString(kubeconfig);
        } catch (IOException e) {
            throw new TargetException("cannot read the kubeconfig " + kubeconfig + ": " + e.getMessage(), e);
        }
        Config config;
        try {
            config = Config.fromKubeconfig(context, kubeconfigYaml, kubeconfig.toString());
        } catch (RuntimeException e) {
            throw new TargetException("the kubeconfig " + kubeconfig + " has no usable context"
                    + (context == null ? "" : " named '" + context + "'") + ": " + e.getMessage()
                    + ". List the contexts with 'kubectl config get-contexts' and set -Dmesh.kube.context.", e);
        }
        // one quick look first: the run's client retries with back-off, which would hide a wrong address for seconds
        Config probeConfig = new io.fabric8.kubernetes.client.ConfigBuilder(config).withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient probe = new KubernetesClientBuilder().withConfig(probeConfig).build();
             Progress.Step ignored = progress.step("connecting to " + description())) {
            probe.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            throw new TargetException("cannot reach the cluster of " + description() + " (" + config.getMasterUrl() + "): "
                    + e.getMessage() + ". Check that 'kubectl --context " + (context == null ? "<current>" : context)
                    + " get nodes' works from this machine.", e);
        }
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public KubernetesClient client() {
        if (client == null) {
            throw new IllegalStateException("not connected: call start first");
        }
        return client;
    }

    /** The kubeconfig with the chosen context as current one: Helm has no context option and uses the current one. */
    @Override
    public String kubeconfigYaml() {
        return context == null ? kubeconfigYaml : withCurrentContext(kubeconfigYaml, context);
    }

    static String withCurrentContext(String kubeconfigYaml, String context) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode root = (ObjectNode) yaml.readTree(kubeconfigYaml);
            root.put("current-context", context);
            return yaml.writeValueAsString(root);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("the kubeconfig is not a YAML mapping: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "kubeconfig " + (context != null ? context : "current context") + " (" + kubeconfig + ")";
    }

    @Override
    public boolean disposable() {
        return false;
    }

    @Override
    public Optional<URI> ingress(int nodePort) {
        return Optional.ofNullable(ingressUrl);
    }

    @Override
    public Integer ingressNodePort() {
        return ingressNodePort;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
