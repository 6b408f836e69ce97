package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Workflow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StructureCheckTest {

    private static final Project PROJECT = Project.locate(Path.of(""));

    static final String GOOD = """
            name: good
            on: [push]
            permissions:
              contents: read
            jobs:
              build:
                runs-on: ubuntu-24.04
                timeout-minutes: 30
                steps:
                  - uses: actions/checkout@v4
                  - uses: actions/setup-java@0123456789abcdef0123456789abcdef01234567
                  - uses: ./.github/actions/local
                  - run: echo hi
              publish:
                needs: build
                runs-on: ubuntu-24.04
                timeout-minutes: 5
                permissions:
                  pages: write
                steps:
                  - run: echo published
            """;

    private static List<String> problems(String yaml) {
        return new StructureCheck().check(Workflow.of(Path.of("w.yml"), yaml), PROJECT).stream().map(Finding::toString).toList();
    }

    @Test
    void aWellFormedWorkflowHasNoFindings() {
        assertThat(problems(GOOD)).isEmpty();
    }

    @Test
    void missingPermissionsOrWriteForEveryJobIsFound() {
        assertThat(problems(GOOD.replace("permissions:\n  contents: read\n", "")))
                .singleElement().asString().contains("w.yml: permissions: missing");
        assertThat(problems(GOOD.replace("contents: read", "contents: write")))
                .singleElement().asString().contains("permissions.contents: write for every job");
        assertThat(problems(GOOD.replace("permissions:\n  contents: read\n", "permissions: write-all\n")))
                .singleElement().asString().contains("write-all");
    }

    @Test
    void aJobWithoutRunnerTimeoutOrStepsIsFound() {
        assertThat(problems(GOOD.replace("    runs-on: ubuntu-24.04\n    timeout-minutes: 30\n", "")))
                .containsExactly("w.yml: jobs.build: no runs-on: say which runner it needs, e.g. runs-on: ubuntu-24.04",
                        "w.yml: jobs.build: no timeout-minutes: a hung job would hold a runner for 360 minutes; set the longest it may take");
        assertThat(problems(GOOD.replace("timeout-minutes: 30", "timeout-minutes: 0"))).singleElement().asString()
                .contains("jobs.build.timeout-minutes: '0' is not a whole number of minutes from 1 to 360");
        assertThat(problems(GOOD.replace("timeout-minutes: 30", "timeout-minutes: half an hour"))).hasSize(1);
        assertThat(problems(GOOD.replace("timeout-minutes: 30", "timeout-minutes: 999"))).hasSize(1);
        assertThat(problems(GOOD.replace("      - run: echo published\n", "").replace("    steps:\n\n", "")))
                .anySatisfy(p -> assertThat(p).contains("jobs.publish: no steps"));
    }

    @Test
    void stepsDoOneThingWithPinnedActions() {
        assertThat(problems(GOOD.replace("actions/checkout@v4", "actions/checkout@main"))).singleElement().asString()
                .contains("jobs.build.steps[0]: uses actions/checkout@main, which is not pinned");
        assertThat(problems(GOOD.replace("actions/checkout@v4", "actions/checkout"))).hasSize(1);
        assertThat(problems(GOOD.replace("      - run: echo hi\n", "      - name: idle\n"))).singleElement().asString()
                .contains("jobs.build.steps[3] \"idle\": has neither run: nor uses:");
        assertThat(problems(GOOD.replace("      - run: echo hi\n", "      - run: echo hi\n        uses: actions/cache@v4\n")))
                .singleElement().asString().contains("has both run: and uses:");
    }

    @Test
    void needsNameJobsThatExistAndTriggersArePresent() {
        assertThat(problems(GOOD.replace("needs: build", "needs: [build, deploy]"))).singleElement().asString()
                .contains("jobs.publish.needs: names job 'deploy', which this workflow does not have (jobs: build, publish)");
        assertThat(problems(GOOD.replace("on: [push]\n", ""))).singleElement().asString().contains("w.yml: on: no triggers");
        assertThat(problems(GOOD.replace("on: [push]\n", "on: {}\n"))).hasSize(1);
        assertThat(problems("on: push\npermissions: {}\njobs: {}\n")).singleElement().asString().contains("no jobs");
    }
}
