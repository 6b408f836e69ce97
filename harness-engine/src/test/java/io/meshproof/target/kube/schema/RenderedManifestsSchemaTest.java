package io.meshproof.target.kube.schema;

import io.meshproof.scenario.Scenario;
import io.meshproof.target.RenderedState;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.KubeTestScenarios;
import io.meshproof.target.kube.MeshRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every manifest rendered for every scenario (this module's fixtures and every file under the
 * project's scenarios/catalog, so new catalog files are picked up) is valid against the real CRD
 * schemas, or fabric8's model for core kinds.
 */
class RenderedManifestsSchemaTest {

    private static ManifestValidator validator;

    @BeforeAll
    static void loadCrds() {
        Optional<Path> crds = SharedCrds.locate();
        assumeTrue(crds.isPresent(), SharedCrds.notFoundReason());
        validator = new ManifestValidator(CrdSchemas.load(crds.get()));
    }

    @TestFactory
    Stream<DynamicTest> fixturesRenderToValidManifests() {
        return tests(KubeTestScenarios.fixtures());
    }

    @TestFactory
    Stream<DynamicTest> catalogScenariosRenderToValidManifests() {
        Optional<Path> catalog = KubeTestScenarios.catalogDirectory();
        assumeTrue(catalog.isPresent(), "no scenarios/catalog directory above " + Path.of("").toAbsolutePath());
        List<Scenario> scenarios = KubeTestScenarios.read(catalog.get());
        assertThat(scenarios).as("scenario files under " + catalog.get()).isNotEmpty();
        return tests(scenarios);
    }

    @Test
    void everyManifestKindRenderedHasASchema() {
        // the validator reports kinds it cannot check; this makes sure the fixtures reach both paths
        List<String> kinds = new ArrayList<>();
        for (MeshRenderer renderer : KubeTestScenarios.renderers()) {
            for (Scenario scenario : KubeTestScenarios.fixtures()) {
                renderer.render(scenario, KubeNames.istioDefaults()).files()
                        .forEach(f -> kinds.add(f.name().replaceAll("^\\d+-(patch-)?([a-z]+)-.*", "$2")));
            }
        }
        assertThat(kinds).contains("virtualservice", "destinationrule", "peerauthentication", "authorizationpolicy", "envoyfilter",
                "httproute", "server", "meshtlsauthentication", "networkauthentication", "httplocalratelimitpolicy",
                "deployment", "configmap", "service", "namespace");
    }

    private static Stream<DynamicTest> tests(List<Scenario> scenarios) {
        List<DynamicTest> tests = new ArrayList<>();
        for (MeshRenderer renderer : KubeTestScenarios.renderers()) {
            KubeNames names = renderer.mesh().equals("istio") ? KubeNames.istioDefaults() : KubeNames.linkerdDefaults();
            for (Scenario scenario : scenarios) {
                tests.add(DynamicTest.dynamicTest(renderer.mesh() + ": " + scenario.id(), scenario.file().toUri(), () -> {
                    RenderedState state = renderer.render(scenario, names);
                    assertThat(validator.validate(state)).as("schema problems of %s on %s", scenario.id(), renderer.mesh()).isEmpty();
                }));
            }
        }
        return tests.stream();
    }
}
