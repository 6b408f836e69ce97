package io.meshproof.ci.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.meshproof.ci.check.CommandReferenceCheck;
import io.meshproof.ci.project.Project;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ci/gitlab/.gitlab-ci.yml, the verify workflow for GitLab: it runs what the GitHub one runs and keeps the reports. */
class GitlabExampleTest {

    private static final Project PROJECT = Project.locate(Path.of(""));

    @Test
    void itRunsTheProjectsCommandsAndKeepsTheReportsAlsoOnFailure() throws IOException {
        JsonNode verify = new YAMLMapper().readTree(PROJECT.root().resolve("ci/gitlab/.gitlab-ci.yml").toFile()).path("verify");
        List<String> script = new ArrayList<>();
        verify.path("script").forEach(line -> script.add(line.asText()));

        assertThat(script).containsExactly("bash ci/scripts/install-haproxy.sh", "bash .ci/run");
        assertThat(new CommandReferenceCheck().problems(String.join("\n", script), ".", PROJECT)).isEmpty();
        assertThat(verify.path("timeout").asText()).isNotBlank();
        assertThat(verify.path("image").asText()).contains("temurin-17");
        assertThat(verify.path("artifacts").path("when").asText()).isEqualTo("always");
        assertThat(verify.path("artifacts").path("paths")).extracting(JsonNode::asText)
                .contains(Project.REPORT_DIR + "/", "**/target/surefire-reports/", "**/target/failsafe-reports/");
    }

    @Test
    void theSameReferenceCheckFailsABrokenScript() {
        assertThat(new CommandReferenceCheck().problems("bash ci/scripts/install-haproxy.sh\nmvn -B verify -Pnegative-control", ".", PROJECT))
                .singleElement().asString().contains("no profile 'negative-control'");
    }
}
