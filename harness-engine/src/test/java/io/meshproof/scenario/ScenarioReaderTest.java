package io.meshproof.scenario;

import io.meshproof.bookinfo.Behavior;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioReaderTest {

    private static final Path FILE = Path.of("catalog/example.yaml");

    static final String FULL = """
            id: reviews-canary-90-10
            title: Canary sends 90% of reviews traffic to v1 and 10% to v2
            feature: TrafficSplit
            setup:
              instances:
                - {service: ratings, version: v1, behavior: unavailable, count: 1}
            mesh:
              mtls: STRICT
              routes:
                - service: reviews
                  rules:
                    - match: {headers: {end-user: jason}}
                      backends: [{version: v2}]
                    - backends: [{version: v1, weight: 90}, {version: v2, weight: 10}]
                      timeout: 1s
                      retries: {attempts: 3, perTryTimeout: 500ms, on: [5xx, connect-failure]}
                      fault: {delay: {fixed: 2s, percent: 100}, abort: {status: 500, percent: 50}}
              destinations:
                - service: ratings
                  connectionPool: {maxConnections: 1, maxPendingRequests: 1}
                  outlierDetection: {consecutive5xx: 5, interval: 1s, baseEjectionTime: 30s}
              authorization:
                - service: reviews
                  action: ALLOW
                  rules: [{from: [productpage], methods: [GET], paths: ["/reviews/*"]}]
              rateLimits:
                - {service: ratings, requestsPerSecond: 10}
            traffic:
              from: ingress
              to: productpage
              user: jason
              request: {method: GET, path: /api/v1/products/0/reviews}
              rate: 50/s
              requests: 1500
            chaos:
              - {at: 5s, kill: {service: reviews, version: v1, count: 1}}
            expect:
              - split: {service: reviews, weights: {v1: 90, v2: 10}, tolerance: 5}
              - status: {code: 200, fraction: ">= 99%"}
              - latency: {percentile: 50, atLeast: 2s}
              - latency: {slowerThan: 1s, fraction: "40%..60%"}
              - rejected: {fraction: "100%"}
              - ejected: {service: ratings, behavior: unavailable, within: 20}
            """;

    @Test
    void readsEveryFieldOfTheContract() throws Exception {
        Scenario s = ScenarioReader.read(FILE, FULL);
        assertThat(s.id()).isEqualTo("reviews-canary-90-10");
        assertThat(s.feature()).isEqualTo(Feature.TrafficSplit);
        assertThat(s.setup().instances().get(0).behavior()).isEqualTo(Behavior.unavailable);
        assertThat(s.mesh().mtls()).isEqualTo(MeshState.MtlsMode.STRICT);
        Route.Rule split = s.mesh().routes().get(0).rules().get(1);
        assertThat(split.backends()).extracting(Route.Backend::weightOr100).containsExactly(90, 10);
        assertThat(split.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(split.retries().perTryTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(split.fault().abort().percent()).isEqualTo(50.0);
        assertThat(s.mesh().destinations().get(0).outlierDetection().baseEjectionTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.mesh().authorization().get(0).rules().get(0).paths()).containsExactly("/reviews/*");
        assertThat(s.traffic().rate().perSecond()).isEqualTo(50.0);
        assertThat(s.chaos().get(0).kind()).isEqualTo("kill");
        assertThat(s.expect()).extracting(Expectation::kind)
                .containsExactly("split", "status", "latency", "latency", "rejected", "ejected");
        assertThat(((Expectation.Status) s.expect().get(1)).fraction().low()).isEqualTo(0.99);
        assertThat(s.lineOfExpectation(0)).isEqualTo(FULL.lines().toList().indexOf("  - split: {service: reviews, weights: {v1: 90, v2: 10}, tolerance: 5}") + 1);
        assertThat(s.line()).isEqualTo(1);
    }

    @Test
    void unknownFieldNamesFileLineAndKnownFields() {
        String yaml = FULL.replace("{version: v1, weight: 90}", "{version: v1, weigth: 90}");
        int line = lineOf(yaml, "weigth");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, yaml))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessageContaining(FILE + ":" + line + ":")
                .hasMessageContaining("unknown field 'weigth'")
                .hasMessageContaining("version, weight");
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRejectedAtTheirLine() {
        String yaml = FULL.replace("{version: v2, weight: 10}]\n", "{version: v2, weight: 5}]\n");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, yaml))
                .hasMessageContaining(":" + lineOf(yaml, "weight: 5}") + ":")
                .hasMessageContaining("weights add up to 95, not 100");
    }

    @Test
    void unknownServiceAndVersionAreRejected() {
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("weights: {v1: 90, v2: 10}", "weights: {v1: 90, v4: 10}")))
                .hasMessageContaining("unknown version 'v4' of reviews");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("- service: ratings\n      connectionPool", "- service: rating\n      connectionPool")))
                .hasMessageContaining("unknown service 'rating'");
    }

    @Test
    void wrongTypesAndValuesAreExplained() {
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("timeout: 1s", "timeout: soon")))
                .hasMessageContaining(":" + lineOf(FULL, "timeout: 1s") + ":")
                .hasMessageContaining("'soon' is not a valid duration");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("feature: TrafficSplit", "feature: Splitting")))
                .hasMessageContaining("'Splitting' is not one of TrafficSplit, HeaderRouting");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("rate: 50/s", "rate: fast")))
                .hasMessageContaining("'fast' is not a rate");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("fraction: \">= 99%\"", "fraction: \"most\"")))
                .hasMessageContaining("'most' is not a fraction");
    }

    @Test
    void anExpectationMustNameExactlyOneKind() {
        String yaml = FULL.replace("  - rejected: {fraction: \"100%\"}", "  - rejected: {fraction: \"100%\"}\n    status: {code: 403, fraction: \"100%\"}");
        assertThatThrownBy(() -> ScenarioReader.read(FILE, yaml))
                .hasMessageContaining(":" + lineOf(yaml, "- rejected") + ":")
                .hasMessageContaining("exactly one kind of check");
    }

    @Test
    void brokenYamlNamesTheLine() {
        String yaml = "id: x\ntitle: t\nfeature: TrafficSplit: oops\n";
        assertThatThrownBy(() -> ScenarioReader.read(FILE, yaml)).hasMessageContaining(FILE + ":3:").hasMessageContaining("not valid YAML");
    }

    @Test
    void trafficNeedsExactlyOneArrivalModel() {
        assertThatThrownBy(() -> ScenarioReader.read(FILE, FULL.replace("rate: 50/s", "concurrency: 4\n  rate: 5/s")))
                .hasMessageContaining("exactly one of 'rate' (open model) or 'concurrency'");
    }

    @Test
    void aDefaultRuleBeforeOthersIsRejected() {
        String yaml = """
                id: x
                title: t
                feature: HeaderRouting
                mesh:
                  routes:
                    - service: reviews
                      rules:
                        - backends: [{version: v1}]
                        - match: {headers: {end-user: jason}}
                          backends: [{version: v2}]
                traffic: {from: ingress, request: {path: /productpage}, rate: 10/s}
                expect:
                  - status: {code: 200, fraction: ">= 99%"}
                """;
        assertThatThrownBy(() -> ScenarioReader.read(FILE, yaml)).hasMessageContaining(FILE + ":8:").hasMessageContaining("can never apply");
    }

    @Test
    void fractionsParse() {
        assertThat(Fraction.parse(">= 99%").low()).isEqualTo(0.99);
        assertThat(Fraction.parse("<= 5%").high()).isEqualTo(0.05);
        assertThat(Fraction.parse("40%..60%")).extracting(Fraction::low, Fraction::high).containsExactly(0.4, 0.6);
        assertThat(Fraction.parse("0%").exact()).isTrue();
        assertThat(Fraction.parse("100%").exact()).isTrue();
        assertThatThrownBy(() -> Fraction.parse("50%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fraction.parse("60%..40%")).hasMessageContaining("low end is above");
    }

    @Test
    void durationsParseAndFormat() {
        assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThatThrownBy(() -> DurationText.parse("5")).hasMessageContaining("not a duration");
    }

    private static int lineOf(String text, String needle) {
        var lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in text");
    }
}
