package io.meshproof.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * Discovery on real scenario files, executed as a dry run on the local target (nothing starts):
 * the tree, sources with lines, invalid files, the extra directory, selection by id and feature.
 */
class DiscoveryTest {

    @TempDir
    Path dir;

    static String scenario(String id, String feature) {
        return """
                id: %s
                title: All reviews traffic goes to v1
                feature: %s
                mesh:
                  routes:
                    - service: reviews
                      rules:
                        - backends: [{version: v1}]
                traffic:
                  from: ingress
                  request: {path: /api/v1/products/0/reviews}
                  rate: 100/s
                expect:
                  - split: {service: reviews, weights: {v1: 100}}
                  - status: {code: 200, fraction: ">= 99%%"}
                """.formatted(id, feature);
    }

    private EngineExecutionResults run(Path selected, String... parameters) {
        var request = EngineTestKit.engine("meshproof").selectors(selectDirectory(selected.toFile()))
                .configurationParameter("mesh.dryRun", "true")
                .configurationParameter("mesh.report.dir", dir.resolve("reports").toString());
        for (int i = 0; i < parameters.length; i += 2) {
            request.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return request.execute();
    }

    private static List<String> containers(EngineExecutionResults results) {
        return results.containerEvents().started().list().stream().map(e -> e.getTestDescriptor().getUniqueId().getLastSegment())
                .filter(s -> s.getType().equals("scenario")).map(s -> s.getValue()).sorted().toList();
    }

    @Test
    void scenariosBecomeTargetScenarioCheckWithTheirLines() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("a.yaml"), scenario("reviews-a", "TrafficSplit"));
        EngineExecutionResults results = run(suite);
        assertThat(containers(results)).containsExactly("reviews-a");
        List<Event> tests = results.testEvents().skipped().list();
        assertThat(tests).extracting(e -> e.getTestDescriptor().getDisplayName())
                .containsExactlyInAnyOrder("converges to the new state", "split reviews v1 100 ± 5", "status 200 >= 99%");
        FileSource split = (FileSource) tests.stream().filter(e -> e.getTestDescriptor().getDisplayName().startsWith("split"))
                .findFirst().orElseThrow().getTestDescriptor().getSource().orElseThrow();
        assertThat(split.getFile().toPath()).isEqualTo(suite.resolve("a.yaml").toAbsolutePath());
        assertThat(split.getPosition().orElseThrow().getLine()).isEqualTo(14);
        assertThat(dir.resolve("reports/local/rendered/reviews-a")).isDirectory();
        assertThat(dir.resolve("reports/local/conformance-report.json")).isRegularFile();
    }

    @Test
    void aMalformedFileFailsAloneWithFileAndLineAndTheOthersStillRun() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("good.yaml"), scenario("reviews-good", "TrafficSplit"));
        Files.writeString(suite.resolve("bad.yaml"), scenario("reviews-bad", "TrafficSplit").replace("weights: {v1: 100}", "weights: {v1: 90}"));
        EngineExecutionResults results = run(suite);
        assertThat(containers(results)).containsExactly("reviews-good");
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        String message = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertThat(message).contains("bad.yaml:14:").contains("weights add up to 90, not 100").contains("how to fix");
        assertThat(results.containerEvents().failed().count()).isZero();
    }

    @Test
    void theExtraDirectoryAddsItsScenariosAndADuplicateIdIsRejected() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Path extra = Files.createDirectories(dir.resolve("extra"));
        Files.writeString(suite.resolve("a.yaml"), scenario("reviews-a", "TrafficSplit"));
        Files.writeString(extra.resolve("b.yaml"), scenario("reviews-b", "HeaderRouting"));
        Files.writeString(extra.resolve("c.yaml"), scenario("reviews-a", "TrafficSplit"));
        EngineExecutionResults results = run(suite, "mesh.scenarios.dir", extra.toString());
        assertThat(containers(results)).containsExactly("reviews-a", "reviews-b");
        assertThat(results.testEvents().failed().list()).singleElement().satisfies(e -> assertThat(
                e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage())
                .contains("c.yaml").contains("already used by"));
    }

    @Test
    void selectionByIdGlobAndFeatureAndProfile() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("a.yaml"), scenario("canary-a", "TrafficSplit"));
        Files.writeString(suite.resolve("b.yaml"), scenario("header-b", "HeaderRouting"));
        Files.writeString(suite.resolve("c.yaml"), scenario("loss-c", "InstanceLoss"));
        assertThat(containers(run(suite, "mesh.scenarios", "canary-*,InstanceLoss"))).containsExactly("canary-a", "loss-c");
        assertThat(containers(run(suite, "mesh.profile", "resilience"))).containsExactly("loss-c");
        assertThat(containers(run(suite, "mesh.profile", "core"))).containsExactly("canary-a", "header-b");
    }

    @Test
    void anUpgradeGateRunsTheSuiteTwiceAroundTheUpgrade() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("a.yaml"), scenario("reviews-a", "TrafficSplit"));
        var plan = EngineTestKit.engine("meshproof").selectors(selectDirectory(suite.toFile()))
                .configurationParameter("mesh.upgrade.from", "haproxy").configurationParameter("mesh.upgrade.to", "haproxy+split-skew")
                .configurationParameter("mesh.dryRun", "true").configurationParameter("mesh.report.dir", dir.resolve("reports").toString())
                .execute();
        List<String> ids = plan.allEvents().started().list().stream().map(e -> e.getTestDescriptor().getUniqueId().toString()).toList();
        assertThat(ids).anyMatch(id -> id.contains("[phase:from]/[scenario:reviews-a]"))
                .anyMatch(id -> id.contains("[phase:to]/[scenario:reviews-a]"))
                .anyMatch(id -> id.endsWith("[upgrade:under-load]"))
                .anyMatch(id -> id.endsWith("[upgrade:verdict]"));
    }
}
