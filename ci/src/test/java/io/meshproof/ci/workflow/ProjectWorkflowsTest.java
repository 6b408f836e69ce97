package io.meshproof.ci.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshproof.ci.check.Finding;
import io.meshproof.ci.check.WorkflowCheck;
import io.meshproof.ci.project.Project;
import io.meshproof.ci.shell.MavenInvocation;
import io.meshproof.ci.shell.ShellScript;
import io.meshproof.ci.shell.ShellWord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's own workflows (.github/workflows at the root): every check holds, and each does its job. */
class ProjectWorkflowsTest {

    private static final Project PROJECT = Project.locate(Path.of(""));
    private static final Path WORKFLOWS = PROJECT.root().resolve(".github/workflows");

    private static Workflow workflow(String name) {
        return Workflow.read(WORKFLOWS.resolve(name));
    }

    @TestFactory
    Stream<DynamicTest> everyWorkflowKeepsEveryCheck() {
        List<Path> files = Workflow.filesIn(WORKFLOWS);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("verify.yml", "nightly.yml", "upgrade-gate.yml");
        return files.stream().flatMap(file -> WorkflowCheck.all().stream().map(check ->
                DynamicTest.dynamicTest(file.getFileName() + ": " + check.getClass().getSimpleName(), () -> {
                    List<Finding> findings = check.check(Workflow.read(file), PROJECT);
                    assertThat(findings).as("findings").isEmpty();
                })));
    }

    @Test
    void verifyRunsTheProjectsTestCommandOnEveryPushAndPullRequest() {
        Workflow w = workflow("verify.yml");
        assertThat(w.on().fieldNames()).toIterable().containsExactlyInAnyOrder("push", "pull_request");
        Job job = w.jobs().get(0);
        assertThat(runs(job)).contains("bash .ci/run");
        assertJava17WithMavenCache(job);
        assertThat(uploads(job)).contains(Project.REPORT_DIR + "/", "**/target/surefire-reports/", "**/target/failsafe-reports/");
        assertThat(w.field("concurrency").path("group").asText()).isNotBlank();
    }

    @Test
    void nightlyRunsTheResilienceProfileOnEveryTargetAndBuildsTheMatrix() {
        Workflow w = workflow("nightly.yml");
        assertThat(w.on().path("schedule").get(0).path("cron").asText()).matches("(\\S+ ){4}\\S+");
        assertThat(w.on().has("workflow_dispatch")).isTrue();

        Job conformance = job(w, "conformance");
        assertThat(conformance.node().path("strategy").path("matrix").path("target"))
                .extracting(JsonNode::asText).containsExactly("istio", "linkerd", "local");
        assertThat(conformance.node().path("strategy").path("fail-fast").asBoolean(true)).isFalse();
        assertThat(conformance.node().path("env").path("MESH_TARGET").asText()).isEqualTo("${{ matrix.target }}");
        MavenInvocation suite = maven(conformance).orElseThrow();
        assertThat(suite.goals()).containsExactly("verify");
        assertThat(suite.property("mesh.target")).map(ShellWord::text).contains("$MESH_TARGET");
        assertThat(suite.property("mesh.profile")).map(ShellWord::text).contains("resilience");
        assertJava17WithMavenCache(conformance);
        assertThat(uploads(conformance)).contains(Project.REPORT_DIR + "/${{ matrix.target }}/");

        Job matrix = job(w, "matrix");
        assertThat(matrix.node().path("needs").asText()).isEqualTo("conformance");
        assertThat(matrix.node().path("if").asText()).contains("!cancelled()");
        assertThat(runs(matrix)).contains("bash ci/scripts/build-matrix.sh --out matrix downloaded-reports");
        assertThat(uploads(matrix)).contains("matrix/");
        assertThat(job(w, "pages").node().path("permissions").path("pages").asText()).isEqualTo("write");
    }

    @Test
    void theMatrixScriptRunsTheReportTool() throws Exception {
        MavenInvocation m = ShellScript.commands(Files.readString(PROJECT.root().resolve("ci/scripts/build-matrix.sh"))).stream()
                .map(MavenInvocation::of).flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(m.projects()).extracting(ShellWord::text).containsExactly("reports");
        assertThat(m.goals()).containsExactly("compile", "exec:java");
        assertThat(m.property("exec.mainClass")).map(ShellWord::text).contains("io.meshproof.report.cli.ReportTool");
        assertThat(m.property("exec.args")).map(ShellWord::text).get().asString().startsWith("matrix --out ");
    }

    @Test
    void upgradeGateTakesValidatedInputsThroughTheEnvironment() {
        Workflow w = workflow("upgrade-gate.yml");
        assertThat(w.on().fieldNames()).toIterable().containsExactly("workflow_dispatch");
        JsonNode inputs = w.on().path("workflow_dispatch").path("inputs");
        assertThat(inputs.path("mesh").path("type").asText()).isEqualTo("choice");
        assertThat(inputs.path("mesh").path("options")).extracting(JsonNode::asText).containsExactly("istio", "linkerd", "local");
        assertThat(inputs.path("from").path("required").asBoolean()).isTrue();
        assertThat(inputs.path("to").path("required").asBoolean()).isTrue();

        Job gate = w.jobs().get(0);
        JsonNode env = gate.node().path("env");
        assertThat(env.path("MESH").asText()).isEqualTo("${{ inputs.mesh }}");
        assertThat(env.path("FROM_VERSION").asText()).isEqualTo("${{ inputs.from }}");
        assertThat(env.path("TO_VERSION").asText()).isEqualTo("${{ inputs.to }}");
        List<String> runs = runs(gate);
        int validate = runs.indexOf("bash ci/scripts/validate-upgrade-inputs.sh");
        int suite = indexOfMaven(runs);
        assertThat(validate).as("inputs validated").isNotNegative().isLessThan(suite);
        MavenInvocation m = MavenInvocation.of(ShellScript.commands(runs.get(suite)).get(0)).orElseThrow();
        assertThat(m.property("mesh.target")).map(ShellWord::text).contains("$MESH");
        assertThat(m.property("mesh.upgrade.from")).map(ShellWord::text).contains("$FROM_VERSION");
        assertThat(m.property("mesh.upgrade.to")).map(ShellWord::text).contains("$TO_VERSION");
        assertThat(runs).contains("bash ci/scripts/publish-summary.sh " + Project.REPORT_DIR + "/upgrade/diff.md");
        assertThat(uploads(gate)).contains(Project.REPORT_DIR + "/upgrade/");
    }

    @Test
    void actionsArePinnedToTheChosenMajorVersions() {
        List<String> uses = new ArrayList<>();
        for (Path file : Workflow.filesIn(WORKFLOWS)) {
            for (Job job : Workflow.read(file).jobs()) {
                job.steps().forEach(s -> s.uses().ifPresent(uses::add));
            }
        }
        assertThat(uses).filteredOn(u -> u.startsWith("actions/checkout@")).containsOnly("actions/checkout@v4");
        assertThat(uses).filteredOn(u -> u.startsWith("actions/setup-java@")).containsOnly("actions/setup-java@v4");
        assertThat(uses).filteredOn(u -> u.startsWith("actions/upload-artifact@")).containsOnly("actions/upload-artifact@v4");
        assertThat(uses).filteredOn(u -> u.startsWith("actions/download-artifact@")).containsOnly("actions/download-artifact@v4");
    }

    @Test
    void theReportDirectoryIsWhereTheEngineWritesItsReports() throws Exception {
        // DESIGN.md section 2: mesh.report.dir defaults to target/mesh-conformance of the module that runs the engine
        String configuration = Files.readString(PROJECT.root()
                .resolve("harness-engine/src/main/java/io/meshproof/engine/MeshConfiguration.java"));
        assertThat(configuration).contains("\"target/mesh-conformance\"");
        assertThat(Files.readString(PROJECT.root().resolve("scenarios/pom.xml"))).contains("ConformanceIT");
        assertThat(Project.REPORT_DIR).isEqualTo("scenarios/target/mesh-conformance");
    }

    private static void assertJava17WithMavenCache(Job job) {
        JsonNode java = job.steps().stream().filter(s -> s.uses().orElse("").startsWith("actions/setup-java@"))
                .findFirst().orElseThrow().with();
        assertThat(java.path("distribution").asText()).isEqualTo("temurin");
        assertThat(java.path("java-version").asText()).isEqualTo("17");
        assertThat(java.path("cache").asText()).isEqualTo("maven");
    }

    private static Job job(Workflow w, String id) {
        return w.jobs().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> runs(Job job) {
        return job.steps().stream().flatMap(s -> s.run().stream()).map(String::strip).toList();
    }

    private static Optional<MavenInvocation> maven(Job job) {
        return runs(job).stream().flatMap(r -> ShellScript.commands(r).stream())
                .map(MavenInvocation::of).flatMap(Optional::stream).findFirst();
    }

    private static int indexOfMaven(List<String> runs) {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).startsWith("mvn ")) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> uploads(Job job) {
        return job.steps().stream().filter(s -> s.uses().orElse("").startsWith("actions/upload-artifact@"))
                .flatMap(s -> s.with().path("path").asText().lines()).map(String::strip).toList();
    }
}
