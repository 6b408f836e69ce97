package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InjectionCheckTest {

    private static List<String> problems(String run) {
        String yaml = """
                on: workflow_dispatch
                jobs:
                  j:
                    env:
                      FROM: ${{ inputs.from }}
                    steps:
                      - name: s
                        if: ${{ inputs.mesh == 'local' }}
                        run: RUN
                """.replace("RUN", run);
        return new InjectionCheck().check(Workflow.of(Path.of("w.yml"), yaml), Project.locate(Path.of("")))
                .stream().map(Finding::toString).toList();
    }

    @Test
    void valuesThroughTheEnvironmentAndTrustedContextsPass() {
        assertThat(problems("mvn -Dmesh.upgrade.from=\"$FROM\" -Dx=${{ matrix.target }} ${{ github.event_name }} ${{ runner.os }}"))
                .isEmpty();
    }

    @Test
    void inputsAndEventFieldsSplicedIntoAScriptAreFound() {
        assertThat(problems("mvn -Dmesh.upgrade.from=${{ inputs.from }}")).singleElement().asString()
                .isEqualTo("w.yml: jobs.j.steps[0] \"s\".run: splices ${{ inputs.from }} into the script, where a crafted"
                        + " value runs as shell code; pass it through env: (NAME: ${{ inputs.from }}) and use \"$NAME\"");
        assertThat(problems("echo \"${{ github.event.pull_request.title }}\"")).hasSize(1);
        assertThat(problems("echo ${{github.event.inputs.x}} ${{ github.head_ref }}")).hasSize(2);
        assertThat(problems("echo ${{ format('{0}', inputs.to) }}")).hasSize(1);
    }
}
