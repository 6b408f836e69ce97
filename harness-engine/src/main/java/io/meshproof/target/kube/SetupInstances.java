package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.meshproof.bookinfo.Behavior;
import io.meshproof.bookinfo.BookinfoCatalog;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Setup.ExtraInstances;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario's extra instances ({@code setup.instances}) as Deployments whose pods carry the
 * service's {@code app} and {@code version} labels, so they join the service's endpoints, its
 * per-version Service and its Istio subset, under the service's own service account. A label
 * {@code meshproof.io/behavior} tells them apart from stock pods.
 * <ul>
 * <li>healthy: the official image of that service version, set up as in {@code bookinfo.yaml};</li>
 * <li>faulty, delayed: the official ratings image with {@code SERVICE_VERSION=v-faulty} (503 for half
 * of the requests) or {@code v-delayed} (7 s for half of them), as Istio's {@code ratings.js} does;</li>
 * <li>unavailable: a HAProxy that answers 503 to every request. Not the official {@code v-unavailable}:
 * {@code ratings.js} toggles that one every 60 s, starting available, so for its first minute it is
 * healthy, unlike {@link Behavior#unavailable} ("always answers 503").</li>
 * </ul>
 */
public final class SetupInstances {

    public static final String BEHAVIOR_LABEL = "meshproof.io/behavior";

    private SetupInstances() {
    }

    /** Why the scenario's setup cannot be deployed on Kubernetes, if it cannot. */
    public static Optional<String> unsupported(Scenario scenario) {
        for (ExtraInstances extra : scenario.setup().instances()) {
            Behavior behavior = extra.behaviorOrHealthy();
            if ((behavior == Behavior.faulty || behavior == Behavior.delayed) && !extra.service().equals("ratings")) {
                return Optional.of("only the official ratings image has a " + behavior + " mode (SERVICE_VERSION=v-" + behavior
                        + "); " + extra.service() + " has none");
            }
        }
        return Optional.empty();
    }

    public static List<KubeManifest> render(Scenario scenario, KubeNames names, KubeImages images) {
        List<KubeManifest> manifests = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (ExtraInstances extra : scenario.setup().instances()) {
            Behavior behavior = extra.behaviorOrHealthy();
            String name = unique(extra.service() + "-" + extra.version() + "-" + behavior, taken);
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("app", extra.service());
            labels.put("version", extra.version());
            labels.put(BEHAVIOR_LABEL, behavior.name());
            String serviceAccount = BookinfoCatalog.serviceAccount(extra.service());
            if (behavior == Behavior.unavailable) {
                manifests.addAll(HaproxyWorkload.render(name, labels, serviceAccount, extra.countOr1(),
                        HaproxyBackend.respond(503), false, names, images));
                continue;
            }
            if ((behavior == Behavior.faulty || behavior == Behavior.delayed) && !extra.service().equals("ratings")) {
                continue; // reported by unsupported(); nothing to deploy
            }
            manifests.add(KubeManifest.of(ApplyOrder.WORKLOADS, FabricModel.toDocument(new DeploymentBuilder()
                    .withNewMetadata().withName(name).withNamespace(names.bookinfoNamespace()).withLabels(labels).endMetadata()
                    .withNewSpec()
                    .withReplicas(extra.countOr1())
                    .withNewSelector().withMatchLabels(labels).endSelector()
                    .withNewTemplate()
                    .withNewMetadata().withLabels(labels).endMetadata()
                    .withNewSpec()
                    .withServiceAccountName(serviceAccount)
                    .withContainers(container(extra.service(), extra.version(), behavior, images))
                    .withVolumes(volumes(extra.service()))
                    .endSpec()
                    .endTemplate()
                    .endSpec()
                    .build())));
        }
        return manifests;
    }

    /** The container as {@code bookinfo.yaml} has it (reviews needs writable log and Liberty output directories). */
    private static io.fabric8.kubernetes.api.model.Container container(String service, String version, Behavior behavior, KubeImages images) {
        ContainerBuilder c = new ContainerBuilder()
                .withName(service)
                .withImage(images.bookinfo(service, version))
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(BookinfoObjects.PORT).endPort()
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount();
        if (service.equals("reviews")) {
            c.addNewEnv().withName("LOG_DIR").withValue("/tmp/logs").endEnv()
                    .addNewVolumeMount().withName("wlp-output").withMountPath("/opt/ibm/wlp/output").endVolumeMount();
        }
        if (behavior != Behavior.healthy) {
            c.addNewEnv().withName("SERVICE_VERSION").withValue("v-" + behavior.name()).endEnv();
        }
        return c.build();
    }

    private static List<io.fabric8.kubernetes.api.model.Volume> volumes(String service) {
        List<io.fabric8.kubernetes.api.model.Volume> volumes = new ArrayList<>();
        volumes.add(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
        if (service.equals("reviews")) {
            volumes.add(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("wlp-output").withNewEmptyDir().endEmptyDir().build());
        }
        return volumes;
    }

    private static String unique(String name, Set<String> taken) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }
}
