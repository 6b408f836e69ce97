package io.meshproof.target.linkerd.render;

import io.meshproof.scenario.Destination;
import io.meshproof.scenario.DurationText;
import io.meshproof.scenario.MeshState;
import io.meshproof.target.kube.ApplyOrder;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.meshproof.target.kube.ManifestYaml.map;
import static io.meshproof.target.kube.ManifestYaml.metadata;

/**
 * Outlier ejection as Linkerd's consecutive failure accrual: annotations on the called Service
 * (a patch of bookinfo's own Service). A failure is a 5xx. After {@code consecutive5xx} of them in
 * a row the endpoint is left out for a penalty that starts at {@code baseEjectionTime} and backs
 * off, as Istio's ejection time grows with each ejection, up to Istio's default cap of 5 minutes.
 * Linkerd has no {@code interval}: it counts failures as they come.
 */
final class LinkerdFailureAccrual {

    static final Duration MAX_PENALTY = Duration.ofMinutes(5);

    private final KubeNames names;

    LinkerdFailureAccrual(KubeNames names) {
        this.names = names;
    }

    List<KubeManifest> render(MeshState mesh) {
        List<KubeManifest> manifests = new ArrayList<>();
        for (Destination destination : mesh.destinations()) {
            Destination.OutlierDetection outlier = destination.outlierDetection();
            if (outlier == null) {
                continue; // connection pools have no Linkerd counterpart; support() says so
            }
            Duration min = outlier.baseEjectionTime() == null ? Duration.ofSeconds(30) : outlier.baseEjectionTime();
            Duration max = min.compareTo(MAX_PENALTY) > 0 ? min : MAX_PENALTY; // Linkerd needs min <= max
            var metadata = metadata(destination.service(), names.bookinfoNamespace());
            metadata.put("annotations", map(
                    "balancer.linkerd.io/failure-accrual", "consecutive",
                    "balancer.linkerd.io/failure-accrual-consecutive-max-failures", String.valueOf(outlier.consecutive5xx()),
                    "balancer.linkerd.io/failure-accrual-consecutive-min-penalty", DurationText.format(min),
                    "balancer.linkerd.io/failure-accrual-consecutive-max-penalty", DurationText.format(max)));
            manifests.add(KubeManifest.patchOf(ApplyOrder.SERVICE_PATCHES,
                    map("apiVersion", "v1", "kind", "Service", "metadata", metadata)));
        }
        return manifests;
    }
}
