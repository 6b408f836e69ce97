package io.meshproof.report.matrix;

import io.meshproof.report.ConformanceReport;
import io.meshproof.report.FeatureCatalog;
import io.meshproof.report.ReportMapper;
import io.meshproof.report.Result;
import io.meshproof.report.SampleReports;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Summary;
import io.meshproof.report.Support;
import io.meshproof.report.TargetInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixTest {

    private final List<ConformanceReport> reports = List.of(SampleReports.passedLocal(), SampleReports.failingIstio(),
            SampleReports.linkerdEmulated());

    @Test
    void rowsAreTheFeatureCatalogInOrderAndColumnsTheTargets() {
        Matrix m = Matrix.of(reports);

        assertThat(m.features()).extracting(Matrix.Row::feature).containsExactlyElementsOf(FeatureCatalog.ORDER);
        assertThat(m.targets()).extracting(Matrix.Column::label).containsExactly("local", "istio", "linkerd");
        assertThat(m.features()).allSatisfy(row -> assertThat(row.cells()).hasSize(3));
        assertThat(m.targets().get(1).summary()).isEqualTo(new Summary(3, 3, 0, 0));
        assertThat(m.targets().get(0).medianConvergenceMs()).isEqualTo(433L);
    }

    @Test
    void eachCellHoldsSupportAndResults() {
        Matrix m = Matrix.of(reports);

        assertThat(cell(m, "TrafficSplit", 1)).isEqualTo(new Matrix.Cell("istio", Support.native_, Result.failed,
                new Summary(0, 1, 0, 0), List.of("reviews-canary-90-10")));
        assertThat(cell(m, "FaultAbort", 2).support()).isEqualTo(Support.emulated);
        assertThat(cell(m, "FaultAbort", 2).result()).isEqualTo(Result.passed);
        assertThat(cell(m, "ConnectionPool", 2).support()).isEqualTo(Support.unsupported);
        assertThat(cell(m, "ConnectionPool", 2).result()).isEqualTo(Result.unsupported);
        assertThat(cell(m, "Retries", 0)).isEqualTo(new Matrix.Cell("local", null, null, new Summary(0, 0, 0, 0), List.of()));
    }

    @Test
    void aCellOfSeveralScenariosCountsThemAndTakesTheWeakestSupport() {
        ScenarioReport a = scenario("a", Support.native_, Result.passed);
        ScenarioReport b = scenario("b", Support.emulated, Result.failed);
        ScenarioReport c = scenario("c", Support.native_, Result.passed);
        Matrix m = Matrix.of(List.of(ConformanceReport.of(new TargetInfo("x", "1", null), null, List.of(a, b, c))));

        Matrix.Cell cell = cell(m, "TrafficSplit", 0);
        assertThat(cell.support()).isEqualTo(Support.emulated);
        assertThat(cell.result()).isEqualTo(Result.failed);
        assertThat(cell.counts()).isEqualTo(new Summary(2, 1, 0, 0));
        assertThat(cell.scenarios()).containsExactly("a", "b", "c");
    }

    @Test
    void featuresOutsideTheCatalogComeLastAndTwoVersionsOfATargetAreTold() {
        ScenarioReport odd = new ScenarioReport("odd", null, "Mirroring", Support.native_, Result.passed, 0, null, 0, null, 0,
                null, null, null, null);
        Matrix m = Matrix.of(List.of(
                ConformanceReport.of(new TargetInfo("istio", "1.29.1", null), null, List.of(odd)),
                ConformanceReport.of(new TargetInfo("istio", "1.30.3", null), null, List.of())));

        assertThat(m.features().get(m.features().size() - 1).feature()).isEqualTo("Mirroring");
        assertThat(m.targets()).extracting(Matrix.Column::label).containsExactly("istio 1.29.1", "istio 1.30.3");
    }

    @Test
    void writesMatrixJsonAndHtml(@TempDir Path dir) throws IOException {
        List<Path> written = MatrixFiles.write(Matrix.of(reports), dir);

        assertThat(written).containsExactly(dir.resolve("matrix.json"), dir.resolve("matrix.html"));
        JsonNode json = ReportMapper.json().readTree(dir.resolve("matrix.json").toFile());
        assertThat(json.path("targets").get(2).path("target").path("name").asText()).isEqualTo("linkerd");
        JsonNode faultAbort = json.path("features").get(FeatureCatalog.ORDER.indexOf("FaultAbort"));
        assertThat(faultAbort.path("feature").asText()).isEqualTo("FaultAbort");
        assertThat(faultAbort.path("cells").get(2).path("support").asText()).isEqualTo("emulated");
        assertThat(faultAbort.path("cells").get(2).path("counts").path("passed").asInt()).isEqualTo(1);
        assertThat(faultAbort.path("cells").get(0).path("support").isNull()).isTrue();

        String html = Files.readString(dir.resolve("matrix.html"));
        assertThat(html).contains("<table class=\"matrix\">", "emulated", "not run", "median convergence 433 ms");
    }

    @Test
    void theMatrixPageEscapesAndReferencesNothingOutside() {
        String evil = "<script>alert(1)</script>";
        ScenarioReport s = new ScenarioReport(evil, evil, "Traffic" + evil, Support.native_, Result.passed, 0, null, 0, null, 0,
                null, null, null, null);
        String html = MatrixPage.render(Matrix.of(List.of(ConformanceReport.of(new TargetInfo(evil, evil, evil), null, List.of(s)))));

        assertThat(html).doesNotContain(evil).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        io.meshproof.report.html.PageChecks.assertNoActiveContent(html);
        io.meshproof.report.html.PageChecks.assertSelfContained(html);
    }

    private static Matrix.Cell cell(Matrix m, String feature, int column) {
        return m.features().stream().filter(r -> r.feature().equals(feature)).findFirst().orElseThrow().cells().get(column);
    }

    private static ScenarioReport scenario(String id, Support support, Result result) {
        return new ScenarioReport(id, null, "TrafficSplit", support, result, 0, null, 0, null, 0, null, null, null, null);
    }
}
