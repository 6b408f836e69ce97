package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshproof.target.kube.ManifestYaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The validator accepts real manifests and rejects each kind of mistake (its negative controls). */
class ManifestValidatorTest {

    private static ManifestValidator validator;
    private static Path crds;

    @BeforeAll
    static void loadCrds() {
        Optional<Path> dir = SharedCrds.locate();
        assumeTrue(dir.isPresent(), SharedCrds.notFoundReason());
        crds = dir.get();
        validator = new ManifestValidator(CrdSchemas.load(crds));
    }

    private static List<String> problems(String yaml) {
        return validator.validate(ManifestYaml.readAll(yaml).get(0));
    }

    private static final String VIRTUAL_SERVICE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: reviews, namespace: bookinfo}
            spec:
              hosts: [reviews]
              http:
                - route:
                    - destination: {host: reviews, subset: v1}
                      weight: 90
                    - destination: {host: reviews, subset: v2}
                      weight: 10
                  retries: {attempts: 0}
            """;

    @Test
    void acceptsAValidVirtualService() {
        assertThat(problems(VIRTUAL_SERVICE)).isEmpty();
    }

    @Test
    void acceptsIstiosOwnBookinfoSamples() throws IOException {
        Path samples = crds.getParent().resolve("reference").resolve("bookinfo");
        assumeTrue(Files.isDirectory(samples), "no reference/bookinfo beside " + crds);
        int checked = 0;
        for (String file : List.of("virtual-service-reviews-90-10.yaml", "virtual-service-reviews-test-v2.yaml",
                "virtual-service-ratings-test-abort.yaml", "virtual-service-ratings-test-delay.yaml",
                "destination-rule-all.yaml", "gateway-api-route-reviews-90-10.yaml", "bookinfo-versions.yaml", "bookinfo.yaml")) {
            for (ObjectNode document : ManifestYaml.readAll(Files.readString(samples.resolve(file)))) {
                ((ObjectNode) document.get("metadata")).put("namespace", "bookinfo"); // the samples leave it to kubectl -n
                assertThat(validator.validate(document)).as(file + " " + document.path("metadata").path("name")).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void rejectsAnUnknownFieldInACustomResource() {
        assertThat(problems(VIRTUAL_SERVICE.replace("retries: {attempts: 0}", "retries: {attempts: 0, tries: 2}")))
                .anySatisfy(p -> assertThat(p).contains("tries"));
    }

    @Test
    void rejectsAnUnknownTopLevelSpecField() {
        assertThat(problems(VIRTUAL_SERVICE.replace("hosts: [reviews]", "hosts: [reviews]\n  hostz: [x]")))
                .anySatisfy(p -> assertThat(p).contains("hostz"));
    }

    @Test
    void rejectsAWrongType() {
        assertThat(problems(VIRTUAL_SERVICE.replace("weight: 90", "weight: ninety"))).isNotEmpty();
    }

    @Test
    void rejectsAValueOutsideItsEnum() {
        assertThat(problems("""
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata: {name: default, namespace: bookinfo}
                spec: {mtls: {mode: STRICTEST}}
                """)).anySatisfy(p -> assertThat(p).contains("/spec/mtls/mode").contains("enumeration"));
    }

    @Test
    void rejectsAMissingRequiredField() {
        assertThat(problems("""
                apiVersion: policy.linkerd.io/v1beta3
                kind: Server
                metadata: {name: ratings-http, namespace: bookinfo}
                spec: {podSelector: {matchLabels: {app: ratings}}}
                """)).anySatisfy(p -> assertThat(p).contains("port"));
    }

    @Test
    void rejectsAnUnservedOrUnknownApiVersion() {
        assertThat(problems(VIRTUAL_SERVICE.replace("networking.istio.io/v1", "networking.istio.io/v9")))
                .anySatisfy(p -> assertThat(p).contains("no schema"));
    }

    @Test
    void rejectsAnExperimentalGatewayFieldOnTheStandardChannel() {
        String route = """
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata: {name: reviews, namespace: bookinfo}
                spec:
                  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
                  rules:
                    - backendRefs: [{name: reviews-v1, port: 9080}]
                      retry: {attempts: 2}
                """;
        assertThat(problems(route)).anySatisfy(p -> assertThat(p).contains("retry"));
        assertThat(new ManifestValidator(CrdSchemas.load(crds, CrdSchemas.GatewayChannel.experimental))
                .validate(ManifestYaml.readAll(route).get(0))).isEmpty();
    }

    @Test
    void rejectsAnUnknownFieldInACoreKind() {
        assertThat(problems("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: ratings-v1-faulty, namespace: bookinfo}
                spec:
                  selector: {matchLabels: {app: ratings}}
                  template:
                    metadata: {labels: {app: ratings}}
                    spec:
                      containers: [{name: ratings, image: x, imagePullPolicy: IfNotPresent, envv: []}]
                """)).anySatisfy(p -> assertThat(p).contains("envv"));
    }

    @Test
    void rejectsAWrongTypeInACoreKind() {
        assertThat(problems("""
                apiVersion: v1
                kind: Service
                metadata: {name: ratings, namespace: bookinfo}
                spec: {ports: [{port: http-port}]}
                """)).isNotEmpty();
    }

    @Test
    void acceptsAValidCoreKindAndAPartialPatch() {
        assertThat(problems("""
                apiVersion: v1
                kind: Service
                metadata: {name: ratings, namespace: bookinfo, annotations: {balancer.linkerd.io/failure-accrual: consecutive}}
                """)).isEmpty();
    }

    @Test
    void checksMetadata() {
        assertThat(problems(VIRTUAL_SERVICE.replace("name: reviews, namespace: bookinfo", "name: Reviews_1, namespace: bookinfo")))
                .anySatisfy(p -> assertThat(p).contains("DNS-1123"));
        assertThat(problems(VIRTUAL_SERVICE.replace("name: reviews, namespace: bookinfo", "name: reviews")))
                .anySatisfy(p -> assertThat(p).contains("namespace"));
        assertThat(problems("""
                apiVersion: v1
                kind: Service
                metadata: {name: ratings, namespace: bookinfo, annotations: {retry.linkerd.io/limit: 3}}
                """)).anySatisfy(p -> assertThat(p).contains("not a string"));
        assertThat(problems("""
                apiVersion: v1
                kind: Service
                metadata: {name: 1ratings, namespace: bookinfo}
                """)).anySatisfy(p -> assertThat(p).contains("DNS-1035"));
    }

    @Test
    void rejectsAKindNothingKnows() {
        assertThat(problems("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: bookinfo}
                """)).anySatisfy(p -> assertThat(p).contains("no schema"));
    }
}
