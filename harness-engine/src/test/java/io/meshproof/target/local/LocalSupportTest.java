package io.meshproof.target.local;

import io.meshproof.report.Support;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSupportTest {

    private static Scenario scenario(String rule) throws Exception {
        return ScenarioReader.read(Path.of("s.yaml"), """
                id: s
                title: s
                feature: Retries
                mesh:
                  routes:
                    - service: ratings
                      rules:
                        - backends: [{version: v1}]
                          %s
                  destinations:
                    - service: ratings
                      connectionPool: {maxConnections: 1, maxPendingRequests: 0}
                      outlierDetection: {consecutive5xx: 5, interval: 1s, baseEjectionTime: 30s}
                  rateLimits:
                    - {service: ratings, requestsPerSecond: 10}
                traffic: {from: tester, to: ratings, request: {path: /ratings/0}, rate: 10/s}
                expect:
                  - status: {code: 200, fraction: ">= 99%%"}
                """.formatted(rule));
    }

    @Test
    void faultsTimeoutsRetriesPoolsEjectionAndRateLimitsAreNative() throws Exception {
        assertThat(LocalSupport.of(scenario("""
                timeout: 1s
                          retries: {attempts: 2, perTryTimeout: 300ms, on: [5xx, gateway-error, reset, connect-failure, refused-stream]}
                          fault: {delay: {fixed: 1s, percent: 10}, abort: {status: 503, percent: 10}}""")).level())
                .isEqualTo(Support.native_);
    }

    @Test
    void retriesOnRetriable4xxAreUnsupportedAndSaySo() throws Exception {
        var support = LocalSupport.of(scenario("retries: {attempts: 2, on: [retriable-4xx]}"));
        assertThat(support.level()).isEqualTo(Support.unsupported);
        assertThat(support.note()).contains("retriable-4xx").contains("409");
    }
}
