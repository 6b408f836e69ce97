package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The negative control: a workflow that breaks every rule fails every check, each for each of its reasons. */
class BadWorkflowTest {

    private static final Project PROJECT = Project.locate(Path.of(""));

    static Path badWorkflow() {
        try {
            return Path.of(Objects.requireNonNull(BadWorkflowTest.class.getResource("/bad-workflows/bad.yml")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> findings(WorkflowCheck check) {
        return check.check(Workflow.read(badWorkflow()), PROJECT).stream().map(f -> f.where() + ": " + f.problem()).toList();
    }

    @Test
    void everyCheckFailsIt() {
        for (WorkflowCheck check : WorkflowCheck.all()) {
            assertThat(findings(check)).as(check.getClass().getSimpleName()).isNotEmpty();
        }
    }

    @Test
    void structure() {
        assertThat(findings(new StructureCheck())).satisfiesExactlyInAnyOrder(
                f -> assertThat(f).startsWith("permissions: missing"),
                f -> assertThat(f).startsWith("jobs.build: no runs-on"),
                f -> assertThat(f).startsWith("jobs.build: no timeout-minutes"),
                f -> assertThat(f).startsWith("jobs.build.needs: names job 'setup'"),
                f -> assertThat(f).startsWith("jobs.build.steps[0]: uses actions/checkout@main, which is not pinned"),
                f -> assertThat(f).startsWith("jobs.build.steps[3] \"does nothing\": has neither run: nor uses:"));
    }

    @Test
    void injection() {
        assertThat(findings(new InjectionCheck())).singleElement().asString()
                .startsWith("jobs.build.steps[1] \"splices an input into the script\".run: splices ${{ inputs.version }}");
    }

    @Test
    void commandReferences() {
        assertThat(findings(new CommandReferenceCheck())).satisfiesExactlyInAnyOrder(
                f -> assertThat(f).contains("mvn -pl nosuchmodule: no such module"),
                f -> assertThat(f).contains("mvn -Pnosuchprofile: no profile 'nosuchprofile'"),
                f -> assertThat(f).contains("mvn -Dmesh.nosuchparameter: the engine reads no parameter"),
                f -> assertThat(f).contains("mvn -Dexec.mainClass=io.meshproof.report.cli.NoSuchTool: no class with a main method"),
                f -> assertThat(f).contains("runs ci/scripts/no-such-script.sh, which does not exist"),
                f -> assertThat(f).contains("runs ci/README.md, which is not executable"));
    }

    @Test
    void artifactPaths() {
        assertThat(findings(new ArtifactPathCheck())).satisfiesExactlyInAnyOrder(
                f -> assertThat(f).contains("uploads somewhere/else, which nothing in the project writes"),
                f -> assertThat(f).contains("\"uploads reports only when all went well\": uploads reports only when every earlier step passed"));
    }
}
