package io.meshproof.ci.scripts;

import io.meshproof.ci.project.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The scripts under ci/scripts: how they are written, and what each does with good and bad input. */
class ScriptsTest {

    private static final Project PROJECT = Project.locate(Path.of(""));
    private static final Path SCRIPTS = PROJECT.root().resolve("ci/scripts");
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static List<Path> shellScripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.filter(f -> f.toString().endsWith(".sh")).sorted().toList();
        }
    }

    private static Run script(Path cwd, Map<String, String> env, String name, String... args) {
        String[] command = Stream.concat(Stream.of("bash", SCRIPTS.resolve(name).toString()), Stream.of(args)).toArray(String[]::new);
        return Run.of(cwd, env, LIMIT, command);
    }

    @TestFactory
    Stream<DynamicTest> everyScriptIsStrictExecutableAndParses() throws IOException {
        List<Path> scripts = shellScripts();
        assertThat(scripts).extracting(p -> p.getFileName().toString()).contains("install-haproxy.sh",
                "validate-upgrade-inputs.sh", "build-matrix.sh", "publish-summary.sh", "lint-workflows.sh");
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.getFileName().toString(), () -> {
            List<String> lines = Files.readAllLines(s);
            assertThat(lines.get(0)).isEqualTo("#!/usr/bin/env bash");
            assertThat(lines).as("fails on errors, unset variables and broken pipes").contains("set -euo pipefail");
            assertThat(Files.isExecutable(s)).as("executable").isTrue();
            Run syntax = Run.of(PROJECT.root(), Map.of(), LIMIT, "bash", "-n", s.toString());
            assertThat(syntax.status()).as(syntax.output()).isZero();
        }));
    }

    @Test
    void shellcheckFindsNothingInTheScriptsAndCatchesACarelessOne() throws Exception {
        Assumptions.assumeTrue(Run.onPath("shellcheck"),
                "shellcheck is not installed (Debian package shellcheck): the scripts were not linted");
        List<String> command = Stream.concat(Stream.of("shellcheck", "--severity=style"),
                shellScripts().stream().map(Path::toString)).toList();
        Run clean = Run.of(PROJECT.root(), Map.of(), LIMIT, command.toArray(String[]::new));
        assertThat(clean.status()).as(clean.output()).isZero();

        Path careless = Path.of(Objects.requireNonNull(getClass().getResource("/bad-scripts/careless.sh")).toURI());
        Run bad = Run.of(PROJECT.root(), Map.of(), LIMIT, "shellcheck", careless.toString());
        assertThat(bad.status()).isNotZero();
        assertThat(bad.output()).contains("SC2086", "SC2164");
    }

    @Test
    void upgradeInputsThatAreVersionsPass() {
        for (String[] ok : new String[][]{{"istio", "1.26.3", "1.27.1"}, {"istio", "1.27.0", "1.28.0-beta.1"},
                {"linkerd", "edge-25.8.1", "edge-25.9.2"}, {"linkerd", "stable-2.14.10", "2025.8.1"}, {"local", "v2.6", "2.8.5"}}) {
            Run r = script(tmp, Map.of("MESH", ok[0], "FROM_VERSION", ok[1], "TO_VERSION", ok[2]), "validate-upgrade-inputs.sh");
            assertThat(r.status()).as(r.output()).isZero();
            assertThat(r.output()).contains("upgrade gate: " + ok[0] + " " + ok[1] + " -> " + ok[2]);
        }
    }

    @Test
    void upgradeInputsThatCouldRunAsCodeOrAreWrongFailWithTheReason() {
        Map<Map<String, String>, String> bad = Map.of(
                Map.of("MESH", "istio", "FROM_VERSION", "1.26.3", "TO_VERSION", "1.27.1; curl x | sh"),
                "TO_VERSION '1.27.1; curl x | sh' is not a version",
                Map.of("MESH", "istio", "FROM_VERSION", "$(id)", "TO_VERSION", "1.27.1"),
                "FROM_VERSION '$(id)' is not a version",
                Map.of("MESH", "istio", "FROM_VERSION", "1.26.3\n1.2", "TO_VERSION", "1.27.1"),
                "is not a version",
                Map.of("MESH", "consul", "FROM_VERSION", "1.0.0", "TO_VERSION", "1.1.0"),
                "MESH 'consul' is not a target: use istio, linkerd or local",
                Map.of("MESH", "istio", "FROM_VERSION", "1.27.1", "TO_VERSION", "1.27.1"),
                "an upgrade gate needs two different versions",
                Map.of("MESH", "istio", "TO_VERSION", "1.27.1"),
                "FROM_VERSION is not set");
        bad.forEach((env, reason) -> {
            Run r = script(tmp, env, "validate-upgrade-inputs.sh");
            assertThat(r.status()).as(env.toString()).isEqualTo(1);
            assertThat(r.output()).contains("validate-upgrade-inputs: ").contains(reason).doesNotContain("upgrade gate:");
        });
    }

    @Test
    void theSummaryGetsTheDiffWhenThereIsOne() throws IOException {
        Path diff = Files.writeString(tmp.resolve("diff.md"), "## Upgrade diff\n| feature | A | B |\n");
        Path summary = Files.writeString(tmp.resolve("summary.md"), "# earlier step\n");

        Run r = script(tmp, Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "publish-summary.sh", "diff.md");

        assertThat(r.status()).as(r.output()).isZero();
        assertThat(Files.readString(summary)).isEqualTo("# earlier step\n## Upgrade diff\n| feature | A | B |\n\n");
        Run local = script(tmp, Map.of(), "publish-summary.sh", "diff.md");
        assertThat(local.output()).contains("| feature | A | B |");
    }

    @Test
    void withoutADiffTheSummarySaysSoAndTheStepPasses() throws IOException {
        Path summary = Files.writeString(tmp.resolve("summary.md"), "");
        Run r = script(tmp, Map.of("GITHUB_STEP_SUMMARY", summary.toString()), "publish-summary.sh", "missing/diff.md");
        assertThat(r.status()).isZero();
        assertThat(r.output()).contains("no missing/diff.md (the run wrote none): nothing to publish");
        assertThat(Files.readString(summary)).isEmpty();
        assertThat(script(tmp, Map.of(), "publish-summary.sh").status()).as("no argument").isEqualTo(2);
    }

    @Test
    void theMatrixIsBuiltFromEveryReportFound() throws IOException {
        for (String target : List.of("mesh-conformance-istio", "mesh-conformance-local")) {
            Files.createDirectories(tmp.resolve("downloaded").resolve(target));
            Files.writeString(tmp.resolve("downloaded").resolve(target).resolve("conformance-report.json"), "{}");
        }
        Files.createDirectories(tmp.resolve("downloaded/mesh-conformance-linkerd"));  // a target that wrote nothing
        Path bin = fakeMaven();

        Run r = script(tmp, Map.of("PATH", bin + ":" + System.getenv("PATH")), "build-matrix.sh", "--out", "matrix", "downloaded");

        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.output()).contains("build-matrix: 2 report(s)");
        List<String> args = Files.readAllLines(tmp.resolve("mvn-args"));
        assertThat(args).containsExactly("-B", "-q", "-pl", "reports", "compile", "exec:java",
                "-Dexec.mainClass=io.meshproof.report.cli.ReportTool",
                "-Dexec.args=matrix --out " + tmp.resolve("matrix") + " " + tmp.resolve("downloaded/mesh-conformance-istio")
                        + " " + tmp.resolve("downloaded/mesh-conformance-local"));
        assertThat(Files.readString(tmp.resolve("mvn-cwd")).strip()).isEqualTo(PROJECT.root().toString());
    }

    @Test
    void withoutReportsTheMatrixFailsAndSaysWhy() throws IOException {
        Files.createDirectories(tmp.resolve("downloaded/mesh-conformance-istio"));
        Path bin = fakeMaven();
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));

        Run none = script(tmp, env, "build-matrix.sh", "--out", "matrix", "downloaded");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.output()).contains("build-matrix: no conformance-report.json under downloaded");
        Run missing = script(tmp, env, "build-matrix.sh", "--out", "matrix", "nowhere");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.output()).contains("build-matrix: nowhere is not a directory");
        assertThat(script(tmp, env, "build-matrix.sh", "matrix", "downloaded").output()).contains("usage: build-matrix.sh --out DIR");
        assertThat(tmp.resolve("mvn-args")).as("maven never ran").doesNotExist();
    }

    @Test
    void haproxyPresentIsKeptAndItsVersionShown() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        stub(bin.resolve("haproxy"), "echo 'HAProxy version 2.8.5-1ubuntu3 2024/04/01 - https://haproxy.org/'");
        stub(bin.resolve("apt-get"), "echo \"apt-get $*\" >> " + tmp.resolve("apt-log") + "; exit 1");

        Run r = script(tmp, Map.of("PATH", bin + ":/usr/bin:/bin"), "install-haproxy.sh");

        assertThat(r.status()).as(r.output()).isZero();
        assertThat(r.output()).contains("HAProxy version 2.8.5");
        assertThat(tmp.resolve("apt-log")).doesNotExist();
    }

    @Test
    void haproxyMissingIsInstalledWithAptAsRootOrThroughSudo() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        // apt-get "installs" by putting a haproxy on the PATH; id says a plain user, sudo runs what it is given
        stub(bin.resolve("apt-get"), "echo \"apt-get $*\" >> " + tmp.resolve("apt-log") + "\n"
                + "printf '#!/bin/sh\\necho \"HAProxy version 2.6.12-1 2023/01/01\"\\n' > " + bin.resolve("haproxy")
                + "; chmod +x " + bin.resolve("haproxy"));
        stub(bin.resolve("id"), "if [ \"$1\" = -u ]; then echo 1001; else echo runner; fi");
        stub(bin.resolve("sudo"), "echo sudo >> " + tmp.resolve("apt-log") + "; exec \"$@\"");

        Run r = script(tmp, Map.of("PATH", bin + ":/usr/bin:/bin"), "install-haproxy.sh");

        assertThat(r.status()).as(r.output()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("apt-log"))).containsExactly("sudo", "apt-get update -q", "sudo",
                "apt-get install -y -q --no-install-recommends haproxy");
        assertThat(r.output()).contains("HAProxy version 2.6.12");
    }

    @Test
    void haproxyTooOldOrNoWayToInstallFailsWithTheReason() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        stub(bin.resolve("haproxy"), "echo 'HAProxy version 2.4.22-0ubuntu0.22.04.3 2023/08/14'");
        Run old = script(tmp, Map.of("PATH", bin + ":/usr/bin:/bin"), "install-haproxy.sh");
        assertThat(old.status()).isEqualTo(1);
        assertThat(old.output()).contains("the local target needs HAProxy 2.6 or newer");

        Files.delete(bin.resolve("haproxy"));
        stub(bin.resolve("id"), "if [ \"$1\" = -u ]; then echo 1001; else echo nobody; fi");
        // a PATH with neither haproxy nor sudo: only the few tools the script needs
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        for (String tool : List.of("head", "sed", "env")) {
            stub(bare.resolve(tool), "exec /usr/bin/" + tool + " \"$@\"");
        }
        Run none = Run.of(tmp, Map.of("PATH", bin + ":" + bare), LIMIT, "/bin/bash", SCRIPTS.resolve("install-haproxy.sh").toString());
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.output()).contains("nobody is neither root nor has sudo");
    }

    /** A fake mvn that records its arguments (one a line) and working directory instead of building. */
    private Path fakeMaven() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        stub(bin.resolve("mvn"), "printf '%s\\n' \"$@\" > " + tmp.resolve("mvn-args") + "; pwd > " + tmp.resolve("mvn-cwd"));
        return bin;
    }

    private static void stub(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
