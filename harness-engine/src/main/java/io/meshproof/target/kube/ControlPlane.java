package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.Rollouts;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Checks on a mesh's control plane Deployments, shared by the installers. */
public final class ControlPlane {

    private ControlPlane() {
    }

    /** Fails with what to do unless every Deployment exists and has rolled out. */
    public static void verify(KubernetesClient client, String mesh, String namespace, List<String> deployments, Duration timeout)
            throws TargetException {
        for (String name : deployments) {
            if (client.apps().deployments().inNamespace(namespace).withName(name).get() == null) {
                throw new TargetException("no " + mesh + " control plane on this cluster: Deployment " + namespace + "/" + name
                        + " is missing. Install " + mesh + " first, or let the harness install it with -Dmesh.install=true.");
            }
        }
        Rollouts.await(client, namespace, deployments, timeout);
    }

    /** The tag of a Deployment's container image ({@code 1.30.3} from {@code docker.io/istio/pilot:1.30.3}). */
    public static Optional<String> imageTag(KubernetesClient client, String namespace, String deployment, String container) {
        Deployment found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
        if (found == null) {
            return Optional.empty();
        }
        return found.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> container.equals(c.getName()))
                .map(Container::getImage)
                .findFirst()
                .map(ControlPlane::tagOf);
    }

    static String tagOf(String image) {
        String withoutDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(colon + 1) : "latest";
    }

    /** The value of an environment variable on a Deployment's container, when set literally. */
    public static Optional<String> env(KubernetesClient client, String namespace, String deployment, String container, String name) {
        Deployment found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
        if (found == null) {
            return Optional.empty();
        }
        return found.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> container.equals(c.getName()))
                .flatMap(c -> c.getEnv() == null ? java.util.stream.Stream.empty() : c.getEnv().stream())
                .filter(e -> name.equals(e.getName()) && e.getValue() != null)
                .map(io.fabric8.kubernetes.api.model.EnvVar::getValue)
                .findFirst();
    }
}
