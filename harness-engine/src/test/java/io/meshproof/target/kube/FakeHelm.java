package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.helm.HelmOperations;
import io.meshproof.target.kube.helm.HelmRelease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Stands in for Helm against the mock API server: records every call, and does to the cluster what
 * the mesh's chart would do to its control plane (creates or updates its Deployments with the image
 * at the chart version, then reports them rolled out, as {@code --wait} returns only then).
 */
final class FakeHelm implements HelmOperations {

    record Call(String verb, HelmRelease release, boolean atomic) {
        String version() {
            return release.chart().version();
        }

        @Override
        public String toString() {
            return "helm " + verb + " " + release.name() + " " + version() + (atomic ? " --atomic" : "");
        }
    }

    /** A control-plane container a chart deploys: its image is {@code repository:tag(chart version)}. */
    record Workload(String namespace, String deployment, String container, String repository) {
    }

    private final MockCluster mock;
    private final List<String> events;
    private final Map<String, List<Workload>> charts = new HashMap<>();
    private UnaryOperator<String> tagOfVersion = UnaryOperator.identity();
    private String failingUpgrade;
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    FakeHelm(MockCluster mock, List<String> events) {
        this.mock = mock;
        this.events = events;
    }

    /** What installing or upgrading the release deploys. */
    FakeHelm chart(String release, Workload... workloads) {
        charts.put(release, List.of(workloads));
        return this;
    }

    /** How the chart turns its version into the image tag ({@code 2026.6.3} into {@code edge-26.6.3} for Linkerd). */
    FakeHelm tags(UnaryOperator<String> tagOfVersion) {
        this.tagOfVersion = tagOfVersion;
        return this;
    }

    /** Makes the upgrade of this release fail, as Helm does when a chart version is missing. */
    FakeHelm failUpgradeOf(String release) {
        this.failingUpgrade = release;
        return this;
    }

    List<Call> calls(String verb) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.verb().equals(verb)).toList();
        }
    }

    @Override
    public void install(HelmRelease release, String kubeconfigYaml, Duration timeout) {
        record(new Call("install", release, false));
        deploy(release);
    }

    @Override
    public void upgrade(HelmRelease release, String kubeconfigYaml, Duration timeout, boolean atomic) throws TargetException {
        record(new Call("upgrade", release, atomic));
        if (release.name().equals(failingUpgrade)) {
            throw new TargetException("helm upgrade " + release + " failed: chart version not found");
        }
        deploy(release);
    }

    @Override
    public void uninstall(HelmRelease release, String kubeconfigYaml) {
        record(new Call("uninstall", release, false));
    }

    private void record(Call call) {
        calls.add(call);
        events.add(call.toString());
    }

    private void deploy(HelmRelease release) {
        for (Workload w : charts.getOrDefault(release.name(), List.of())) {
            String image = w.repository() + ":" + tagOfVersion.apply(release.chart().version());
            if (mock.client.namespaces().withName(w.namespace()).get() == null) {
                mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(w.namespace()).endMetadata().build())
                        .create();
            }
            Deployment existing = mock.client.apps().deployments().inNamespace(w.namespace()).withName(w.deployment()).get();
            if (existing == null) {
                mock.client.apps().deployments().inNamespace(w.namespace()).resource(new DeploymentBuilder()
                        .withNewMetadata().withName(w.deployment()).endMetadata()
                        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", w.deployment()).endSelector()
                        .withNewTemplate().withNewMetadata().addToLabels("app", w.deployment()).endMetadata()
                        .withNewSpec().addNewContainer().withName(w.container()).withImage(image).endContainer().endSpec()
                        .endTemplate().endSpec().build()).create();
            } else {
                mock.client.apps().deployments().inNamespace(w.namespace()).withName(w.deployment())
                        .edit(d -> new DeploymentBuilder(d).editSpec().editTemplate().editSpec().editFirstContainer().withImage(image)
                                .endContainer().endSpec().endTemplate().endSpec().build());
            }
            mock.markRolledOut(w.namespace(), w.deployment());
        }
    }
}
