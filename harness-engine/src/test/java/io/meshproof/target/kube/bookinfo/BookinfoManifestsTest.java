package io.meshproof.target.kube.bookinfo;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.meshproof.bookinfo.BookinfoCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class BookinfoManifestsTest {

    final List<HasMetadata> stock = BookinfoManifests.stock(BookinfoManifests.DEFAULT_HUB);

    <T> List<T> of(Class<T> type) {
        return stock.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyServiceOfTheCatalogHasItsAccountServiceAndVersionsOnPort9080() {
        Set<String> accounts = of(ServiceAccount.class).stream().map(a -> a.getMetadata().getName()).collect(Collectors.toSet());
        Map<String, Service> services = of(Service.class).stream().collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s));
        Map<String, Deployment> deployments = of(Deployment.class).stream().collect(Collectors.toMap(d -> d.getMetadata().getName(), d -> d));

        BookinfoCatalog.VERSIONS.forEach((service, versions) -> {
            assertThat(accounts).contains(BookinfoCatalog.serviceAccount(service));
            Service svc = services.get(service);
            assertThat(svc).as(service).isNotNull();
            assertThat(svc.getSpec().getSelector()).isEqualTo(Map.of("app", service));
            assertThat(svc.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(BookinfoCatalog.SERVICE_PORT);
                assertThat(p.getName()).isEqualTo("http");
            });
            for (String version : versions) {
                Deployment d = deployments.get(service + "-" + version);
                assertThat(d).as(service + "-" + version).isNotNull();
                assertThat(d.getSpec().getSelector().getMatchLabels()).isEqualTo(Map.of("app", service, "version", version));
                assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("app", service).containsEntry("version", version);
                assertThat(d.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("bookinfo-" + service);
                Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
                assertThat(c.getImage()).isEqualTo("registry.istio.io/release/examples-bookinfo-" + service + "-" + version + ":1.20.3");
                assertThat(c.getPorts()).singleElement().satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9080));
                assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health");

                Service perVersion = services.get(service + "-" + version);
                assertThat(perVersion).as("per-version Service " + service + "-" + version).isNotNull();
                assertThat(perVersion.getSpec().getSelector()).isEqualTo(Map.of("app", service, "version", version));
            }
        });
        assertThat(deployments).hasSize(6);
    }

    @Test
    void noManifestSetsANamespaceOrAMeshMarker() {
        // the harness sets both, so the same files serve Istio and Linkerd
        assertThat(stock).allSatisfy(o -> {
            assertThat(o.getMetadata().getNamespace()).isNull();
            assertThat(o.getMetadata().getAnnotations() == null ? Map.of() : o.getMetadata().getAnnotations())
                    .doesNotContainKey("linkerd.io/inject");
        });
        assertThat(of(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .doesNotContainKey("sidecar.istio.io/inject"));
    }

    @Test
    void theHubIsReplacedOnEveryImage() {
        List<Deployment> deployments = BookinfoManifests.stock("docker.io/istio/").stream()
                .filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
        assertThat(deployments).allSatisfy(d -> assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .startsWith("docker.io/istio/examples-bookinfo-").endsWith(":1.20.3"));
    }

    @Test
    void theIngressIsANodePortOnProductpage() {
        Service fixed = BookinfoManifests.ingress(30080);
        assertThat(fixed.getMetadata().getName()).isEqualTo(BookinfoManifests.INGRESS_SERVICE);
        assertThat(fixed.getSpec().getType()).isEqualTo("NodePort");
        assertThat(fixed.getSpec().getSelector()).isEqualTo(Map.of("app", "productpage"));
        assertThat(fixed.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30080);
        assertThat(BookinfoManifests.ingress(null).getSpec().getPorts().get(0).getNodePort()).as("Kubernetes picks").isNull();
    }
}
