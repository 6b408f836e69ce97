package io.meshproof.target.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.Progress;
import io.meshproof.target.Rejection;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Acknowledgement;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.helm.HelmOperations;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mesh on Kubernetes, as the Kubernetes target needs it: how to install it (or check the one
 * already there) and upgrade the control plane it installed, how pods join it, what its control plane is, how it acknowledges configuration
 * and how it refuses requests. Implementations: {@code IstioInstaller}, {@code LinkerdInstaller}.
 */
public interface MeshInstaller {

    /** {@code istio} or {@code linkerd}. */
    String mesh();

    /** The version installed, or found on the cluster after {@link #verifyInstalled}. */
    String version();

    /** The namespaces: bookinfo's, the harness's clients', the control plane's. */
    KubeNames names();

    Injection injection();

    /** The control plane's Deployments in {@code names().meshNamespace()}; a control-plane outage scales these to zero. */
    List<String> controlPlaneDeployments();

    /** What a control-plane outage scales to zero; by default the whole control plane. */
    default List<String> outageDeployments() {
        return controlPlaneDeployments();
    }

    /** The mesh's own signals that it took up applied configuration. */
    List<Acknowledgement> acknowledgements();

    /** How this mesh refuses a request (for the rejected oracle). */
    Set<Rejection> rejectionForms();

    /** Installs the mesh (CRDs, Helm releases) and waits for its control plane to be ready. */
    void install(KubeCluster cluster, HelmOperations helm, Ownership ownership, Progress progress) throws TargetException;

    /** For {@code mesh.install=false}: checks that the mesh is on the cluster and ready, and learns its version. */
    void verifyInstalled(KubeCluster cluster, Progress progress) throws TargetException;

    /** Removes what {@link #install} created: its Helm releases and CRDs it added. */
    void uninstall(KubeCluster cluster, HelmOperations helm, Ownership ownership, Progress progress) throws TargetException;

    /**
     * Upgrades the control plane {@link #install} put on the cluster to {@code version} in place, as the
     * mesh documents it: its Helm releases in install order, with the values install used (user
     * overrides and identity material included), then waits until the control plane is ready at the
     * new version. After it, {@link #version()} is {@code version}. The data plane (proxies injected
     * into running pods) is the target's to restart. Fails when this installer installed nothing.
     */
    void upgrade(KubeCluster cluster, HelmOperations helm, String version, Progress progress) throws TargetException;

    /**
     * The image tag of the control-plane container that names the running version (istiod's
     * {@code discovery}, linkerd-destination's {@code destination}); the proxies the mesh injects
     * carry the same tag unless values say otherwise. Empty when that Deployment is not there.
     */
    Optional<String> runningImageTag(KubernetesClient client);
}
