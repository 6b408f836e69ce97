package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArtifactPathCheckTest {

    private static final Project PROJECT = Project.locate(Path.of(""));

    private static List<String> problems(String uploadIf, String paths) {
        String yaml = """
                on: push
                jobs:
                  j:
                    steps:
                      - run: bash ci/scripts/build-matrix.sh --out matrix downloaded
                      - name: up
                        IF
                        uses: actions/upload-artifact@v4
                        with:
                          path: |
                PATHS
                """.replace("IF", uploadIf).replace("PATHS", paths.indent(12));
        return new ArtifactPathCheck().check(Workflow.of(Path.of("w.yml"), yaml), PROJECT).stream().map(Finding::toString).toList();
    }

    @Test
    void theProjectsReportsAndTheJobsOwnOutputsPass() {
        assertThat(problems("if: ${{ !cancelled() }}", """
                scenarios/target/mesh-conformance/${{ matrix.target }}/
                ./scenarios/target/mesh-conformance
                **/target/surefire-reports/
                reports/target/failsafe-reports/*.xml
                !**/target/surefire-reports/*.txt
                matrix/
                """)).isEmpty();
        assertThat(problems("if: always()", "scenarios/target/mesh-conformance/")).isEmpty();
    }

    @Test
    void pathsNothingWritesAreFound() {
        assertThat(problems("if: ${{ !cancelled() }}", "target/mesh-conformance/")).singleElement().asString()
                .startsWith("w.yml: jobs.j.steps[1] \"up\".with.path: uploads target/mesh-conformance, which nothing in the project writes");
        assertThat(problems("if: ${{ !cancelled() }}", "scenarios/target/mesh-conformances/")).hasSize(1);
        assertThat(problems("if: ${{ !cancelled() }}", "nosuchmodule/target/surefire-reports/")).singleElement().asString()
                .contains("the reactor has no module nosuchmodule");
        assertThat(problems("", "matrix-other/")).hasSize(1);
    }

    @Test
    void reportsUploadAlsoWhenTheBuildFailed() {
        assertThat(problems("", "scenarios/target/mesh-conformance/")).singleElement().asString()
                .contains("uploads reports only when every earlier step passed: add if: ${{ !cancelled() }}");
        assertThat(problems("if: success()", "**/target/surefire-reports/")).hasSize(1);
        assertThat(problems("", "matrix/")).as("a job's own output need not").isEmpty();
    }

    @Test
    void outputsAreReadFromOutOptionsAlsoInsideExecArgs() {
        assertThat(ArtifactPathCheck.outputs("""
                mvn -q -pl reports exec:java -Dexec.args="matrix --out ./site/ a b"
                tool --out "$DIR"
                bash x.sh --out m2
                """)).containsExactly("site", "m2");
    }
}
