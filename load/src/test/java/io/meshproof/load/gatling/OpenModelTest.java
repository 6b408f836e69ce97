package io.meshproof.load.gatling;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadResult;
import io.meshproof.load.RequestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** One open-model run (40 requests at 20/s against a JSON server), checked from several sides. */
class OpenModelTest {

    private static final int REQUESTS = 40;
    private static final double RATE = 20;
    private static final String[] PODNAMES = {"reviews-v1-545db77b95-2zqkx", "reviews-v2-7f9c4", "reviews-v3-0"};
    private static final Map<String, String> HEADERS = Map.of(
            "end-user", "jason",
            "cookie", "session=eyJ1c2VyIjoiamFzb24ifQ",
            // Gatling's expression language must not touch plan values
            "x-literal", "#{not-an-expression}");

    @TempDir
    static Path work;
    @TempDir
    static Path logs;

    private static PodnameServer server;
    private static LoadResult result;
    private static final List<int[]> progress = new ArrayList<>();

    @BeforeAll
    static void runOnce() throws Exception {
        server = new PodnameServer(index -> PodnameServer.Answer.json(PODNAMES[index % PODNAMES.length]));
        LoadPlan plan = Plans.withHeaders(Plans.open(server.baseUri(), RATE, REQUESTS), HEADERS);
        result = new GatlingLoadRunner().withWorkDirectory(work).withLogDirectory(logs)
                .run(plan, (sent, planned, elapsedMillis) -> progress.add(new int[] {sent, planned}));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @Test
    void sendsExactlyThePlannedRequests() {
        assertThat(result.records()).hasSize(REQUESTS);
        assertThat(server.requests()).isEqualTo(REQUESTS);
    }

    @Test
    void arrivalsComeAtThePlannedRate() {
        // 40 arrivals evenly spaced at 20/s span 39 intervals of 50 ms: 1.95 s (all at once: 0 s; twice the rate: 0.95 s)
        double planned = (REQUESTS - 1) / RATE;
        List<Long> arrivals = server.seen().stream().map(PodnameServer.Seen::arrivalNanos).sorted().collect(Collectors.toList());
        long first = arrivals.get(0);
        assertThat((arrivals.get(arrivals.size() - 1) - first) / 1e9)
                .as("server arrivals (ms) %s", arrivals.stream().map(a -> (a - first) / 1_000_000).collect(Collectors.toList()))
                .isCloseTo(planned, within(0.4));
        List<RequestRecord> records = result.records();
        assertThat((records.get(records.size() - 1).sentAtMicros() - records.get(0).sentAtMicros()) / 1e6)
                .isCloseTo(planned, within(0.2));
    }

    @Test
    void recordsAreInSendOrderAndComplete() {
        assertThat(result.records()).isSortedAccordingTo(Comparator.comparingLong(RequestRecord::sentAtMicros));
        assertThat(result.records()).allSatisfy(record -> {
            assertThat(record.status()).isEqualTo(200);
            assertThat(record.error()).isEqualTo(ConnectionError.NONE);
            assertThat(record.sender()).isEqualTo("tester");
            assertThat(record.latencyMicros()).isPositive().isLessThan(2_000_000);
        });
        long firstSent = result.records().get(0).sentAtMicros();
        assertThat(result.started().toEpochMilli() * 1000).isLessThanOrEqualTo(firstSent);
        assertThat(result.ended()).isAfterOrEqualTo(result.started());
        assertThat(result.engine()).startsWith("Gatling 3.14");
    }

    @Test
    void versionsComeFromThePodnameInJson() {
        Map<String, Long> byVersion = result.records().stream()
                .collect(Collectors.groupingBy(RequestRecord::version, Collectors.counting()));
        assertThat(byVersion).containsOnly(Map.entry("v1", 14L), Map.entry("v2", 13L), Map.entry("v3", 13L));
        Map<String, Long> byInstance = result.records().stream()
                .collect(Collectors.groupingBy(RequestRecord::instance, Collectors.counting()));
        assertThat(byInstance.keySet()).containsExactlyInAnyOrder(PODNAMES);
    }

    @Test
    void everyRequestCarriesThePlanHeaders() {
        assertThat(server.seen()).allSatisfy(seen -> HEADERS.forEach((name, value) ->
                assertThat(seen.headers().get(capitalized(name))).as(name).containsExactly(value)));
    }

    @Test
    void progressIsReportedUpToTheEnd() {
        assertThat(progress).isNotEmpty();
        assertThat(progress).allSatisfy(update -> assertThat(update[1]).isEqualTo(REQUESTS));
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(REQUESTS);
    }

    @Test
    void leavesNothingBehindButTheLog() throws Exception {
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
        try (Stream<Path> logFiles = Files.list(logs)) {
            List<Path> files = logFiles.collect(Collectors.toList());
            assertThat(files).hasSize(1);
            assertThat(Files.readString(files.get(0))).contains("fork memory: VmHWM");
        }
    }

    /** JDK HttpServer hands header names over with the first letter in upper case. */
    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
