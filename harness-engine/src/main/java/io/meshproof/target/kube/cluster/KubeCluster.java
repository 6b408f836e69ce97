package io.meshproof.target.kube.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;

import java.net.URI;
import java.util.Optional;

/**
 * A Kubernetes cluster the harness works in: one it starts (k3s) or one it is given (a kubeconfig
 * context). {@link #start} brings it to the point where a client can use it; {@link #close} stops
 * what the provider itself started (a container), never what it was given.
 */
public interface KubeCluster extends AutoCloseable {

    /** Starts or connects; idempotent. */
    void start(Progress progress) throws TargetException;

    /** A client for the cluster; valid after {@link #start}. */
    KubernetesClient client();

    /** The kubeconfig (YAML) for tools that need one, such as Helm. */
    String kubeconfigYaml();

    /** What the report names as the cluster: {@code k3s rancher/k3s:v1.35.5-k3s1}, {@code kubeconfig ctx}. */
    String description();

    /**
     * True when everything in the cluster goes away with it (a throw-away k3s container): then the
     * harness need not delete what it created at the end of the run, only per scenario.
     */
    boolean disposable();

    /**
     * Where load from outside the cluster reaches a NodePort: the host port mapped to it (k3s) or
     * the address the user gave ({@code mesh.ingress.url}). Empty when there is none.
     */
    Optional<URI> ingress(int nodePort);

    /** The node port this cluster wants for the ingress Service; null lets Kubernetes pick one. */
    Integer ingressNodePort();

    @Override
    void close();
}
