package io.meshproof.report.cli;

import io.meshproof.report.ConformanceReport;
import io.meshproof.report.ReportFiles;
import io.meshproof.report.ReportMapper;
import io.meshproof.report.SampleReports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReportToolTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ReportTool(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path write(String name, ConformanceReport report) throws IOException {
        Path target = dir.resolve(name);
        ReportFiles.write(report, target);
        return target.resolve(ReportFiles.JSON);
    }

    @Test
    void matrixWritesBothFilesFromFilesOrDirectories() throws IOException {
        Path local = write("local", SampleReports.passedLocal());
        write("istio", SampleReports.failingIstio());

        int status = run("matrix", "--out", dir.resolve("out").toString(), local.toString(), dir.resolve("istio").toString());

        assertThat(status).isZero();
        assertThat(dir.resolve("out/matrix.json")).isRegularFile();
        assertThat(dir.resolve("out/matrix.html")).isRegularFile();
        assertThat(out()).contains("wrote " + dir.resolve("out/matrix.html"));
        assertThat(err()).isEmpty();
    }

    @Test
    void diffExitsOneOnARegressionAndWritesTheChosenForm() throws IOException {
        Path base = write("base", SampleReports.passedLocal());
        Path head = write("head", SampleReports.with(SampleReports.passedLocal(), "reviews-header-jason",
                s -> new io.meshproof.report.ScenarioReport(s.id(), s.title(), s.feature(), s.support(),
                        io.meshproof.report.Result.failed, s.requests(), s.convergenceMs(), s.durationMs(), s.file(), s.line(),
                        "no answer from v2", java.util.List.of(), s.events(), s.notes(), s.series())));

        int status = run("diff", base.toString(), head.toString(), "--out", dir.resolve("gate/diff.json").toString());

        assertThat(status).isEqualTo(ReportTool.REGRESSION);
        assertThat(out()).contains("REGRESSIONS: 2", "reviews-header-jason: passed → failed", "(exit 1)");
        assertThat(ReportMapper.json().readTree(dir.resolve("gate/diff.json").toFile()).path("exitStatus").asInt()).isEqualTo(1);

        assertThat(run("diff", base.toString(), head.toString(), "--format", "markdown", "--out",
                dir.resolve("diff.md").toString())).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("diff.md"))).startsWith("## meshproof report diff");
    }

    @Test
    void diffOfIdenticalReportsExitsZero() throws IOException {
        Path base = write("base", SampleReports.passedLocal());

        assertThat(run("diff", base.toString(), base.toString())).isZero();
        assertThat(out()).contains("no regression");
    }

    @Test
    void diffWithOnlyFixesExitsZero() throws IOException {
        Path base = write("base", SampleReports.failingIstio());
        Path head = write("head", SampleReports.with(SampleReports.failingIstio(), "reviews-canary-90-10",
                s -> SampleReports.passedLocal().scenarios().get(0)));

        assertThat(run("diff", base.toString(), head.toString())).isZero();
        assertThat(out()).contains("FIXES: 2");
    }

    @Test
    void aMissingReportIsNamedWithoutAStackTrace() {
        Path missing = dir.resolve("nope.json");

        int status = run("diff", missing.toString(), missing.toString());

        assertThat(status).isEqualTo(ReportTool.BAD_INPUT);
        assertThat(err()).isEqualTo("meshproof report: " + missing + ": no such file\n");
    }

    @Test
    void malformedJsonIsNamedWithItsLine() throws IOException {
        Path good = write("good", SampleReports.passedLocal());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"target\": {\"name\": \"x\"},\n \"summary\": }");

        int status = run("diff", good.toString(), bad.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err()).startsWith("meshproof report: " + bad + ": not valid JSON at line 2").doesNotContain("\tat ", "Exception");
    }

    @Test
    void aDirectoryWithoutAReportIsExplained() {
        assertThat(run("matrix", "--out", dir.resolve("o").toString(), dir.toString())).isEqualTo(2);
        assertThat(err()).contains(dir + ": a directory without conformance-report.json");
    }

    @Test
    void usageErrorsExitTwoWithTheUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("merge")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'merge'", "usage:");
        assertThat(run("matrix", "a.json")).isEqualTo(2);
        assertThat(err()).contains("--out is required");
        assertThat(run("diff", "a.json")).isEqualTo(2);
        assertThat(err()).contains("diff needs two reports, BASE and HEAD; got 1");
        assertThat(run("diff", "a.json", "b.json", "--format", "pdf")).isEqualTo(2);
        assertThat(run("diff", "a.json", "b.json", "--min-change", "ten")).isEqualTo(2);
        assertThat(run("diff", "a.json", "b.json", "--colour")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--colour'").doesNotContain("Exception");
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("usage:");
    }

    @Test
    void anUnwritableOutputIsNamed() throws IOException {
        Path local = write("local", SampleReports.passedLocal());
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThat(run("matrix", "--out", file.toString(), local.toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("meshproof report: " + file + ": exists and is not a directory\n");
    }
}
