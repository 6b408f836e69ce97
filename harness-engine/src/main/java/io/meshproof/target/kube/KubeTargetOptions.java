package io.meshproof.target.kube;

import io.meshproof.target.kube.bookinfo.BookinfoManifests;
import io.meshproof.target.kube.traffic.ClientPods;

import java.time.Duration;

/**
 * How the Kubernetes target behaves, beyond cluster and mesh.
 *
 * @param install         install the mesh ({@code mesh.install}); false uses the mesh already on the cluster
 * @param bookinfoHub     image hub of bookinfo ({@code mesh.bookinfo.hub})
 * @param clientImage     image of the tester and outsider pods ({@code mesh.client.image})
 * @param rolloutTimeout  how long workloads may take to roll out ({@code mesh.kube.timeout})
 * @param ackTimeout      how long the mesh may take to acknowledge applied configuration ({@code mesh.kube.ackTimeout})
 */
public record KubeTargetOptions(boolean install, String bookinfoHub, String clientImage, Duration rolloutTimeout, Duration ackTimeout) {

    public static KubeTargetOptions defaults(boolean install) {
        return new KubeTargetOptions(install, BookinfoManifests.DEFAULT_HUB, ClientPods.DEFAULT_IMAGE, Duration.ofMinutes(5),
                Duration.ofSeconds(60));
    }
}
