package io.meshproof.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheThreeFilesAndReadsTheJsonBackAsTheSameReport() throws IOException {
        ConformanceReport report = SampleReports.failingIstio();

        List<Path> written = ReportFiles.write(report, dir.resolve("istio"));

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("conformance-report.json", "conformance-report.yaml", "index.html");
        ConformanceReport back = ReportFiles.read(dir.resolve("istio/conformance-report.json"));
        assertThat(back).isEqualTo(report);
        assertThat(back.scenarios().get(0).series()).isNotNull().isEqualTo(report.scenarios().get(0).series());
    }

    @Test
    void theYamlHoldsTheSameContentAsTheJson() throws IOException {
        ReportFiles.write(SampleReports.passedLocal(), dir);

        JsonNode json = ReportMapper.json().readTree(dir.resolve(ReportFiles.JSON).toFile());
        JsonNode yaml = ReportMapper.yaml().readTree(dir.resolve(ReportFiles.YAML).toFile());

        assertThat(yaml).isEqualTo(json);
        assertThat(json.path("target").path("version").isTextual()).isTrue();
    }

    @Test
    void theJsonHasTheContractFieldsOfDesignSection7WithNumbersAsNumbers() throws IOException {
        ReportFiles.write(SampleReports.passedLocal(), dir);
        JsonNode root = ReportMapper.json().readTree(dir.resolve(ReportFiles.JSON).toFile());

        assertThat(fieldNames(root.path("target"))).contains("name", "version", "cluster");
        assertThat(root.path("target").path("cluster").isNull()).as("local has no cluster: null, as in the contract").isTrue();
        assertThat(fieldNames(root.path("summary"))).containsExactly("passed", "failed", "skipped", "unsupported");
        JsonNode canary = root.path("scenarios").get(0);
        assertThat(fieldNames(canary)).contains("id", "feature", "support", "result", "requests", "convergenceMs",
                "durationMs", "checks");
        assertThat(canary.path("support").asText()).isEqualTo("native");
        assertThat(canary.path("result").asText()).isEqualTo("passed");
        assertThat(canary.path("requests").isNumber()).isTrue();
        assertThat(canary.path("convergenceMs").isNumber()).isTrue();
        assertThat(canary.path("durationMs").isNumber()).isTrue();
        JsonNode split = canary.path("checks").get(0);
        assertThat(fieldNames(split)).contains("kind", "result", "expected", "observed", "evidence");
        assertThat(split.path("expected").path("v1").isNumber()).isTrue();
        assertThat(split.path("observed").path("v1").isNumber()).isTrue();
        assertThat(fieldNames(split.path("evidence"))).contains("counts", "intervals", "alpha");
        assertThat(split.path("evidence").path("alpha").isNumber()).isTrue();
        assertThat(split.path("evidence").path("intervals").path("v1").get(0).isNumber()).isTrue();
        assertThat(root.path("summary").path("unsupported").asInt()).isEqualTo(1);
    }

    @Test
    void theOutputIsDeterministicWhateverMapTheOracleUsed() throws IOException {
        Map<String, Object> evidence = new HashMap<>();
        for (String key : List.of("zeta", "alpha", "n", "counts", "mid", "bound", "interval", "count")) {
            evidence.put(key, key.length());
        }
        ScenarioReport s = new ScenarioReport("a", "A", "TrafficSplit", Support.native_, Result.passed, 1, 1L, 1, "a.yaml", 1,
                null, List.of(new CheckReport("split", null, Result.passed, 2, null, null, evidence, "ok")), null, null);
        ConformanceReport report = ConformanceReport.of(new TargetInfo("local", "HAProxy 2.6.12", null), null, List.of(s));

        String first = ReportMapper.toJson(report);
        String again = ReportMapper.toJson(ConformanceReport.of(report.target(), null, List.of(
                new ScenarioReport("a", "A", "TrafficSplit", Support.native_, Result.passed, 1, 1L, 1, "a.yaml", 1, null,
                        List.of(new CheckReport("split", null, Result.passed, 2, null, null, reversed(evidence), "ok")), null, null))));

        assertThat(again).isEqualTo(first);
        assertThat(first.indexOf("\"alpha\"")).isLessThan(first.indexOf("\"zeta\""));
        assertThat(first.indexOf("\"target\"")).isLessThan(first.indexOf("\"summary\""));
        assertThat(first.indexOf("\"summary\"")).isLessThan(first.indexOf("\"scenarios\""));
        assertThat(first).doesNotContain("\r");
    }

    @Test
    void durationsInEvidenceAreWrittenAsAScenarioWritesThem() {
        CheckReport c = new CheckReport("latency", "p50", Result.passed, 1, Map.of("atLeast", Duration.ofSeconds(2)),
                null, Map.of("timeout", Duration.ofMillis(300), "odd", Duration.ofMillis(1500)), "ok");

        String json = ReportMapper.toJson(c);

        assertThat(json).contains("\"atLeast\": \"2s\"", "\"timeout\": \"300ms\"", "\"odd\": \"1500ms\"");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope/conformance-report.json");
        assertThatThrownBy(() -> ReportFiles.read(missing))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void malformedJsonIsReportedWithItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"target\": {\"name\": \"istio\"},\n  \"summary\": [,\n}");
        assertThatThrownBy(() -> ReportFiles.read(file))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith(file + ": not valid JSON at line 3");
    }

    @Test
    void anUnknownSupportLevelIsReportedWithItsPath() throws IOException {
        String json = ReportMapper.toJson(SampleReports.passedLocal()).replaceFirst("\"support\": \"native\"", "\"support\": \"nativ\"");
        Path file = Files.writeString(dir.resolve("r.json"), json);
        assertThatThrownBy(() -> ReportFiles.read(file))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("scenarios[0].support")
                .hasMessageContaining("unknown support level 'nativ' (native, emulated or unsupported)");
    }

    @Test
    void anUnknownResultNamesTheAllowedOnes() throws IOException {
        String json = ReportMapper.toJson(SampleReports.passedLocal()).replaceFirst("\"result\": \"passed\"", "\"result\": \"pass\"");
        Path file = Files.writeString(dir.resolve("r.json"), json);
        assertThatThrownBy(() -> ReportFiles.read(file))
                .hasMessageContaining("scenarios[0].result")
                .hasMessageContaining("'pass' is not one of passed, failed, skipped, unsupported");
    }

    @Test
    void jsonThatIsNotAReportSaysWhatIsMissing() throws IOException {
        Path pkg = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}");
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path noId = Files.writeString(dir.resolve("noid.json"),
                "{\"target\":{\"name\":\"local\"},\"summary\":{},\"scenarios\":[{\"result\":\"passed\"}]}");

        assertThatThrownBy(() -> ReportFiles.read(pkg)).hasMessage(pkg + ": not a conformance report: no 'target' object "
                + "with a 'name' (DESIGN.md section 7 lists the fields)");
        assertThatThrownBy(() -> ReportFiles.read(empty)).hasMessage(empty + ": the file is empty");
        assertThatThrownBy(() -> ReportFiles.read(noId)).hasMessage(noId + ": at scenarios[0]: no 'id'");
        assertThatThrownBy(() -> ReportFiles.read(dir)).hasMessageContaining("is a directory");
    }

    @Test
    void aSummaryThatDoesNotCountItsScenariosIsRejected() throws IOException {
        String original = ReportMapper.toJson(SampleReports.failingIstio());
        assertThat(original).contains("\"failed\": 3");
        Path file = Files.writeString(dir.resolve("r.json"), original.replaceFirst("\"failed\": 3", "\"failed\": 0"));
        assertThatThrownBy(() -> ReportFiles.read(file))
                .hasMessageContaining("does not match its scenarios");
    }

    /** The same entries inserted in reverse key order. */
    private static Map<String, Object> reversed(Map<String, Object> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        new java.util.TreeMap<>(map).descendingMap().forEach(out::put);
        return out;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
