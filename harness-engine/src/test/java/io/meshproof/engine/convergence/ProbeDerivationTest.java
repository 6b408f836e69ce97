package io.meshproof.engine.convergence;

import io.meshproof.load.ConnectionError;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeDerivationTest {

    static Scenario scenario(String mesh, String traffic, String setup) throws Exception {
        return ScenarioReader.read(Path.of("probe.yaml"), """
                id: probe
                title: probe
                feature: FaultAbort
                %s
                mesh:
                %s
                traffic:
                %s
                expect:
                  - status: {code: 200, fraction: ">= 99%%"}
                """.formatted(setup, mesh.indent(2).stripTrailing(), traffic.indent(2).stripTrailing()));
    }

    private static final String ABORT_ALL_FOR_JASON = """
            routes:
              - service: ratings
                rules:
                  - match: {headers: {end-user: jason}}
                    backends: [{version: v1}]
                    fault: {abort: {status: 503, percent: 100}}
                  - backends: [{version: v1}]
            """;

    private static ProbeResponse answer(int status) {
        return new ProbeResponse(status, ConnectionError.NONE, null);
    }

    @Test
    void anAbortOfEveryRequestIsSeenInEveryAnswer() throws Exception {
        Optional<Probe> probe = ProbeDerivation.derive(scenario(ABORT_ALL_FOR_JASON,
                "{from: tester, to: ratings, user: jason, request: {path: /ratings/0}, rate: 10/s}", ""));
        assertThat(probe).isPresent();
        assertThat(probe.get().description()).isEqualTo("every answer is the injected 503");
        assertThat(probe.get().consecutive()).isEqualTo(ProbeDerivation.MIN_CONSECUTIVE);
        assertThat(probe.get().satisfiedBy()).accepts(answer(503)).rejects(answer(200), answer(500),
                new ProbeResponse(0, ConnectionError.RESET, null));
    }

    @Test
    void noAbortProbeWhereTheTrafficMissesTheRuleOrTheStockStateCouldAnswerTheSame() throws Exception {
        // alice matches the rule without a fault
        assertThat(ProbeDerivation.abortEverything(scenario(ABORT_ALL_FOR_JASON,
                "{from: tester, to: ratings, user: alice, request: {path: /ratings/0}, rate: 10/s}", ""))).isEmpty();
        // the outsider's requests meet no client-side rule
        assertThat(ProbeDerivation.abortEverything(scenario(ABORT_ALL_FOR_JASON,
                "{from: outsider, to: ratings, request: {path: /ratings/0, headers: {end-user: jason}}, rate: 10/s}", ""))).isEmpty();
        // an unavailable instance answers 503 in the stock state as well
        assertThat(ProbeDerivation.abortEverything(scenario(ABORT_ALL_FOR_JASON,
                "{from: tester, to: ratings, user: jason, request: {path: /ratings/0}, rate: 10/s}",
                "setup: {instances: [{service: ratings, version: v1, behavior: unavailable}]}"))).isEmpty();
        // half of the requests keep their stock answer
        assertThat(ProbeDerivation.abortEverything(scenario(ABORT_ALL_FOR_JASON.replace("percent: 100", "percent: 50"),
                "{from: tester, to: ratings, user: jason, request: {path: /ratings/0}, rate: 10/s}", ""))).isEmpty();
    }

    @Test
    void aReviewsRouteThatMayTimeOutGivesNoVersionProbe() throws Exception {
        String route = """
                routes:
                  - service: reviews
                    rules:
                      - backends: [{version: v2}]
                """;
        String traffic = "{from: tester, to: reviews, request: {path: /reviews/0}, rate: 10/s}";
        assertThat(ProbeDerivation.derive(scenario(route, traffic, ""))).map(Probe::description).contains("answers only from reviews v2");
        assertThat(ProbeDerivation.derive(scenario(route.replace("[{version: v2}]", "[{version: v2}]\n        timeout: 500ms"), traffic, "")))
                .isEmpty();
        assertThat(ProbeDerivation.derive(scenario(route.replace("[{version: v2}]",
                "[{version: v2}]\n        fault: {abort: {status: 500, percent: 10}}"), traffic, ""))).isEmpty();
    }
}
