package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.meshproof.target.Progress;
import io.meshproof.target.RenderedState.RenderedFile;
import io.meshproof.target.TargetException;
import io.meshproof.target.istio.IstioReconciled;
import io.meshproof.target.kube.MockCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManifestApplierTest {

    static final String NS = "bookinfo";
    static final String VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews}
            spec:
              hosts: [reviews]
              http: [{route: [{destination: {host: reviews, subset: v1}}]}]
            """;

    MockCluster mock;
    Ownership ownership = new Ownership("run-1");
    ManifestApplier applier;

    @BeforeEach
    void setUp() {
        mock = new MockCluster();
        mock.crd("networking.istio.io", "v1", "VirtualService", "virtualservices");
        mock.crd("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes");
        mock.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        applier = new ManifestApplier(mock.client, ownership, "meshproof-test", Duration.ofSeconds(3));
    }

    @AfterEach
    void tearDown() {
        mock.close();
    }

    GenericKubernetesResource vs(String name) {
        return mock.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace(NS).withName(name).get();
    }

    @Test
    void createsObjectsInTheDefaultNamespaceLabelledAsThisRunAndScenario() throws TargetException {
        AppliedState state = applier.apply(List.of(new RenderedFile("20-vs.yaml", VS)), NS, "reviews-all-v1", Progress.SILENT);

        GenericKubernetesResource created = vs("reviews");
        assertThat(created).isNotNull();
        assertThat(created.getMetadata().getLabels())
                .containsEntry(Ownership.MANAGED_BY, "meshproof")
                .containsEntry(Ownership.RUN, "run-1")
                .containsEntry(Ownership.SCENARIO, "reviews-all-v1");
        assertThat(state.resources()).singleElement().satisfies(r -> assertThat(r.created()).isTrue());
    }

    @Test
    void appliesFilesInNameOrder() throws TargetException {
        String second = VS.replace("name: reviews", "name: second");
        AppliedState state = applier.apply(List.of(new RenderedFile("20-b.yaml", second), new RenderedFile("10-a.yaml", VS)),
                NS, "s", Progress.SILENT);
        assertThat(state.refs()).extracting(ResourceRef::name).containsExactly("reviews", "second");
    }

    @Test
    void revertDeletesOnlyWhatTheScenarioCreatedAndRestoresWhatItChanged() throws TargetException {
        // someone else's VirtualService in the same namespace, and a stock Service the scenario annotates
        mock.client.resource(VS.replace("name: reviews", "name: team-vs")).inNamespace(NS).create();
        mock.client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("ratings")
                .addToAnnotations("keep", "me").endMetadata()
                .withNewSpec().addNewPort().withPort(9080).endPort().addToSelector("app", "ratings").endSpec().build()).create();
        String annotate = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: ratings
                  annotations: {balancer.linkerd.io/failure-accrual: consecutive}
                """;

        AppliedState state = applier.apply(List.of(new RenderedFile("10-vs.yaml", VS), new RenderedFile("20-svc.yaml", annotate)),
                NS, "s", Progress.SILENT);
        assertThat(mock.client.services().inNamespace(NS).withName("ratings").get().getMetadata().getAnnotations())
                .containsEntry("balancer.linkerd.io/failure-accrual", "consecutive");

        applier.revert(state, Progress.SILENT);

        assertThat(vs("reviews")).as("created by the scenario").isNull();
        assertThat(vs("team-vs")).as("not the harness's").isNotNull();
        var ratings = mock.client.services().inNamespace(NS).withName("ratings").get();
        assertThat(ratings).as("a changed stock object is restored, not deleted").isNotNull();
        assertThat(ratings.getMetadata().getAnnotations()).containsEntry("keep", "me")
                .doesNotContainKey("balancer.linkerd.io/failure-accrual");
        assertThat(ratings.getMetadata().getLabels() == null ? Map.of() : ratings.getMetadata().getLabels())
                .doesNotContainKey(Ownership.RUN);
    }

    @Test
    void revertLeavesAnObjectThatNoLongerCarriesThisRunsLabels() throws TargetException {
        AppliedState state = applier.apply(List.of(new RenderedFile("10-vs.yaml", VS)), NS, "s", Progress.SILENT);
        mock.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace(NS).withName("reviews")
                .edit(r -> {
                    r.getMetadata().getLabels().remove(Ownership.RUN);
                    return r;
                });

        assertThatThrownBy(() -> applier.revert(state, Progress.SILENT))
                .isInstanceOf(TargetException.class).hasMessageContaining("no longer carries this run's labels");
        assertThat(vs("reviews")).isNotNull();
    }

    @Test
    void aRejectedObjectNamesFileAndObjectAndUndoesWhatWasAppliedBefore() {
        String unknownKind = """
                apiVersion: example.com/v1
                kind: Unknown
                metadata: {name: x}
                """;
        assertThatThrownBy(() -> applier.apply(List.of(new RenderedFile("10-vs.yaml", VS), new RenderedFile("20-bad.yaml", unknownKind)),
                NS, "s", Progress.SILENT))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("20-bad.yaml").hasMessageContaining("Unknown");
        assertThat(vs("reviews")).as("rolled back").isNull();
    }

    @Test
    void aFileThatIsNotKubernetesYamlIsNamed() {
        assertThatThrownBy(() -> applier.apply(List.of(new RenderedFile("30-broken.yaml", "kind: [unclosed")), NS, "s", Progress.SILENT))
                .isInstanceOf(TargetException.class).hasMessageContaining("30-broken.yaml");
    }

    @Test
    void waitsForAnAppliedDeploymentToRollOut() throws Exception {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ratings-v1-faulty, labels: {app: ratings, version: v1}}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: ratings, version: v1, meshproof.io/behavior: faulty}}
                  template:
                    metadata: {labels: {app: ratings, version: v1, meshproof.io/behavior: faulty}}
                    spec: {containers: [{name: ratings, image: ratings}]}
                """;
        // the mock has no Deployment controller: play it, after the apply has started waiting
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            await(() -> mock.client.apps().deployments().inNamespace(NS).withName("ratings-v1-faulty").get() != null);
            sleep(300);
            mock.markRolledOut(NS, "ratings-v1-faulty");
        });
        long started = System.nanoTime();
        applier.apply(List.of(new RenderedFile("10-deploy.yaml", deployment)), NS, "s", Progress.SILENT);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("waited for the rollout").isGreaterThanOrEqualTo(250);
        controller.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aDeploymentThatNeverRollsOutFailsTheApply() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: stuck}
                spec:
                  selector: {matchLabels: {app: stuck}}
                  template: {metadata: {labels: {app: stuck}}, spec: {containers: [{name: c, image: c}]}}
                """;
        ManifestApplier quick = new ManifestApplier(mock.client, ownership, "m", Duration.ofMillis(500));
        assertThatThrownBy(() -> quick.apply(List.of(new RenderedFile("10.yaml", deployment)), NS, "s", Progress.SILENT))
                .isInstanceOf(TargetException.class).hasMessageContaining("Deployment bookinfo/stuck did not roll out");
        assertThat(mock.client.apps().deployments().inNamespace(NS).withName("stuck").get()).as("rolled back").isNull();
    }

    @Test
    void restartAnnotationRestartsTheSelectedDeploymentsAndWaitsForThem() throws Exception {
        for (String name : List.of("reviews-v1", "ratings-v1")) {
            mock.client.apps().deployments().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
                    .withNewMetadata().withName(name).addToLabels("app", name.split("-")[0]).endMetadata()
                    .withNewSpec().withNewSelector().addToMatchLabels("app", name).endSelector()
                    .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("c").endContainer().endSpec().endTemplate()
                    .endSpec().build()).create();
            mock.markRolledOut(NS, name);
        }
        String namespacePolicy = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: bookinfo
                  annotations: {config.linkerd.io/default-inbound-policy: all-authenticated, meshproof.io/restart: app=reviews}
                """;
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            await(() -> restartedAt("reviews-v1") != null);
            mock.markRolledOut(NS, "reviews-v1");
        });
        AppliedState state = applier.apply(List.of(new RenderedFile("00-ns.yaml", namespacePolicy)), NS, "s", Progress.SILENT);
        controller.get(5, TimeUnit.SECONDS);

        assertThat(state.restarts()).containsExactly(new RestartRequest("bookinfo", "app=reviews"));
        assertThat(restartedAt("reviews-v1")).isNotNull();
        assertThat(restartedAt("ratings-v1")).as("not selected").isNull();
        assertThat(mock.client.namespaces().withName(NS).get().getMetadata().getAnnotations())
                .containsEntry("config.linkerd.io/default-inbound-policy", "all-authenticated");
    }

    private String restartedAt(String deployment) {
        var annotations = mock.client.apps().deployments().inNamespace(NS).withName(deployment).get()
                .getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
    }

    @Test
    void awaitsIstiodsReconciledStatusBeforeCallingTheVirtualServiceApplied() throws Exception {
        AppliedState state = applier.apply(List.of(new RenderedFile("10-vs.yaml", VS)), NS, "s", Progress.SILENT);
        AcknowledgementWaiter waiter = new AcknowledgementWaiter(mock.client, List.of(new IstioReconciled()));

        CompletableFuture<Void> istiod = CompletableFuture.runAsync(() -> {
            sleep(300);
            writeStatus("reviews", "False");
            sleep(300);
            writeStatus("reviews", "True");
        });
        long started = System.nanoTime();
        waiter.await(state.refs(), Duration.ofSeconds(5));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        istiod.get(5, TimeUnit.SECONDS);

        assertThat(waited).as("waited for Reconciled=True, not for the first status").isGreaterThanOrEqualTo(550);
    }

    @Test
    void withoutAcknowledgementTheWaitFailsNamingTheResource() throws TargetException {
        AppliedState state = applier.apply(List.of(new RenderedFile("10-vs.yaml", VS)), NS, "s", Progress.SILENT);
        writeStatus("reviews", "False");
        AcknowledgementWaiter waiter = new AcknowledgementWaiter(mock.client, List.of(new IstioReconciled()));

        assertThatThrownBy(() -> waiter.await(state.refs(), Duration.ofMillis(600)))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("VirtualService bookinfo/reviews")
                .hasMessageContaining("Reconciled is False");
    }

    @Test
    void awaitsAcceptedOnEveryParentOfAnHttpRoute() throws Exception {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: reviews}
                spec:
                  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
                  rules: [{backendRefs: [{name: reviews-v1, port: 9080}]}]
                """;
        AppliedState state = applier.apply(List.of(new RenderedFile("10-route.yaml", route)), NS, "s", Progress.SILENT);
        AcknowledgementWaiter waiter = new AcknowledgementWaiter(mock.client, List.of(new RouteAccepted("linkerd.io/policy-controller")));
        assertThat(waiter.awaited(state.refs())).hasSize(1);

        // another controller's acceptance does not count
        writeRouteStatus("istio.io/gateway-controller");
        assertThatThrownBy(() -> waiter.await(state.refs(), Duration.ofMillis(400)))
                .hasMessageContaining("no status from linkerd.io/policy-controller");

        writeRouteStatus("linkerd.io/policy-controller");
        waiter.await(state.refs(), Duration.ofSeconds(2));
    }

    private void writeStatus(String name, String reconciled) {
        var resources = mock.client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace(NS);
        GenericKubernetesResource current = resources.withName(name).get();
        current.setAdditionalProperty("status", Map.of(
                "observedGeneration", String.valueOf(current.getMetadata().getGeneration()),
                "conditions", List.of(Map.of("type", "Reconciled", "status", reconciled, "message", "1/2 complete"))));
        resources.resource(current).updateStatus();
    }

    private void writeRouteStatus(String controller) {
        var resources = mock.client.genericKubernetesResources("gateway.networking.k8s.io/v1", "HTTPRoute").inNamespace(NS);
        GenericKubernetesResource current = resources.withName("reviews").get();
        current.setAdditionalProperty("status", Map.of("parents", List.of(Map.of(
                "controllerName", controller,
                "parentRef", Map.of("group", "", "kind", "Service", "name", "reviews", "port", 9080),
                "conditions", List.of(Map.of("type", "Accepted", "status", "True",
                        "observedGeneration", current.getMetadata().getGeneration()))))));
        resources.resource(current).updateStatus();
    }

    static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
