package io.meshproof.load.gatling;

import io.meshproof.load.LoadException;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.gatling.fork.ForkProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fork is bounded, dies with the harness, fails with a clear message, and leaves nothing behind. */
class ForkLifecycleTest {

    @TempDir
    Path work;

    @AfterEach
    void noForkOutlivesATest() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aForkThatOverstaysIsKilled() throws Exception {
        LoadPlan plan = Plans.withTimes(Plans.closed(java.net.URI.create("http://127.0.0.1:9"), 1, 1),
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        // a JVM that hangs at startup (it waits for a pause file to be deleted): a fork that never ends
        GatlingLoadRunner hanging = new GatlingLoadRunner().withWorkDirectory(work).withOverstayMargin(Duration.ofSeconds(1))
                .withJvmOptions(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+PauseAtStartup"));
        long started = System.nanoTime();

        assertThatThrownBy(() -> hanging.run(plan, null)).isInstanceOf(LoadException.class)
                .hasMessageContaining("still running after 3000 ms").hasMessageContaining("was killed");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(20));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aForkWhoseHarnessGoesAwayStops() throws Exception {
        try (PodnameServer server = new PodnameServer(index -> PodnameServer.Answer.json("reviews-v1-0").delayed(100))) {
            LoadPlan plan = Plans.withTimes(Plans.closed(server.baseUri(), 1, 1000), Duration.ofSeconds(60), Duration.ofSeconds(2));
            Path input = work.resolve("input.json");
            ForkProtocol.writeInput(new ForkProtocol.Input(plan, work.resolve("records.csv").toString(), 0), input);
            Process fork = new ProcessBuilder(new GatlingLoadRunner().command(work, input))
                    .directory(work.toFile()).redirectErrorStream(true).start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("@@meshproof started")) {
                    // Gatling's start-up lines
                }
                assertThat(line).as("the fork started its load").isNotNull();
                assertThat(fork.isAlive()).isTrue();

                // what the kernel does to the pipe when the harness's JVM dies, however it dies
                fork.getOutputStream().close();

                assertThat(fork.waitFor(10, TimeUnit.SECONDS)).as("the fork stopped").isTrue();
                assertThat(fork.exitValue()).isEqualTo(3);
                assertThat(server.requests()).isLessThan(1000);
            } finally {
                fork.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void aForkThatCannotStartFailsTheRunWithItsOutput() {
        GatlingLoadRunner misplaced = new GatlingLoadRunner().withWorkDirectory(work).withClassPath(work.resolve("missing.jar").toString());

        assertThatThrownBy(() -> misplaced.run(Plans.open(java.net.URI.create("http://127.0.0.1:9"), 1, 1), null))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("exit status 1")
                .hasMessageContaining("Could not find or load main class io.meshproof.load.gatling.fork.ForkMain");
    }
}
