package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects that run a {@link HaproxyBackend} in the bookinfo namespace: ConfigMap, Deployment, and a Service if asked. */
public final class HaproxyWorkload {

    private HaproxyWorkload() {
    }

    /**
     * @param name           name of the ConfigMap, Deployment and Service
     * @param podLabels      the pods' labels, also the Deployment's and Service's selector
     * @param serviceAccount the pods' service account, or null for the namespace's default
     * @param replicas       how many pods
     * @param withService    whether routes reach it through a Service of its own
     */
    public static List<KubeManifest> render(String name, Map<String, String> podLabels, String serviceAccount, int replicas,
                                            HaproxyBackend backend, boolean withService, KubeNames names, KubeImages images) {
        String namespace = names.bookinfoNamespace();
        Map<String, String> data = new LinkedHashMap<>();
        data.put(HaproxyBackend.CONFIG_FILE, backend.config());
        if (backend.lua() != null) {
            data.put(HaproxyBackend.LUA_FILE, backend.lua());
        }
        List<KubeManifest> manifests = new ArrayList<>();
        manifests.add(KubeManifest.of(ApplyOrder.WORKLOADS, FabricModel.toDocument(new ConfigMapBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withData(data)
                .build())));
        manifests.add(KubeManifest.of(ApplyOrder.WORKLOADS, FabricModel.toDocument(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(podLabels).endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector().withMatchLabels(podLabels).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(podLabels).endMetadata()
                .withNewSpec()
                .withServiceAccountName(serviceAccount)
                .addNewContainer()
                .withName("haproxy")
                .withImage(images.haproxy())
                .withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(BookinfoObjects.PORT).endPort()
                .addNewVolumeMount().withName("config").withMountPath(HaproxyBackend.CONFIG_DIR).withReadOnly(true).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName(name).endConfigMap().endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())));
        if (withService) {
            manifests.add(KubeManifest.of(ApplyOrder.WORKLOADS, FabricModel.toDocument(new ServiceBuilder()
                    .withNewMetadata().withName(name).withNamespace(namespace).withLabels(podLabels).endMetadata()
                    .withNewSpec()
                    .addNewPort().withName("http").withPort(BookinfoObjects.PORT).endPort()
                    .withSelector(podLabels)
                    .endSpec()
                    .build())));
        }
        return manifests;
    }
}
