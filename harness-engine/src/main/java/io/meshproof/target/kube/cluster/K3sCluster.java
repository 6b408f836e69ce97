package io.meshproof.target.kube.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A throw-away single-node k3s cluster in a container (Testcontainers k3s module). Traefik is off
 * (the module's default arguments are {@code server --disable=traefik --tls-san=<host>}; this class
 * keeps them: {@code withCommand} would replace them). Ready means node Ready and CoreDNS rolled
 * out ({@link K3sSystemReady}). One node port is published to the host for load from outside.
 */
public final class K3sCluster implements KubeCluster {

    /** A current k3s; Istio 1.30 supports Kubernetes 1.32 to 1.36. */
    public static final String DEFAULT_IMAGE = "rancher/k3s:v1.35.5-k3s1";
    public static final int DEFAULT_INGRESS_NODE_PORT = 30080;

    private String image = DEFAULT_IMAGE;
    private int ingressNodePort = DEFAULT_INGRESS_NODE_PORT;
    private Duration startupTimeout = Duration.ofMinutes(4);

    private K3sContainer container;
    private KubernetesClient client;

    public K3sCluster withImage(String image) {
        this.image = image;
        return this;
    }

    public K3sCluster withIngressNodePort(int nodePort) {
        if (nodePort < 30000 || nodePort > 32767) {
            throw new IllegalArgumentException("a node port must be in 30000-32767 (the default NodePort range), was " + nodePort);
        }
        this.ingressNodePort = nodePort;
        return this;
    }

    public K3sCluster withStartupTimeout(Duration timeout) {
        this.startupTimeout = timeout;
        return this;
    }

    @Override
    public synchronized void start(Progress progress) throws TargetException {
        if (client != null) {
            return;
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new TargetException("mesh.cluster=k3s needs a Docker engine, and none is reachable. Start Docker "
                    + "(or set DOCKER_HOST), or use an existing cluster with -Dmesh.cluster=kubeconfig.");
        }
        try (Progress.Step step = progress.step("k3s " + image + " starting")) {
            startContainer(step);
        }
    }

    private void startContainer(Progress.Step step) throws TargetException {
        try {
            // the constructor already talks to Docker (it asks for the host), so it runs only here
            K3sContainer k3s = new K3sContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("rancher/k3s"));
            k3s.addExposedPorts(ingressNodePort);
            k3s.waitingFor(new WaitAllStrategy(WaitAllStrategy.Mode.WITH_MAXIMUM_OUTER_TIMEOUT)
                    .withStrategy(Wait.forLogMessage(".*Node controller sync successful.*", 1))
                    .withStrategy(new K3sSystemReady())
                    .withStartupTimeout(startupTimeout));
            k3s.start();
            container = k3s;
            client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(k3s.getKubeConfigYaml())).build();
        } catch (RuntimeException e) {
            step.failed();
            close();
            throw new TargetException("k3s " + image + " did not start: " + e.getMessage()
                    + ". Check that the image exists (-Dmesh.k3s.image) and that Docker can run privileged containers.", e);
        }
    }

    @Override
    public KubernetesClient client() {
        if (client == null) {
            throw new IllegalStateException("k3s is not started");
        }
        return client;
    }

    @Override
    public String kubeconfigYaml() {
        return container.getKubeConfigYaml();
    }

    @Override
    public String description() {
        return "k3s " + image;
    }

    @Override
    public boolean disposable() {
        return true;
    }

    @Override
    public Optional<URI> ingress(int nodePort) {
        if (container == null || nodePort != ingressNodePort) {
            return Optional.empty();
        }
        return Optional.of(URI.create("http://" + container.getHost() + ":" + container.getMappedPort(nodePort)));
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
        if (container != null) {
            container.stop();
            container = null;
        }
    }
}
