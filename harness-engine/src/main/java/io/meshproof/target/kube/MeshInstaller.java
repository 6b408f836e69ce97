package io.meshproof.target.kube;

import io.meshproof.target.Progress;
import io.meshproof.target.Rejection;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Acknowledgement;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.helm.HelmRunner;

import java.util.List;
import java.util.Set;

/**
 * One mesh on Kubernetes, as the Kubernetes target needs it: how to install it (or check the one
 * already there), how pods join it, what its control plane is, how it acknowledges configuration
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
    void install(KubeCluster cluster, HelmRunner helm, Ownership ownership, Progress progress) throws TargetException;

    /** For {@code mesh.install=false}: checks that the mesh is on the cluster and ready, and learns its version. */
    void verifyInstalled(KubeCluster cluster, Progress progress) throws TargetException;

    /** Removes what {@link #install} created: its Helm releases and CRDs it added. */
    void uninstall(KubeCluster cluster, HelmRunner helm, Ownership ownership, Progress progress) throws TargetException;
}
