package io.meshproof.target.kube;

import io.meshproof.target.DryRunWriter;
import io.meshproof.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Path;

/**
 * Not a check: writes every fixture's rendering for a human to read, as a dry run would, when run with
 * {@code -Dmesh.dump.dir=<dir>} (for example {@code mvn test -Dtest=RenderDump -Dmesh.dump.dir=/tmp/rendered}).
 */
@EnabledIfSystemProperty(named = "mesh.dump.dir", matches = ".+")
class RenderDump {

    @Test
    void writeRenderings() throws Exception {
        DryRunWriter writer = new DryRunWriter(Path.of(System.getProperty("mesh.dump.dir")));
        for (MeshRenderer renderer : KubeTestScenarios.renderers()) {
            KubeNames names = renderer.mesh().equals("istio") ? KubeNames.istioDefaults() : KubeNames.linkerdDefaults();
            for (Scenario scenario : KubeTestScenarios.fixtures()) {
                writer.write(renderer.mesh(), scenario.id(), renderer.render(scenario, names));
            }
        }
    }
}
