package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.MockCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamespacesTest {

    final MockCluster mock = new MockCluster();
    final Ownership run = new Ownership("run-a");
    final Namespaces namespaces = new Namespaces(mock.client, run);

    @AfterEach
    void tearDown() {
        mock.close();
    }

    Namespace get(String name) {
        return mock.client.namespaces().withName(name).get();
    }

    void preexisting(String name, Map<String, String> labels) {
        mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build())
                .create();
    }

    @Test
    void createsItsNamespaceLabelledAsItsOwnWithTheMeshMarker() throws TargetException {
        namespaces.ensure("bookinfo", Map.of("istio-injection", "enabled"), Map.of("linkerd.io/inject", "enabled"));

        Namespace ns = get("bookinfo");
        assertThat(ns.getMetadata().getLabels()).containsEntry("istio-injection", "enabled")
                .containsEntry(Ownership.MANAGED_BY, "meshproof").containsEntry(Ownership.RUN, "run-a");
        assertThat(ns.getMetadata().getAnnotations()).containsEntry("linkerd.io/inject", "enabled");
        assertThat(namespaces.own()).containsExactly("bookinfo");
    }

    @Test
    void ensuringItsOwnNamespaceAgainIsFine() throws TargetException {
        namespaces.ensure("bookinfo", Map.of(), Map.of());
        namespaces.ensure("bookinfo", Map.of("istio-injection", "enabled"), Map.of());
        assertThat(get("bookinfo").getMetadata().getLabels()).containsEntry("istio-injection", "enabled");
    }

    @Test
    void refusesANamespaceSomeoneElseCreated() {
        preexisting("bookinfo", Map.of("team", "payments"));

        assertThatThrownBy(() -> namespaces.ensure("bookinfo", Map.of("istio-injection", "enabled"), Map.of()))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("namespace 'bookinfo' already exists")
                .hasMessageContaining("someone else");
        assertThat(get("bookinfo").getMetadata().getLabels()).as("untouched").isEqualTo(Map.of("team", "payments"));
    }

    @Test
    void refusesTheLeftoverOfAnotherRunAndSaysHowToRemoveIt() {
        preexisting("bookinfo", Map.of(Ownership.MANAGED_BY, "meshproof", Ownership.RUN, "run-old"));

        assertThatThrownBy(() -> namespaces.ensure("bookinfo", Map.of(), Map.of()))
                .hasMessageContaining("run-old").hasMessageContaining("kubectl delete namespace bookinfo");
    }

    @Test
    void deletesOnlyTheNamespacesThisRunCreated() throws TargetException {
        preexisting("team-a", Map.of());
        preexisting("meshproof-old", Map.of(Ownership.MANAGED_BY, "meshproof", Ownership.RUN, "run-old"));
        namespaces.ensure("bookinfo", Map.of(), Map.of());
        namespaces.ensure("meshproof-clients", Map.of(), Map.of());

        namespaces.deleteOwn(Duration.ofSeconds(5));

        assertThat(get("bookinfo")).isNull();
        assertThat(get("meshproof-clients")).isNull();
        assertThat(get("team-a")).as("never created by the harness").isNotNull();
        assertThat(get("meshproof-old")).as("another run's").isNotNull();
    }
}
