package io.meshproof.target.local;

import com.sun.net.httpserver.HttpServer;
import io.meshproof.bookinfo.Behavior;
import io.meshproof.bookinfo.process.LoopbackPorts;
import io.meshproof.scenario.Destination;
import io.meshproof.scenario.MeshState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real sockets: a sidecar rendered with outlier detection ejects an endpoint that answers 503 after
 * {@code consecutive5xx} errors and brings it back no sooner than {@code baseEjectionTime} (the health
 * check it passes all along does not end the ejection early), and ejects it again when it fails again,
 * however slowly its errors come, as Envoy does.
 */
class EjectionTimingTest {

    private static final Duration BASE_EJECTION = Duration.ofSeconds(1);
    private static final Duration INTERVAL = Duration.ofMillis(250);
    /** Between requests: the bad endpoint's errors come more than one check interval apart, which must not reset their count. */
    private static final Duration PAUSE = Duration.ofMillis(150);

    @TempDir
    Path dir;
    private final List<HttpServer> servers = new ArrayList<>();
    private HaproxyProcess sidecar;

    @AfterEach
    void stop() {
        if (sidecar != null) {
            sidecar.close();
        }
        servers.forEach(s -> s.stop(0));
    }

    /** An upstream that names itself, answers {@code status} except on /health (always 200, as bookinfo does). */
    private int upstream(String name, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", exchange -> {
            int code = exchange.getRequestURI().getPath().equals("/health") ? 200 : status;
            byte[] body = name.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }

    @Test
    void anEjectedEndpointStaysOutForTheBaseEjectionTimeThoughItPassesItsHealthCheck() throws Exception {
        HaproxyInstallation haproxy = InstalledHaproxy.require();
        List<Endpoint> endpoints = List.of(
                new Endpoint("ratings", "v1", "ratings-v1-good", upstream("good", 200), Behavior.healthy),
                new Endpoint("ratings", "v1", "ratings-v1-bad", upstream("bad", 503), Behavior.unavailable));
        int port = LoopbackPorts.free();
        MeshState mesh = new MeshState(null, List.of(), List.of(new Destination("ratings", null,
                new Destination.OutlierDetection(3, INTERVAL, BASE_EJECTION))), List.of(), List.of());
        SidecarSpec tester = new SidecarSpec("tester", "tester", null, null, Map.of("ratings", port));
        sidecar = new HaproxyProcess("tester", haproxy, dir, dir);
        // the upstreams here speak plain HTTP: ejection timing is the subject, mutual TLS has its own tests (SidecarSecurityTest)
        sidecar.start(new SidecarConfig(tester, endpoints, mesh, Set.of(), dir).render()
                .replaceAll(" ssl crt \\S+ ca-file \\S+ verify required verifyhost \\S+ sni str\\(\\S+\\)", ""));

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ratings/0")).timeout(Duration.ofSeconds(5)).build();
        List<Long> badAnswersNanos = new ArrayList<>();
        long start = System.nanoTime();
        // round robin: every other request goes to the bad endpoint until it is ejected; 3 errors, out, back, 3 errors, out
        while (badAnswersNanos.size() < 7 && System.nanoTime() - start < BASE_EJECTION.multipliedBy(2).plusSeconds(8).toNanos()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.body().equals("bad")) {
                badAnswersNanos.add(System.nanoTime());
            }
            Thread.sleep(PAUSE.toMillis());
        }
        assertThat(badAnswersNanos).as("the bad endpoint's answers").hasSize(7);
        List<Long> gapsMs = new ArrayList<>();
        for (int i = 1; i < badAnswersNanos.size(); i++) {
            gapsMs.add((badAnswersNanos.get(i) - badAnswersNanos.get(i - 1)) / 1_000_000);
        }
        // in rotation, the bad endpoint answers every other request; each ejection lasts the base ejection time
        long inRotation = 2 * PAUSE.toMillis() + 1_000;
        assertThat(gapsMs.get(0)).as("gaps between bad answers " + gapsMs).isLessThan(inRotation);
        assertThat(gapsMs.get(1)).as("gaps between bad answers " + gapsMs).isLessThan(inRotation);
        for (int ejection : new int[] {2, 5}) {
            assertThat(gapsMs.get(ejection)).as("time out of rotation, gaps " + gapsMs).isGreaterThanOrEqualTo(BASE_EJECTION.toMillis())
                    // the checks' own time, the pause, and room for a busy machine
                    .isLessThan(BASE_EJECTION.plus(INTERVAL).plus(PAUSE).plusSeconds(2).toMillis());
        }
        assertThat(gapsMs.get(3)).as("gaps between bad answers " + gapsMs).isLessThan(inRotation);
        assertThat(gapsMs.get(4)).as("gaps between bad answers " + gapsMs).isLessThan(inRotation);
    }
}
