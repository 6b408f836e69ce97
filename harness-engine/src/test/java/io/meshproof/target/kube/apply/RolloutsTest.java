package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.MockCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutsTest {

    MockCluster mock;

    @BeforeEach
    void setUp() {
        mock = new MockCluster();
        for (String ns : List.of("bookinfo", "elsewhere")) {
            mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        }
        for (String name : List.of("reviews-v1", "productpage-v1", "tester")) {
            deployment("bookinfo", name);
        }
        deployment("elsewhere", "reviews-v1"); // same name, other namespace
    }

    @AfterEach
    void tearDown() {
        mock.close();
    }

    void deployment(String ns, String name) {
        mock.client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("c").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
    }

    String restartedAt(String ns, String name) {
        var annotations = mock.client.apps().deployments().inNamespace(ns).withName(name).get()
                .getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void restartAllRestartsEveryDeploymentOfTheNamespaceAndNoOther() throws TargetException {
        assertThat(Rollouts.restartAll(mock.client, "bookinfo")).containsExactly("productpage-v1", "reviews-v1", "tester");

        assertThat(List.of("productpage-v1", "reviews-v1", "tester")).allSatisfy(name -> assertThat(restartedAt("bookinfo", name)).isNotNull());
        assertThat(restartedAt("elsewhere", "reviews-v1")).isNull();
        assertThat(mock.client.apps().deployments().inNamespace("elsewhere").withName("reviews-v1").get().getMetadata().getGeneration())
                .isEqualTo(1L);
    }

    @Test
    void anEmptyNamespaceRestartsNothing() throws TargetException {
        assertThat(Rollouts.restartAll(mock.client, "nothing-here")).isEmpty();
        assertThat(restartedAt("bookinfo", "tester")).isNull();
    }
}
