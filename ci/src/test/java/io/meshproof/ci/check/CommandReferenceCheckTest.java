package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.project.TempProject;
import io.meshproof.ci.workflow.Workflow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandReferenceCheckTest {

    @TempDir
    Path dir;
    Project project;

    @BeforeEach
    void project() throws IOException {
        project = TempProject.create(dir);
    }

    private List<String> problems(String script) {
        return new CommandReferenceCheck().problems(script, ".", project);
    }

    @Test
    void referencesToWhatTheProjectHasPass() {
        assertThat(problems("""
                bash .ci/run
                mvn -B verify -Pfast,root-profile,?optional -pl app,libs/util,:example-util,!libs
                mvn -B -q -pl app compile exec:java -Dexec.mainClass=io.example.Main -Dmesh.target="$T"
                tools/ok.sh && sh ./tools/ok.sh
                echo "$(bash -c 'x')" | cat > /dev/null
                """)).isEmpty();
    }

    @Test
    void modulesNotInTheReactorAreFound() {
        assertThat(problems("mvn -pl app,nosuch verify")).singleElement().asString()
                .isEqualTo("mvn -pl nosuch: no such module in the reactor (modules: app, libs, libs/util)");
        assertThat(problems("mvn -pl :nosuch-artifact verify")).hasSize(1);
        assertThat(problems("mvn -pl \"$MODULE\" verify")).singleElement().asString().contains("is not a literal module");
    }

    @Test
    void profilesNotInAnyPomAreFound() {
        assertThat(problems("mvn -B verify -Pfast,slow")).singleElement().asString()
                .startsWith("mvn -Pslow: no profile 'slow' in any pom (profiles: ");
        assertThat(problems("mvn -P \"$P\" verify")).singleElement().asString().contains("is not a literal profile");
    }

    @Test
    void mainClassesMustBeMainSourcesOfTheSelectedModules() {
        assertThat(problems("mvn -pl app exec:java -Dexec.mainClass=io.example.Helper")).singleElement().asString()
                .isEqualTo("mvn -Dexec.mainClass=io.example.Helper: no class with a main method of that name in src/main/java of app");
        assertThat(problems("mvn -pl libs/util exec:java -Dexec.mainClass=io.example.Main")).hasSize(1);
        assertThat(problems("mvn exec:java -Dexec.mainClass=io.example.TestMain")).singleElement().asString()
                .contains("in any module");
    }

    @Test
    void engineParametersMustBeOnesTheEngineReads() {
        assertThat(problems("mvn verify -Dmesh.targte=istio")).singleElement().asString()
                .isEqualTo("mvn -Dmesh.targte: the engine reads no parameter 'mesh.targte' (it reads: mesh.target)");
    }

    @Test
    void scriptsMustExistAndBeExecutable() {
        assertThat(problems("bash tools/missing.sh")).singleElement().asString()
                .isEqualTo("`bash tools/missing.sh` runs tools/missing.sh, which does not exist");
        assertThat(problems("bash tools/not-executable.sh")).singleElement().asString()
                .contains("runs tools/not-executable.sh, which is not executable: chmod +x tools/not-executable.sh");
        assertThat(problems("./tools/missing.sh --flag")).hasSize(1);
        assertThat(problems("node tools/missing.cjs")).hasSize(1);
    }

    @Test
    void theProjectScriptsAWorkflowCallsAreCheckedToo() {
        assertThat(problems("bash tools/calls-bad.sh")).singleElement().asString()
                .startsWith("in tools/calls-bad.sh line 2: mvn -Pmissing: no profile 'missing'");
    }

    @Test
    void scriptsStartInTheStepsWorkingDirectory() {
        String yaml = """
                on: push
                jobs:
                  j:
                    defaults: {run: {working-directory: tools}}
                    steps:
                      - run: ./ok.sh
                      - run: ./ok.sh
                        working-directory: app
                """;
        assertThat(new CommandReferenceCheck().check(Workflow.of(Path.of("w.yml"), yaml), project))
                .singleElement().asString()
                .isEqualTo("w.yml: jobs.j.steps[1].run: `./ok.sh` runs app/ok.sh, which does not exist");
    }
}
