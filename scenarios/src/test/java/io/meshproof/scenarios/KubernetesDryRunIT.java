package io.meshproof.scenarios;

import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import io.meshproof.target.kube.schema.SharedCrds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult.Status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code -Dmesh.target=istio|linkerd -Dmesh.dryRun=true} on the whole catalog: every scenario is
 * rendered to {@code <report dir>/<target>/rendered/<id>/} without a cluster, and every manifest
 * validates against the real CRD schemas of ../shared/crds (a scenario whose manifests do not fails).
 */
class KubernetesDryRunIT {

    @ParameterizedTest
    @ValueSource(strings = {"istio", "linkerd"})
    void everyScenarioRendersToValidManifests(String mesh) throws Exception {
        assumeTrue(SharedCrds.locate().isPresent(), SharedCrds.notFoundReason());
        Map<String, Status> verdicts = MutantRun.run("dry-run-" + mesh, "*", Map.of("mesh.target", mesh, "mesh.dryRun", "true"));
        assertThat(verdicts).containsEntry("target:" + mesh, Status.SUCCESSFUL);
        long scenarios = verdicts.keySet().stream().filter(k -> !k.contains("/") && !k.contains(":")).count();
        assertThat(scenarios).as("scenarios rendered").isGreaterThanOrEqualTo(CatalogTest.catalog().size());
        verdicts.forEach((name, status) -> {
            if (!name.contains("/") && !name.contains(":")) {
                assertThat(status).as(name + " rendered and valid").isEqualTo(Status.SUCCESSFUL);
            }
        });
        Path rendered = Path.of("target/negative-controls/dry-run-" + mesh, mesh, "rendered");
        for (Path file : CatalogTest.catalog()) {
            Scenario scenario = ScenarioReader.read(file);
            Path dir = rendered.resolve(scenario.id());
            assertThat(dir).as("rendered directory of " + scenario.id()).isDirectory();
            if (!scenario.mesh().routes().isEmpty()) {
                try (Stream<Path> files = Files.list(dir)) {
                    assertThat(files.filter(p -> p.toString().endsWith(".yaml")).count()).as("manifests of " + scenario.id()).isPositive();
                }
            }
        }
    }
}
