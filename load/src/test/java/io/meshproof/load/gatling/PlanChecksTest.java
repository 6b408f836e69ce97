package io.meshproof.load.gatling;

import io.meshproof.load.LoadPlan;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans the fork could not drive are refused before a JVM starts, saying what is wrong. */
class PlanChecksTest {

    private static final URI TARGET = URI.create("http://127.0.0.1:9");
    private final GatlingLoadRunner runner = new GatlingLoadRunner();

    @Test
    void aRateMustBePositive() {
        LoadPlan plan = new LoadPlan(TARGET, "GET", "/", null, 0.0, null, 10, Duration.ofSeconds(5), null, "t", false);

        assertThatThrownBy(() -> runner.run(plan, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratePerSecond must be positive, was 0.0");
    }

    @Test
    void aConcurrencyMustBeOneOrMore() {
        LoadPlan plan = new LoadPlan(TARGET, "GET", "/", null, null, 0, 10, Duration.ofSeconds(5), null, "t", false);

        assertThatThrownBy(() -> runner.run(plan, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrency must be at least 1, was 0");
    }

    @Test
    void aRequestTimeoutMustBePositive() {
        LoadPlan plan = new LoadPlan(TARGET, "GET", "/", null, 1.0, null, 10, Duration.ofSeconds(5), Duration.ZERO, "t", false);

        assertThatThrownBy(() -> runner.run(plan, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestTimeout must be positive");
    }

    @Test
    void aMethodIsNeeded() {
        LoadPlan plan = new LoadPlan(TARGET, " ", "/", null, 1.0, null, 10, Duration.ofSeconds(5), null, "t", false);

        assertThatThrownBy(() -> runner.run(plan, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a method");
    }

    @Test
    void runnerOptionsAreChecked() {
        assertThatThrownBy(() -> runner.withOverstayMargin(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runner.withWarmUpRequests(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runner.withClassPath(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
