package io.meshproof.load.gatling.fork;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.meshproof.load.LoadPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForkProtocolTest {

    @TempDir
    Path directory;

    @Test
    void thePlanReachesTheForkIntact() throws Exception {
        LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:9080"), "GET", "/productpage",
                Map.of("end-user", "jason", "cookie", "session=a,b;c"), 12.5, null, 1500,
                Duration.ofSeconds(90), Duration.ofMillis(1500), "ingress", false);
        ForkProtocol.Input input = new ForkProtocol.Input(plan, "/tmp/records.csv", 50);
        Path file = directory.resolve("input.json");

        ForkProtocol.writeInput(input, file);

        assertThat(ForkProtocol.readInput(file)).isEqualTo(input);
    }

    @Test
    void theForkChecksThePlanAgain() throws Exception {
        // a plan file edited to aim at a remote address without allowRemote is refused by the fork too
        Path file = directory.resolve("input.json");
        Files.writeString(file, "{\"plan\":{\"baseUri\":\"http://10.1.2.3:80\",\"method\":\"GET\",\"path\":\"/\",\"headers\":{},"
                + "\"ratePerSecond\":1.0,\"concurrency\":null,\"maxRequests\":1,\"maxDuration\":\"PT1S\",\"requestTimeout\":\"PT1S\","
                + "\"sender\":\"t\",\"allowRemote\":false},\"recordsFile\":\"/tmp/r.csv\",\"warmUpRequests\":0}");

        assertThatThrownBy(() -> ForkProtocol.readInput(file)).isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void withoutARequestTimeoutARequestMayLastTheLoad() {
        LoadPlan plan = new LoadPlan(URI.create("http://127.0.0.1:9080"), "GET", "/", null, null, 2, 10,
                Duration.ofSeconds(30), null, "tester", false);

        assertThat(ForkProtocol.requestTimeout(plan)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void protocolLinesAreToldFromLog() {
        ForkProtocol.Line line = ForkProtocol.parse(ForkProtocol.line(ForkProtocol.Kind.ended, 1_763_850_000_123_456L, 40, 39))
                .orElseThrow();

        assertThat(line.kind()).isEqualTo(ForkProtocol.Kind.ended);
        assertThat(line.values()).containsExactly(1_763_850_000_123_456L, 40, 39);
        assertThat(ForkProtocol.parse("Simulation io.meshproof.load.gatling.fork.PlanSimulation started...")).isEmpty();
        assertThat(ForkProtocol.parse("@@meshproof progress twelve 1000")).isEmpty();
    }
}
