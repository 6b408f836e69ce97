package io.meshproof.oracle;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.scenario.Expectation;
import io.meshproof.scenario.Fraction;
import io.meshproof.scenario.InvalidScenarioException;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OraclesTest {

    private static final ErrorRates SUITE = ErrorRates.bonferroni(30);

    @Test
    void eachKindGoesToItsOracle() {
        Observations none = Records.observe(List.of());
        List<Expectation> all = List.of(
                new Expectation.Split("reviews", Map.of("v1", 100), null),
                new Expectation.Status(200, null, Fraction.parse(">= 99%")),
                new Expectation.Latency(50.0, Duration.ofSeconds(2), null, null, null),
                new Expectation.Rejected(Fraction.parse("100%")),
                new Expectation.Ejected("ratings", Behavior.unavailable, 20));
        List<String> evidenceKeys = List.of("unversioned", "statuses", "timeoutsAsLowerBounds", "forms", "badInstances");
        for (int i = 0; i < all.size(); i++) {
            Verdict v = Oracles.judge(all.get(i), none, SUITE);
            assertThat(v.passed()).as(all.get(i).kind()).isFalse();
            assertThat(v.evidence()).as(all.get(i).kind()).containsKey(evidenceKeys.get(i));
            assertThat(Oracles.requiredRequests(all.get(i), SUITE)).isEqualTo(Oracles.plan(all.get(i), SUITE).counted());
        }
    }

    @Test
    void requestsToDriveAllowForRecordsThatDoNotCount() {
        List<Expectation> canary = List.of(
                new Expectation.Split("reviews", Map.of("v1", 90, "v2", 10), 5.0),
                new Expectation.Status(200, null, Fraction.parse(">= 99%")));
        // 2159 versioned answers; a passing ">= 99%" status check can sit 5 points lower, so 94% count.
        assertThat(Oracles.requestsToDrive(canary, SUITE)).isEqualTo((int) Math.ceil(2159 / 0.94));

        List<Expectation> unstated = List.of(new Expectation.Split("reviews", Map.of("v1", 100), null));
        assertThat(Oracles.requestsToDrive(unstated, SUITE)).isEqualTo((int) Math.ceil(135 / 0.95));

        List<Expectation> ejection = List.of(new Expectation.Ejected("ratings", Behavior.unavailable, 20),
                new Expectation.Status(200, null, Fraction.parse(">= 99%")));
        assertThat(Oracles.requestsToDrive(ejection, SUITE)).isEqualTo(290);
    }

    @Test
    void planEveryCatalogScenario() throws IOException, InvalidScenarioException {
        Path catalog = Path.of("../scenarios/catalog");
        assumeTrue(Files.isDirectory(catalog), "the scenario catalog is not at " + catalog.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(catalog)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        ErrorRates rates = ErrorRates.bonferroni(files.size() * 2);
        for (Path file : files) {
            Scenario s = ScenarioReader.read(file);
            int requests = Oracles.requestsToDrive(s.expect(), rates);
            assertThat(requests).as(s.id()).isPositive();
            StringBuilder line = new StringBuilder(String.format("%-32s drive %5d requests;", s.id(), requests));
            for (Expectation e : s.expect()) {
                SamplePlan plan = Oracles.plan(e, rates);
                line.append(' ').append(e.kind()).append(' ').append(plan.counted()).append(' ').append(plan.counting().name().toLowerCase());
            }
            System.out.println(line);
        }
    }
}
