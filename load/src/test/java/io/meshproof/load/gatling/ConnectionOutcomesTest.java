package io.meshproof.load.gatling;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.LoadResult;
import io.meshproof.load.RequestRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * How each request ended, on real sockets: statuses, the versions in JSON and HTML, and the forms a
 * mesh rejects in (reset, close without reply, refusal, no answer). One request at a time, in script order.
 */
class ConnectionOutcomesTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(700);

    @Test
    void eachRequestEndsAsTheServerEndedIt() throws Exception {
        List<ScriptedSocketServer.Step> script = List.of(
                new ScriptedSocketServer.Respond(200, "application/json", "{\"podname\": \"reviews-v1-545db77b95-2zqkx\"}"),
                new ScriptedSocketServer.Respond(503, "text/plain", "no healthy upstream"),
                new ScriptedSocketServer.Respond(403, "text/plain", "RBAC: access denied"),
                new ScriptedSocketServer.Respond(200, "text/html", "<div>Reviews served by: \n   reviews-v3-0\n</div>"),
                new ScriptedSocketServer.Reset(),
                new ScriptedSocketServer.CloseWithoutReply(),
                new ScriptedSocketServer.Hang());
        LoadResult result;
        try (ScriptedSocketServer server = new ScriptedSocketServer(script)) {
            result = new GatlingLoadRunner().withWarmUpRequests(0)
                    .run(Plans.withTimes(Plans.closed(server.baseUri(), 1, 2 * script.size()), Duration.ofSeconds(20), REQUEST_TIMEOUT), null);
            assertThat(server.requests()).isEqualTo(2 * script.size());
        }

        List<RequestRecord> records = result.records();
        assertThat(records).extracting(RequestRecord::status, RequestRecord::error, RequestRecord::version, RequestRecord::instance)
                .containsExactlyElementsOf(twoCycles());
        List<RequestRecord> timeouts = records.stream().filter(r -> r.error() == ConnectionError.TIMEOUT).collect(Collectors.toList());
        assertThat(timeouts).allSatisfy(timeout -> assertThat(timeout.latencyMicros())
                .isBetween(REQUEST_TIMEOUT.toNanos() / 1000, REQUEST_TIMEOUT.plusMillis(500).toNanos() / 1000));
    }

    @Test
    void aPortNobodyListensOnRefuses() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        LoadResult result = new GatlingLoadRunner().withWarmUpRequests(0).run(Plans.open(closedPort, 10, 5), null);

        assertThat(result.records()).hasSize(5).allSatisfy(record -> {
            assertThat(record.status()).isZero();
            assertThat(record.error()).isEqualTo(ConnectionError.REFUSED);
            assertThat(record.version()).isNull();
        });
    }

    /** What the script's two rounds must leave, in order: a close without reply counts as a reset. */
    private static List<Tuple> twoCycles() {
        List<Tuple> cycle = List.of(
                tuple(200, ConnectionError.NONE, "v1", "reviews-v1-545db77b95-2zqkx"),
                tuple(503, ConnectionError.NONE, null, null),
                tuple(403, ConnectionError.NONE, null, null),
                tuple(200, ConnectionError.NONE, "v3", "reviews-v3-0"),
                tuple(0, ConnectionError.RESET, null, null),
                tuple(0, ConnectionError.RESET, null, null),
                tuple(0, ConnectionError.TIMEOUT, null, null));
        return Stream.concat(cycle.stream(), cycle.stream()).collect(Collectors.toList());
    }
}
